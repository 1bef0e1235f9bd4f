package dev.lectern.control.logging;

import java.time.Instant;

/** A level in force on every replica until {@code revertAt}. */
public record LogLevelOverride(
    String logger, String level, Instant revertAt, String setBy, String reason, Instant setAt) {}
