package dev.lectern.control.settings;

import dev.lectern.control.feed.ChangeFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A runtime setting changed: its history row and its announcement on the change feed, written in
 * the transaction of the change itself, so what every replica reloads is exactly what the history
 * says was done.
 */
@ApplicationScoped
public class SettingChanges {

  @Inject SettingHistory history;
  @Inject ChangeFeed feed;

  /**
   * Records the change of {@code subject} (JSON before and after, null for none) and announces it.
   */
  public void record(
      SettingKind kind,
      String subject,
      String actor,
      String requestId,
      String reason,
      String before,
      String after) {
    history.record(kind.history(), subject, actor, requestId, reason, before, after);
    feed.publish(kind.topic());
  }

  /** The subject's changes, newest first. */
  public List<SettingChange> of(SettingKind kind, String subject, int limit) {
    return history.of(kind.history(), subject, limit);
  }
}
