package dev.lectern.ops.diagnostics;

/**
 * One server process of PostgreSQL working for Lectern's database, as {@code pg_stat_activity}
 * shows it.
 *
 * @param pid what cancel and terminate take
 * @param role the login role
 * @param application {@code lectern} (requests), {@code lectern-jobs} (jobs, the change feed) or a
 *     client's own name
 * @param state {@code active}, {@code idle in transaction}, ...
 * @param waitEventType what it waits on ({@code Lock}, {@code IO}, {@code Client}), if anything
 * @param queryMs how long its current (or last) statement has run
 * @param transactionMs how long its open transaction has lasted, if one is open
 * @param query the statement with its literals replaced, cut to 1 KB
 * @param signalable whether Lectern may cancel or terminate it
 */
public record Backend(
    int pid,
    String role,
    String application,
    String clientAddress,
    String state,
    String waitEventType,
    String waitEvent,
    Long queryMs,
    Long transactionMs,
    String query,
    boolean signalable) {}
