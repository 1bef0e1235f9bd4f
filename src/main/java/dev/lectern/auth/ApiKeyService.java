package dev.lectern.auth;

import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.error.ErrorBody.FieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys for OneRoster consumers: issuing, rotating and revoking them, checking client
 * credentials, and answering on every request whether a key is still usable. That answer is cached
 * for at most {@link #RECHECK_MILLIS}, so a revocation reaches every replica within it.
 */
@ApplicationScoped
public class ApiKeyService {

  static final long RECHECK_MILLIS = 500;

  @Inject ApiKeyRepository keys;
  @Inject ApiKeyService self;

  private final Map<String, CachedKey> active = new ConcurrentHashMap<>();

  /**
   * What a request needs to know about a usable key: its scopes and, for a key bound to orgs, those
   * orgs (the roster knows what lies below them).
   */
  public record ActiveKey(UUID id, List<String> scopes, Optional<List<String>> orgs) {}

  /** A new key and its secret, which is shown this once and never stored in clear. */
  public record IssuedKey(ApiKey key, String clientSecret) {}

  private record CachedKey(Optional<ActiveKey> key, long loadedAtNanos) {}

  @Transactional
  public IssuedKey create(String name, List<String> scopes, List<String> orgs, Instant expiresAt) {
    validate(Optional.of(name), Optional.of(scopes), Optional.ofNullable(expiresAt));
    String secret = ApiKeySecrets.newSecret();
    ApiKey key =
        new ApiKey(
            name, ApiKeySecrets.newClientId(), ApiKeySecrets.hash(secret), scopes, orgs, expiresAt);
    keys.store(key);
    return new IssuedKey(key, secret);
  }

  /** Revokes every key that is still usable (incident lockdown); returns how many. */
  @Transactional
  public int revokeAll() {
    Instant now = Instant.now();
    int revoked = 0;
    for (ApiKey key : keys.findAll()) {
      if (key.isActive(now)) {
        key.revoke(now);
        revoked++;
      }
    }
    active.clear();
    return revoked;
  }

  @Transactional
  public List<ApiKey> list() {
    return keys.findAll();
  }

  @Transactional
  public Optional<ApiKey> find(UUID id) {
    return keys.find(id);
  }

  @Transactional
  public ApiKey revoke(UUID id) {
    ApiKey key = keys.findForChange(id).orElseThrow(ApiKeyService::notFound);
    key.revoke(Instant.now());
    active.remove(key.clientId());
    return key;
  }

  /**
   * Renames a key, sets its scopes or moves its expiry (never into the past); absent parts stay.
   * Narrowed scopes apply to the key's tokens on every replica within {@link #RECHECK_MILLIS}.
   */
  @Transactional
  public ApiKey change(
      UUID id, Optional<String> name, Optional<List<String>> scopes, Optional<Instant> expiresAt) {
    validate(name, scopes, expiresAt);
    ApiKey key = keys.findForChange(id).orElseThrow(ApiKeyService::notFound);
    if (!key.isActive(Instant.now())) {
      throw new ApiException(
          409, "api_key_inactive", "A revoked or expired key cannot change; issue a new one.");
    }
    key.change(name, scopes, expiresAt);
    active.remove(key.clientId());
    return key;
  }

  @Transactional
  public IssuedKey rotateSecret(UUID id) {
    ApiKey key = keys.findForChange(id).orElseThrow(ApiKeyService::notFound);
    if (!key.isActive(Instant.now())) {
      throw new ApiException(409, "api_key_inactive", "A revoked or expired key cannot rotate.");
    }
    String secret = ApiKeySecrets.newSecret();
    key.replaceSecret(ApiKeySecrets.hash(secret), Instant.now());
    return new IssuedKey(key, secret);
  }

  /** The usable key with these client credentials, for the token endpoint. */
  @Transactional
  public Optional<ApiKey> authenticate(String clientId, String clientSecret) {
    return keys.findByClientId(clientId)
        .filter(k -> ApiKeySecrets.matches(clientSecret, k.secretHash()))
        .filter(k -> k.isActive(Instant.now()));
  }

  /**
   * The key behind a client token, if it is still usable. On the path of every OneRoster request,
   * so a cache hit costs a map lookup and only a miss opens a transaction for its two reads.
   */
  public Optional<ActiveKey> active(String clientId) {
    long now = System.nanoTime();
    CachedKey cached = active.get(clientId);
    if (cached != null && now - cached.loadedAtNanos() < RECHECK_MILLIS * 1_000_000) {
      return cached.key();
    }
    Optional<ActiveKey> loaded = self.loadActive(clientId);
    active.put(clientId, new CachedKey(loaded, now));
    return loaded;
  }

  /**
   * Reads a key for {@link #active} in a transaction, so that the entity manager is closed with it
   * rather than by the request's cleanup, where Liberty logs J2CA0026E and DSRA9400E.
   */
  @Transactional
  public Optional<ActiveKey> loadActive(String clientId) {
    return keys.findByClientId(clientId)
        .filter(k -> k.isActive(Instant.now()))
        .map(
            k ->
                new ActiveKey(
                    k.id(),
                    k.scopes(),
                    k.orgs().isEmpty() ? Optional.empty() : Optional.of(List.copyOf(k.orgs()))));
  }

  private static void validate(
      Optional<String> name, Optional<List<String>> scopes, Optional<Instant> expiresAt) {
    List<FieldProblem> problems = new ArrayList<>();
    name.filter(String::isBlank)
        .ifPresent(blank -> problems.add(new FieldProblem("name", "must not be blank")));
    for (String scope : scopes.orElse(List.of())) {
      if (!scope.startsWith("https://purl.imsglobal.org/spec/or/v1p2/scope/roster")) {
        problems.add(new FieldProblem("scopes", "unknown scope '" + scope + "'"));
      }
    }
    if (expiresAt.filter(at -> !at.isAfter(Instant.now())).isPresent()) {
      problems.add(new FieldProblem("expiresAt", "must be in the future"));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(422, "validation_failed", "The API key is not valid.", problems);
    }
  }

  private static ApiException notFound() {
    return new ApiException(404, "not_found", "No API key with this id.");
  }
}
