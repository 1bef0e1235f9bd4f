package dev.lectern.control.cache;

/** How long an entry lives, each tier configured by {@code CACHE_TTL_<TIER>} in seconds. */
public enum CacheTier {
  SHORT,
  MEDIUM,
  LONG,
  DAILY,
  SESSION,
  DEFAULT
}
