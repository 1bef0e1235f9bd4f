package dev.lectern.auth;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Someone who operates Lectern: logs in, holds roles. */
@Entity
@Table(name = "platform_account")
@NamedQuery(
    name = PlatformAccount.FIND_BY_LOGIN,
    query =
        "select a from PlatformAccount a where lower(a.username) = :login"
            + " or lower(a.email) = :login")
@NamedQuery(
    name = PlatformAccount.FIND_ALL,
    query = "select a from PlatformAccount a order by lower(a.username)")
@NamedQuery(
    name = PlatformAccount.COUNT_WITH_ROLE,
    query = "select count(a) from PlatformAccount a join a.roles r where r = :role")
@NamedQuery(name = PlatformAccount.COUNT_ALL, query = "select count(a) from PlatformAccount a")
public class PlatformAccount {

  static final String FIND_BY_LOGIN = "PlatformAccount.findByLogin";
  static final String FIND_ALL = "PlatformAccount.findAll";
  static final String COUNT_WITH_ROLE = "PlatformAccount.countWithRole";
  static final String COUNT_ALL = "PlatformAccount.countAll";

  @Id private UUID id;

  @Column(nullable = false, length = 64)
  private String username;

  @Column(length = 254)
  private String email;

  @Column(name = "password_hash", nullable = false, length = 256)
  private String passwordHash;

  @Column(nullable = false)
  private boolean enabled = true;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "platform_account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Column(name = "role", nullable = false, length = 16)
  private Set<String> roles = new HashSet<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "tokens_revoked_at")
  private Instant tokensRevokedAt;

  protected PlatformAccount() {}

  PlatformAccount(String username, String email, String passwordHash, Set<Role> roles) {
    this.id = UUID.randomUUID();
    this.username = username;
    this.email = email;
    this.passwordHash = passwordHash;
    roles.forEach(role -> this.roles.add(role.claim()));
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String email() {
    return email;
  }

  String passwordHash() {
    return passwordHash;
  }

  public boolean enabled() {
    return enabled;
  }

  /** Roles as claim names, sorted for stable output. */
  public Set<String> roles() {
    return Set.copyOf(roles);
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** Access tokens issued before this instant are refused; empty when none ever were. */
  public Optional<Instant> tokensRevokedAt() {
    return Optional.ofNullable(tokensRevokedAt);
  }

  /** Ends every access token issued so far: a token outlives neither a lost role nor a password. */
  void revokeTokens() {
    tokensRevokedAt = Instant.now();
    updatedAt = tokensRevokedAt;
  }

  void changePassword(String newHash) {
    passwordHash = newHash;
    revokeTokens();
  }

  void setEnabled(boolean enabled) {
    if (this.enabled && !enabled) {
      revokeTokens();
    }
    this.enabled = enabled;
    updatedAt = Instant.now();
  }

  void setRoles(Set<Role> newRoles) {
    Set<String> claims = new HashSet<>();
    newRoles.forEach(role -> claims.add(role.claim()));
    if (!claims.containsAll(roles)) {
      revokeTokens();
    }
    roles.clear();
    roles.addAll(claims);
    updatedAt = Instant.now();
  }
}
