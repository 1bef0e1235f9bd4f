package dev.lectern.roster.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the OneRoster API. */
@ApplicationScoped
public class OneRosterConfig {

  @Inject
  @ConfigProperty(name = "ONEROSTER_MAX_LIMIT", defaultValue = "5000")
  int maxLimit;

  /** Largest page; a larger {@code limit} is clamped to it and paging links follow. */
  public int maxLimit() {
    return Math.max(1, maxLimit);
  }
}
