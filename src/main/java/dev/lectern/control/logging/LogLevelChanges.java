package dev.lectern.control.logging;

import dev.lectern.control.audit.AuditOutcome;
import dev.lectern.control.audit.AuditService;
import dev.lectern.control.settings.SettingChanges;
import dev.lectern.control.settings.SettingKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each change of an override with its history row and change-feed announcement, in one transaction;
 * a revert the clock made is audited by the one replica whose delete took the row.
 */
@ApplicationScoped
public class LogLevelChanges {

  /** Log levels in the settings history, and their change-feed topic. */
  static final SettingKind SETTING = new SettingKind("log-level", "log-levels");

  @Inject LogLevelRepository repository;
  @Inject SettingChanges changes;
  @Inject AuditService audit;

  @Transactional
  public LogLevelOverride set(
      String logger, String level, Instant revertAt, String by, String requestId, String reason) {
    Optional<LogLevelOverride> before = repository.find(logger);
    LogLevelOverride after = repository.put(logger, level, revertAt, by, reason);
    changes.record(
        SETTING, logger, by, requestId, reason, before.map(this::json).orElse(null), json(after));
    return after;
  }

  @Transactional
  public Optional<LogLevelOverride> reset(
      String logger, String by, String requestId, String reason) {
    Optional<LogLevelOverride> removed = repository.delete(logger);
    removed.ifPresent(
        gone -> changes.record(SETTING, logger, by, requestId, reason, json(gone), null));
    return removed;
  }

  /** Deletes the overrides whose time is up, each recorded and audited once in the cluster. */
  @Transactional
  public List<LogLevelOverride> expire() {
    List<LogLevelOverride> expired = repository.deleteExpired();
    for (LogLevelOverride gone : expired) {
      changes.record(
          SETTING, gone.logger(), "system", null, "revert time reached", json(gone), null);
      audit.recordWithin("logging.revert", gone.logger(), AuditOutcome.SUCCESS);
    }
    return expired;
  }

  private String json(LogLevelOverride override) {
    return Json.createObjectBuilder()
        .add("level", override.level())
        .add("revertAt", override.revertAt().toString())
        .build()
        .toString();
  }
}
