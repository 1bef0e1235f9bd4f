package dev.lectern.ops.diagnostics;

/**
 * One connection pool as Liberty counts it. {@code inUse == max} with waits climbing is an
 * exhausted pool; Liberty keeps no count of the requests waiting at this instant, only of those
 * that have waited ({@code waits}) and for how long.
 *
 * @param dataSource the JNDI name, {@code jdbc/lectern} or {@code jdbc/lecternDirect}
 * @param size connections open, in use or free
 * @param inUse connections lent out now
 * @param free connections open and idle
 * @param max the configured ceiling
 * @param waits requests that had to wait for a connection since the server started
 * @param waitMeanMs their mean wait
 * @param waitMaxMs the longest wait
 */
public record PoolStats(
    String dataSource,
    long size,
    long inUse,
    long free,
    long max,
    long waits,
    double waitMeanMs,
    long waitMaxMs) {}
