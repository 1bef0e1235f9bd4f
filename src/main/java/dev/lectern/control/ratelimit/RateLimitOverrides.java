package dev.lectern.control.ratelimit;

import dev.lectern.control.feed.ChangeNotice;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.ratelimit.RateLimitOverrideRepository.Override;
import dev.lectern.control.settings.LocalCopy;
import dev.lectern.control.settings.SettingChange;
import dev.lectern.control.settings.SettingChanges;
import dev.lectern.control.settings.SettingKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The limits in force: a tier's runtime override when an admin set one, its {@code
 * RATE_LIMIT_<TIER>} setting otherwise. Overrides live in PostgreSQL and this replica's copy is
 * reloaded when the change feed announces a change, so they hold with Redis down and reach every
 * replica within a second or two.
 */
@ApplicationScoped
public class RateLimitOverrides {

  /** Tier limits in the settings history; their topic is the one of every rate-limit setting. */
  static final SettingKind SETTING = new SettingKind("rate-limit", "rate-limits");

  private static final Logger LOG = Logger.getLogger(RateLimitOverrides.class.getName());

  @Inject RateLimitConfig config;
  @Inject RateLimitOverrideRepository repository;
  @Inject SettingChanges changes;
  @Inject RateLimitOverrides self;

  private volatile Map<RateLimitTier, Override> overrides = Map.of();

  /** The overrides parsed; a stored rule that does not parse is left out (configured limit). */
  private volatile Map<RateLimitTier, Optional<RateLimitPolicy>> policies = Map.of();

  void follow(@Observes ChangeNotice notice) {
    if (notice.is(SETTING.topic())) {
      reload();
    }
  }

  /** Reads the overrides; after a change here, so this replica applies it before answering. */
  void reload() {
    Map<RateLimitTier, Override> loaded = new EnumMap<>(RateLimitTier.class);
    for (Override override : repository.all()) {
      RateLimitTier.fromLabel(override.tier())
          .ifPresentOrElse(
              tier -> loaded.put(tier, override),
              () -> LOG.warning("Rate-limit override of unknown tier " + override.tier()));
    }
    Map<RateLimitTier, Optional<RateLimitPolicy>> parsed = new EnumMap<>(RateLimitTier.class);
    loaded.forEach(
        (tier, override) -> {
          try {
            parsed.put(tier, RateLimitPolicy.parse(override.rule()));
          } catch (IllegalArgumentException e) {
            LOG.warning(
                "Rate-limit override of "
                    + tier.label()
                    + " unreadable, configured limit kept: "
                    + e.getMessage());
          }
        });
    overrides = loaded.isEmpty() ? Map.of() : Map.copyOf(loaded);
    policies = parsed.isEmpty() ? Map.of() : Map.copyOf(parsed);
  }

  /** The tier's quota in force, or empty when the tier is not limited. */
  public Optional<RateLimitPolicy> policy(RateLimitTier tier) {
    Optional<RateLimitPolicy> override = policies.get(tier);
    return override == null ? config.policy(tier) : override;
  }

  /** The runtime override of the tier, if any. */
  public Optional<Override> override(RateLimitTier tier) {
    return Optional.ofNullable(overrides.get(tier));
  }

  /** The tier's changes, newest first. */
  public List<SettingChange> history(RateLimitTier tier, int limit) {
    return changes.of(SETTING, tier.label(), limit);
  }

  /** Sets the tier's limit ({@code rule} already parsed by the caller), with a history row. */
  public void set(RateLimitTier tier, String rule, String reason, String actor, String requestId) {
    self.store(tier, rule, reason, actor, requestId);
    LocalCopy.reloadAfterChange(this::reload);
  }

  /** The change and its history row, in one transaction. */
  @Transactional
  public void store(
      RateLimitTier tier, String rule, String reason, String actor, String requestId) {
    Optional<String> before = repository.ruleForChange(tier.label());
    repository.save(new Override(tier.label(), rule, reason, Instant.now(), actor));
    changes.record(
        SETTING, tier.label(), actor, requestId, reason, json(before.orElse(null)), json(rule));
  }

  /** Gives the tier its configured limit back; false when it had none set at runtime. */
  public boolean clear(RateLimitTier tier, String reason, String actor, String requestId) {
    boolean cleared = self.remove(tier, reason, actor, requestId);
    LocalCopy.reloadAfterChange(this::reload);
    return cleared;
  }

  /** The removal and its history row, in one transaction; false when there was none. */
  @Transactional
  public boolean remove(RateLimitTier tier, String reason, String actor, String requestId) {
    Optional<String> before = repository.ruleForChange(tier.label());
    if (before.isEmpty()) {
      return false;
    }
    repository.delete(tier.label());
    changes.record(SETTING, tier.label(), actor, requestId, reason, json(before.get()), null);
    return true;
  }

  /** A rule as the JSON string the history holds. */
  private static String json(String rule) {
    return rule == null ? null : Json.createValue(rule).toString();
  }
}
