package dev.lectern.control.feed;

import dev.lectern.platform.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Announces that a topic changed. Called inside the transaction that changes it: the version and
 * the notification are committed with the change or not at all, so no replica reloads before the
 * change is visible, and none misses it.
 */
@ApplicationScoped
public class ChangeFeed {

  /** The PostgreSQL channel the listeners wait on. */
  static final String CHANNEL = "lectern_change";

  @Inject Jdbc jdbc;

  public void publish(String topic) {
    jdbc.withConnection(
        session -> {
          session.update(
              "INSERT INTO change_feed (topic, version, changed_at) VALUES (?, 1, now())"
                  + " ON CONFLICT (topic) DO UPDATE"
                  + " SET version = change_feed.version + 1, changed_at = now()",
              topic);
          session.first("SELECT pg_notify(?, ?)", row -> row.getString(1), CHANNEL, topic);
          return null;
        });
  }
}
