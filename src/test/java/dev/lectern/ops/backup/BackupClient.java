package dev.lectern.ops.backup;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
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

  HttpResult post(String path, String json) {
    return http.postJson(path, json, token);
  }

  /** Takes a backup and answers its finished job; fails unless it completed. */
  JsonObject backup() {
    HttpResult accepted = post("/api/v1/admin/backups", "{}");
    if (accepted.status() != 202) {
      throw new AssertionError("backup refused: " + accepted);
    }
    JsonObject job = await(accepted.json().getString("job"));
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
    HttpResult accepted =
        post("/api/v1/admin/backups/drills", "{\"backupId\":\"" + backupId + "\"}");
    if (accepted.status() != 202) {
      throw new AssertionError("drill refused: " + accepted);
    }
    String id = accepted.json().getString("id");
    await(id);
    return get("/api/v1/admin/backups/drills/" + id).json();
  }
}
