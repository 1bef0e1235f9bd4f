package dev.lectern.ops.backup;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.JobStarts;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Set;

/** Takes, lists, verifies and drills backups over the admin API, as an operator would. */
final class BackupClient {

  private final Http http;
  private final String token;

  BackupClient(Http http, String token) {
    this.http = http;
    this.token = token;
  }

  HttpResult get(String path) {
    return http.get(path, token);
  }

  HttpResult delete(String path) {
    return http.send(http.request(path).header("Authorization", "Bearer " + token).DELETE());
  }

  HttpResult post(String path, String json) {
    return http.postJson(path, json, token);
  }

  /** The id of the job an answer started; fails unless it is shaped as every job start is. */
  String started(HttpResult accepted) {
    return JobStarts.accepted(accepted, http, token);
  }

  /** Takes a backup and answers its finished job; fails unless it completed. */
  JsonObject backup() {
    JsonObject job = await(JobStarts.accepted(post("/api/v1/admin/backups", "{}"), http, token));
    if (!"completed".equals(job.getString("state"))) {
      throw new AssertionError("backup job did not complete: " + job);
    }
    return job;
  }

  JsonObject job(String id) {
    return get("/api/v1/admin/jobs/" + id).json();
  }

  JsonObject await(String jobId) {
    Eventually.within(
        Duration.ofSeconds(180),
        () -> Set.of("completed", "failed", "cancelled").contains(job(jobId).getString("state")),
        () -> "job " + jobId + " did not finish: " + job(jobId));
    return job(jobId);
  }

  /** Runs a drill of {@code backupId} and answers the drill record once it ended. */
  JsonObject drill(String backupId) {
    String id =
        JobStarts.accepted(
            post("/api/v1/admin/backups/drills", "{\"backupId\":\"" + backupId + "\"}"),
            http,
            token);
    await(id);
    return get("/api/v1/admin/backups/drills/" + id).json();
  }
}
