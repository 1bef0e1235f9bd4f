package dev.lectern.control.audit;

import java.time.Instant;
import java.util.Optional;

/** Filters of the audit-log listing; every one optional. */
public record AuditQuery(
    Optional<String> actor,
    Optional<String> action,
    Optional<AuditOutcome> outcome,
    Optional<Instant> since,
    Optional<Instant> until,
    int offset,
    int limit) {}
