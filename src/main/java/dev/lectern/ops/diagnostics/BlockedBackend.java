package dev.lectern.ops.diagnostics;

/**
 * A backend waiting for a lock another backend holds: the holder is what to cancel.
 *
 * @param pid the waiting backend
 * @param blockedBy the backend holding the lock
 * @param waitingMs how long the waiting statement has run
 */
public record BlockedBackend(int pid, int blockedBy, Long waitingMs, String query) {}
