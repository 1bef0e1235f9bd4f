package dev.lectern.control.access;

import java.time.Instant;

/** A network denied: an address or CIDR range, refused on every path before any work. */
public record AccessRule(
    long id, String cidr, String reason, Instant createdAt, String createdBy) {}
