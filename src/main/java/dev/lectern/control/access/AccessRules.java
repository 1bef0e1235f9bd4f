package dev.lectern.control.access;

import dev.lectern.control.feed.ChangeNotice;
import dev.lectern.control.settings.LocalCopy;
import dev.lectern.control.settings.SettingChanges;
import dev.lectern.control.settings.SettingKind;
import dev.lectern.platform.gate.NetworkGate;
import dev.lectern.platform.http.AddressRanges;
import dev.lectern.platform.http.HttpConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Denied networks, kept in PostgreSQL and followed through the change feed, so a rule holds on
 * every replica within seconds, Redis or not. This replica's copy is handed to the network gate,
 * which refuses matching requests in front of every web module, counted in {@code
 * lectern_access_denied_total}.
 */
@ApplicationScoped
public class AccessRules {

  /** Access rules in the settings history, and their change-feed topic. */
  static final SettingKind SETTING = new SettingKind("access-rule", "access-rules");

  @Inject AccessRuleRepository repository;
  @Inject SettingChanges changes;
  @Inject HttpConfig http;
  @Inject MetricRegistry metrics;
  @Inject AccessRules self;

  private AccessGatekeeper gatekeeper;
  private volatile List<AccessRule> rules = List.of();

  /** Created by the change feed's first round, which then loads the rules into the gate. */
  @PostConstruct
  void installGate() {
    gatekeeper =
        new AccessGatekeeper(http.trustedProxies(), metrics.counter("lectern_access_denied_total"));
    NetworkGate.install(gatekeeper);
  }

  @PreDestroy
  void removeGate() {
    NetworkGate.remove(gatekeeper);
  }

  void follow(@Observes ChangeNotice notice) {
    if (notice.is(SETTING.topic())) {
      reload();
    }
  }

  /** Synchronized: a read that began before a newer one must not be the last to apply. */
  synchronized void reload() {
    List<AccessRule> loaded = repository.all();
    gatekeeper.deny(
        loaded.isEmpty()
            ? null
            : AddressRanges.parse(
                loaded.stream().map(AccessRule::cidr).collect(Collectors.joining(","))));
    rules = loaded;
  }

  public List<AccessRule> all() {
    return rules;
  }

  /** Denies a range (checked by the caller); empty when it is denied already. */
  public Optional<AccessRule> deny(String cidr, String reason, String by, String requestId) {
    Optional<AccessRule> added = self.insert(cidr, reason, by, requestId);
    LocalCopy.reloadAfterChange(this::reload);
    return added;
  }

  /** The rule and its history row, in one transaction. */
  @Transactional
  public Optional<AccessRule> insert(String cidr, String reason, String by, String requestId) {
    Optional<AccessRule> added = repository.insert(cidr, reason, by);
    added.ifPresent(rule -> changes.record(SETTING, cidr, by, requestId, reason, null, json(rule)));
    return added;
  }

  /** Lifts a rule; empty when there is none of that id. */
  public Optional<AccessRule> lift(long id, String reason, String by, String requestId) {
    Optional<AccessRule> removed = self.delete(id, reason, by, requestId);
    LocalCopy.reloadAfterChange(this::reload);
    return removed;
  }

  /** The removal and its history row, in one transaction. */
  @Transactional
  public Optional<AccessRule> delete(long id, String reason, String by, String requestId) {
    Optional<AccessRule> removed = repository.delete(id);
    removed.ifPresent(
        rule -> changes.record(SETTING, rule.cidr(), by, requestId, reason, json(rule), null));
    return removed;
  }

  private static String json(AccessRule rule) {
    return Json.createObjectBuilder().add("cidr", rule.cidr()).build().toString();
  }
}
