package dev.lectern.roster.write;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long deleted roster records stay visible as {@code tobedeleted}; see configuration.md. */
@ApplicationScoped
public class RosterWriteConfig {

  @Inject
  @ConfigProperty(name = "ONEROSTER_TOMBSTONE_DAYS", defaultValue = "180")
  int tombstoneDays;

  int tombstoneDays() {
    return Math.max(1, tombstoneDays);
  }
}
