/**
 * Jobs: the one model of long-running work (imports, backups, verifications, restores and drills).
 * A job is a row Lectern owns ({@code job}) and a Jakarta Batch execution that runs it; replicas
 * claim waiting jobs under a cluster lock, heartbeat the ones they run, and fail the ones whose
 * replica died so they can be retried. Admins manage them at {@code /api/v1/admin/jobs}.
 */
package dev.lectern.control.jobs;
