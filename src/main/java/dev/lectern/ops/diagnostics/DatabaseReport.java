package dev.lectern.ops.diagnostics;

import java.util.List;

/**
 * What {@code GET /api/v1/admin/diagnostics/database} answers.
 *
 * @param pools both connection pools, read even when the database is unreachable
 * @param backends every backend of Lectern's database, longest-running statement first; empty with
 *     {@code error} set when PostgreSQL cannot be asked
 * @param blocked backends waiting on another's lock
 * @param longestTransaction the backend whose open transaction is oldest, if any
 */
public record DatabaseReport(
    List<PoolStats> pools,
    List<Backend> backends,
    List<BlockedBackend> blocked,
    Backend longestTransaction,
    String error) {}
