package dev.lectern.control.settings;

import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.db.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/**
 * The {@code setting_history} table: written in the transaction of the change it records, read
 * newest first. PostgreSQL refuses to change or delete its rows.
 */
@ApplicationScoped
public class SettingHistory {

  @Inject Jdbc jdbc;

  /** Records a change of {@code subject} (a flag key, a tier) of {@code kind}. */
  public void record(
      String kind,
      String subject,
      String actor,
      String requestId,
      String reason,
      String before,
      String after) {
    jdbc.update(
        "INSERT INTO setting_history (kind, subject, actor, request_id, reason, before, after)"
            + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)",
        kind,
        subject,
        actor,
        requestId,
        reason,
        before,
        after);
  }

  /** The subject's changes, newest first. */
  public List<SettingChange> of(String kind, String subject, int limit) {
    return jdbc.query(
        "SELECT id, changed_at, actor, request_id, reason, before::text, after::text"
            + " FROM setting_history WHERE kind = ? AND subject = ? ORDER BY id DESC LIMIT ?",
        row ->
            new SettingChange(
                row.getLong(1),
                SqlTimes.instant(row.getObject(2)),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                json(row.getString(6)),
                json(row.getString(7))),
        kind,
        subject,
        limit);
  }

  private static JsonValue json(String text) {
    if (text == null) {
      return JsonValue.NULL;
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
