package dev.lectern.control.ratelimit;

import dev.lectern.control.feed.ChangeNotice;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.settings.LocalCopy;
import dev.lectern.control.settings.SettingChanges;
import dev.lectern.control.settings.SettingKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Callers exempt from rate limits, kept in PostgreSQL and followed through the change feed (the
 * topic of the tier limits), so an exemption holds on every replica within seconds, Redis or not.
 * Matching reads this replica's copy only.
 */
@ApplicationScoped
public class RateLimitExemptions {

  /** The kind of setting exemptions are in the history. */
  static final SettingKind SETTING =
      new SettingKind("rate-limit-exemption", RateLimitOverrides.SETTING.topic());

  @Inject RateLimitExemptionRepository repository;
  @Inject SettingChanges changes;
  @Inject MetricRegistry metrics;
  @Inject RateLimitExemptions self;

  private volatile List<RateLimitExemption.Matcher> matchers = List.of();

  void follow(@Observes ChangeNotice notice) {
    if (notice.is(SETTING.topic())) {
      reload();
    }
  }

  void reload() {
    matchers = repository.all().stream().map(RateLimitExemption::matcher).toList();
  }

  /** Whether the request goes unlimited; counted in {@code lectern_rate_limit_exempted_total}. */
  public boolean exempt(RateLimitTier tier, String address, String clientId) {
    for (RateLimitExemption.Matcher matcher : matchers) {
      if (matcher.covers(tier, address, clientId)) {
        metrics.counter("lectern_rate_limit_exempted_total", new Tag("tier", tier.label())).inc();
        return true;
      }
    }
    return false;
  }

  public List<RateLimitExemption> all() {
    return matchers.stream().map(RateLimitExemption.Matcher::exemption).toList();
  }

  /** Adds an exemption (checked by the caller); empty when one of that kind and value exists. */
  public Optional<RateLimitExemption> add(
      String kind, String value, List<String> tiers, String reason, String by, String requestId) {
    Optional<RateLimitExemption> added = self.insert(kind, value, tiers, reason, by, requestId);
    LocalCopy.reloadAfterChange(this::reload);
    return added;
  }

  /** The exemption and its history row, in one transaction. */
  @Transactional
  public Optional<RateLimitExemption> insert(
      String kind, String value, List<String> tiers, String reason, String by, String requestId) {
    Optional<RateLimitExemption> added = repository.insert(kind, value, tiers, reason, by);
    added.ifPresent(
        exemption ->
            changes.record(
                SETTING, subject(exemption), by, requestId, reason, null, json(exemption)));
    return added;
  }

  /** Removes an exemption; empty when there is none of that id. */
  public Optional<RateLimitExemption> remove(long id, String reason, String by, String requestId) {
    Optional<RateLimitExemption> removed = self.delete(id, reason, by, requestId);
    LocalCopy.reloadAfterChange(this::reload);
    return removed;
  }

  /** The removal and its history row, in one transaction. */
  @Transactional
  public Optional<RateLimitExemption> delete(long id, String reason, String by, String requestId) {
    Optional<RateLimitExemption> removed = repository.delete(id);
    removed.ifPresent(
        exemption ->
            changes.record(
                SETTING, subject(exemption), by, requestId, reason, json(exemption), null));
    return removed;
  }

  private static String subject(RateLimitExemption exemption) {
    return exemption.kind() + ":" + exemption.value();
  }

  private static String json(RateLimitExemption exemption) {
    JsonObject json =
        Json.createObjectBuilder()
            .add("kind", exemption.kind())
            .add("value", exemption.value())
            .add("tiers", Json.createArrayBuilder(exemption.tiers()))
            .build();
    return json.toString();
  }
}
