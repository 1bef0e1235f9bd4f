package dev.lectern.roster.imports;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.JobStarts;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Set;

/** Uploads packages and follows their jobs, as an admin would with curl. */
final class ImportClient {

  private final Http http;
  private final String token;

  ImportClient(Http http, String token) {
    this.http = http;
    this.token = token;
  }

  HttpResult upload(byte[] zip) {
    return http.send(
        http.request("/api/v1/admin/imports")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/zip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
  }

  /** Uploads and answers the job id; fails unless the upload is accepted. */
  String submit(byte[] zip) {
    return JobStarts.accepted(upload(zip), http, token);
  }

  JsonObject job(String id) {
    return get("/api/v1/admin/jobs/" + id).json();
  }

  HttpResult get(String path) {
    return http.get(path, token);
  }

  HttpResult post(String path) {
    return http.send(
        http.request(path)
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** Waits until the job is completed, failed or cancelled and answers it. */
  JsonObject await(String id, Duration timeout) {
    Eventually.within(
        timeout,
        () -> Set.of("completed", "failed", "cancelled").contains(job(id).getString("state")),
        () -> "job " + id + " did not finish: " + job(id));
    return job(id);
  }

  /** Imports and fails the test unless the job completes. */
  JsonObject importOk(byte[] zip) {
    JsonObject job = await(submit(zip), Duration.ofSeconds(120));
    if (!job.getString("state").equals("completed")) {
      throw new AssertionError("import did not complete: " + job);
    }
    return job;
  }
}
