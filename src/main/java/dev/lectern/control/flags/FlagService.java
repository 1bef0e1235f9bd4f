package dev.lectern.control.flags;

import dev.lectern.control.feed.ChangeNotice;
import dev.lectern.control.flags.FlagRepository.StoredFlag;
import dev.lectern.control.settings.LocalCopy;
import dev.lectern.control.settings.SettingChange;
import dev.lectern.control.settings.SettingChanges;
import dev.lectern.control.settings.SettingKind;
import dev.lectern.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Flags as this replica serves them: the stored ones, reloaded when the change feed announces a
 * change, over the configured defaults of the known ones. Evaluation reads memory only and never
 * throws: a flag that cannot be evaluated serves its configured default (or none), reason ERROR,
 * counted in {@code lectern_flag_evaluation_errors_total}.
 */
@ApplicationScoped
public class FlagService {

  /** Flags in the settings history, and their change-feed topic. */
  static final SettingKind SETTING = new SettingKind("flag", "flags");

  private static final Logger LOG = Logger.getLogger(FlagService.class.getName());

  @Inject FlagRepository repository;
  @Inject SettingChanges changes;
  @Inject FlagConfig config;
  @Inject MetricRegistry metrics;
  @Inject FlagService self;

  /** Stored flags by key; a row that no longer reads as a flag maps to why not. */
  private volatile Map<String, FlagDefinition> stored = Map.of();

  private volatile Map<String, String> broken = Map.of();

  void follow(@Observes ChangeNotice notice) {
    if (notice.is(SETTING.topic())) {
      reload();
    }
  }

  /** Reads the stored flags; after a change here, so this replica serves it before answering. */
  void reload() {
    Map<String, FlagDefinition> flags = new LinkedHashMap<>();
    Map<String, String> unreadable = new LinkedHashMap<>();
    for (StoredFlag row : repository.all()) {
      try {
        flags.put(
            row.key(), FlagJson.read(row.key(), row.body(), row.updatedAt(), row.updatedBy()));
      } catch (ApiException e) {
        unreadable.put(row.key(), String.valueOf(e.details()));
        LOG.warning(
            "Flag " + row.key() + " is stored in a shape Lectern cannot serve: " + e.details());
      }
    }
    stored = Map.copyOf(flags);
    broken = Map.copyOf(unreadable);
  }

  /** Every flag served: the known ones (set or configured) and the others set at runtime. */
  public List<FlagDefinition> all() {
    Map<String, FlagDefinition> all = new TreeMap<>(stored);
    for (KnownFlag known : KnownFlag.values()) {
      all.putIfAbsent(known.key(), config.defaultOf(known));
    }
    return List.copyOf(all.values());
  }

  /** Whether the key names a flag: known, stored, or stored in a shape that cannot be served. */
  public boolean exists(String key) {
    return find(key).isPresent() || broken.containsKey(key);
  }

  public Optional<FlagDefinition> find(String key) {
    return Optional.ofNullable(stored.get(key)).or(() -> known(key).map(config::defaultOf));
  }

  /** What the flag gives the context. Never throws. */
  public FlagEvaluation evaluate(String key, FlagContext context) {
    try {
      String why = broken.get(key);
      Optional<FlagDefinition> flag = find(key);
      if (why == null && flag.isPresent()) {
        FlagEvaluation evaluation = FlagEvaluator.evaluate(flag.get(), context);
        if (evaluation.value() != null) {
          return evaluation;
        }
        why = "variant " + evaluation.variant() + " has no value";
      }
      return failed(key, why == null ? "no such flag" : why);
    } catch (RuntimeException e) {
      return failed(key, e.toString());
    }
  }

  private FlagEvaluation failed(String key, String why) {
    metrics.counter("lectern_flag_evaluation_errors_total", new Tag("flag", key)).inc();
    return known(key)
        .map(config::defaultOf)
        .map(
            flag ->
                new FlagEvaluation(
                    key,
                    flag.variants().get(flag.defaultVariant()),
                    flag.defaultVariant(),
                    "ERROR",
                    null,
                    why))
        .orElse(new FlagEvaluation(key, null, null, "ERROR", null, why));
  }

  /** Creates ({@code mustBeNew}) or replaces a flag; empty when it must be new and is not. */
  public Optional<FlagDefinition> save(
      FlagDefinition flag, boolean mustBeNew, String reason, String requestId) {
    Optional<FlagDefinition> saved = self.store(flag, mustBeNew, reason, requestId);
    LocalCopy.reloadAfterChange(this::reload);
    return saved;
  }

  /** Deletes a stored flag (a known one serves its configured default again); false if none. */
  public boolean delete(String key, String actor, String reason, String requestId) {
    boolean removed = self.remove(key, actor, reason, requestId);
    LocalCopy.reloadAfterChange(this::reload);
    return removed;
  }

  /** The flag and its history row, in one transaction. */
  @Transactional
  public Optional<FlagDefinition> store(
      FlagDefinition flag, boolean mustBeNew, String reason, String requestId) {
    Optional<StoredFlag> before = repository.findForChange(flag.key());
    if (mustBeNew) {
      if (!repository.insertNew(flag)) {
        return Optional.empty();
      }
    } else {
      repository.save(flag);
    }
    changes.record(
        SETTING,
        flag.key(),
        flag.updatedBy(),
        requestId,
        reason,
        before.map(row -> row.body().toString()).orElse(null),
        FlagJson.toJson(flag).toString());
    return Optional.of(flag);
  }

  /** The deletion and its history row, in one transaction. */
  @Transactional
  public boolean remove(String key, String actor, String reason, String requestId) {
    Optional<StoredFlag> before = repository.findForChange(key);
    if (before.isEmpty()) {
      return false;
    }
    repository.delete(key);
    changes.record(SETTING, key, actor, requestId, reason, before.get().body().toString(), null);
    return true;
  }

  public List<SettingChange> history(String key, int limit) {
    return changes.of(SETTING, key, limit);
  }

  /** Refuses a known flag in another type than the boolean its code reads. */
  static void checkKnownType(FlagDefinition flag) {
    if (known(flag.key()).isPresent() && flag.type() != FlagType.BOOLEAN) {
      throw new ApiException(
          422, "validation_failed", "Flag " + flag.key() + " is read by Lectern as a boolean.");
    }
  }

  static Optional<KnownFlag> known(String key) {
    for (KnownFlag flag : KnownFlag.values()) {
      if (flag.key().equals(key)) {
        return Optional.of(flag);
      }
    }
    return Optional.empty();
  }
}
