package dev.lectern.control.cache;

/** How long an entry lives, each tier configured by {@code CACHE_TTL_<TIER>} in seconds. */
public enum CacheTier {
  SHORT(60),
  MEDIUM(300),
  LONG(3600),
  DAILY(86400),
  SESSION(1800),
  DEFAULT(300);

  private final long defaultSeconds;

  CacheTier(long defaultSeconds) {
    this.defaultSeconds = defaultSeconds;
  }

  long defaultSeconds() {
    return defaultSeconds;
  }
}
