package dev.lectern.control.cache;

/** What {@code GET /api/v1/cache/stats} shows. */
public record CacheStats(
    String backend,
    long hits,
    long misses,
    double hitRate,
    long keys,
    Long redisUsedMemoryBytes,
    long localKeys) {}
