package dev.lectern.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A OneRoster consumer's credentials: client id, hashed secret, scopes and org binding. */
@Entity
@Table(name = "api_key")
@NamedQuery(name = ApiKey.FIND_ALL, query = "select k from ApiKey k order by k.createdAt")
@NamedQuery(
    name = ApiKey.FIND_BY_CLIENT_ID,
    query = "select k from ApiKey k where k.clientId = :clientId")
public class ApiKey {

  static final String FIND_ALL = "ApiKey.findAll";
  static final String FIND_BY_CLIENT_ID = "ApiKey.findByClientId";

  @Id private UUID id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "client_id", nullable = false, length = 64)
  private String clientId;

  @Column(name = "secret_hash", nullable = false, length = 256)
  private String secretHash;

  @Column(nullable = false)
  private String[] scopes;

  @Column(nullable = false)
  private String[] orgs;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "secret_rotated_at")
  private Instant secretRotatedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected ApiKey() {}

  ApiKey(
      String name,
      String clientId,
      String secretHash,
      List<String> scopes,
      List<String> orgs,
      Instant expiresAt) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.clientId = clientId;
    this.secretHash = secretHash;
    this.scopes = scopes.toArray(String[]::new);
    this.orgs = orgs.toArray(String[]::new);
    this.expiresAt = expiresAt;
    this.createdAt = Instant.now();
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String clientId() {
    return clientId;
  }

  String secretHash() {
    return secretHash;
  }

  public List<String> scopes() {
    return List.of(scopes);
  }

  public List<String> orgs() {
    return List.of(orgs);
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  /** Usable now: neither revoked nor expired. */
  public boolean isActive(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }

  public Instant secretRotatedAt() {
    return secretRotatedAt;
  }

  /** Usable now, and expiring within {@code window}: its consumer needs a new expiry or key. */
  public boolean expiresWithin(Duration window, Instant now) {
    return isActive(now) && expiresAt != null && expiresAt.isBefore(now.plus(window));
  }

  /** Applies an admin's change; each absent part stays as it is. */
  void change(
      Optional<String> newName, Optional<List<String>> newScopes, Optional<Instant> expiry) {
    newName.ifPresent(n -> name = n);
    newScopes.ifPresent(s -> scopes = s.toArray(String[]::new));
    expiry.ifPresent(at -> expiresAt = at);
  }

  void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
    }
  }

  void replaceSecret(String newHash, Instant at) {
    secretHash = newHash;
    secretRotatedAt = at;
  }
}
