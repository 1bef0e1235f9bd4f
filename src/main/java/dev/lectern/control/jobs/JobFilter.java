package dev.lectern.control.jobs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Which jobs an operation applies to: one job, or the jobs API's state/type/since filters. */
public record JobFilter(UUID id, JobState state, JobType type, Instant since) {

  public static JobFilter of(JobState state, JobType type, Instant since) {
    return new JobFilter(null, state, type, since);
  }

  static JobFilter of(UUID id) {
    return new JobFilter(id, null, null, null);
  }

  /** A condition on {@code job} with one {@code ?} per {@link #parameters()} entry. */
  String where() {
    List<String> parts = new ArrayList<>(List.of("true"));
    if (id != null) {
      parts.add("id = ?");
    }
    if (state != null) {
      parts.add("state = ?");
    }
    if (type != null) {
      parts.add("type = ?");
    }
    if (since != null) {
      parts.add("created_at >= ?");
    }
    return String.join(" AND ", parts);
  }

  List<Object> parameters() {
    List<Object> params = new ArrayList<>();
    if (id != null) {
      params.add(id);
    }
    if (state != null) {
      params.add(state.label());
    }
    if (type != null) {
      params.add(type.label());
    }
    if (since != null) {
      params.add(Timestamp.from(since));
    }
    return params;
  }
}
