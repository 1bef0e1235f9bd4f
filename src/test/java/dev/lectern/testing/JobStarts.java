package dev.lectern.testing;

import jakarta.json.JsonObject;

/** What every request that starts long work must answer, whatever the work. */
public final class JobStarts {

  private JobStarts() {}

  /**
   * Checks the answer is {@code 202} with the job's address in {@code Location} and the job as
   * {@code GET /api/v1/admin/jobs/{id}} shows it, and answers the job id.
   */
  public static String accepted(HttpResult answer, Http http, String token) {
    if (answer.status() != 202) {
      throw new AssertionError("long work refused: " + answer);
    }
    JsonObject started = answer.json();
    String id = started.getString("id");
    String location = answer.header("Location").orElse("");
    if (!location.endsWith("/api/v1/admin/jobs/" + id)) {
      throw new AssertionError("Location " + location + " is not job " + id + ": " + answer);
    }
    JsonObject fetched = http.get("/api/v1/admin/jobs/" + id, token).json();
    // The job moves on between the two answers, and absent values are left out: compare what
    // does not change.
    if (!fetched.getString("id").equals(id)
        || !fetched.getString("type").equals(started.getString("type"))
        || !fetched.getString("createdAt").equals(started.getString("createdAt"))
        || !started.containsKey("state")
        || !started.containsKey("input")) {
      throw new AssertionError("started " + started + " is not shaped like " + fetched);
    }
    return id;
  }
}
