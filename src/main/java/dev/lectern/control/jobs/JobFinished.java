package dev.lectern.control.jobs;

import java.util.UUID;

/**
 * Fired when a job ends, on the replica that saw it end (the one that ran it, or the one that found
 * it interrupted), so the job's kind can clean up after it.
 */
public record JobFinished(UUID id, JobType type, JobState state) {}
