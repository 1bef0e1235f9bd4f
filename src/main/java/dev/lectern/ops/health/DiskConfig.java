package dev.lectern.ops.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** When a directory's disk counts as nearly full; see docs/configuration.md. */
@ApplicationScoped
public class DiskConfig {

  @Inject
  @ConfigProperty(name = "DISK_MIN_FREE_PERCENT", defaultValue = "10")
  double minFreePercent;

  /** Below this share of free space (0-100) a directory is reported low. */
  public double minFreePercent() {
    return Math.max(0, Math.min(100, minFreePercent));
  }
}
