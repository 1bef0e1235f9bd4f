package dev.lectern.control.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The one answer of every request that starts long work: {@code 202}, the job's address in {@code
 * Location}, and the job as {@code GET /api/v1/admin/jobs/{id}} shows it, so a client follows
 * imports, backups, restores and drills alike.
 */
@ApplicationScoped
public class JobAccepted {

  @Inject JobService jobs;

  public Response of(Job job) {
    return Response.accepted(
            JobsResource.JobView.of(job, jobs.problems(job.id(), JobsResource.PROBLEMS_IN_JOB)))
        .location(URI.create("/api/v1/admin/jobs/" + job.id()))
        .build();
  }
}
