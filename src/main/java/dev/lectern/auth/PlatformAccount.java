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

  @Column(name = "failed_logins", nullable = false)
  private int failedLogins;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

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

  /** Logins are refused without checking the password until then, after repeated failures. */
  public Optional<Instant> lockedUntil(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now)
        ? Optional.of(lockedUntil)
        : Optional.empty();
  }

  /**
   * Counts a failed login. From the fifth failure in a row the account backs off: 30 s, then twice
   * as long after each further failure, at most 15 minutes.
   */
  void loginFailed(Instant now) {
    failedLogins++;
    if (failedLogins >= BACKOFF_AFTER) {
      long seconds =
          Math.min(MAX_BACKOFF_SECONDS, 30L << Math.min(10, failedLogins - BACKOFF_AFTER));
      lockedUntil = now.plusSeconds(seconds);
    }
  }

  void loginSucceeded() {
    failedLogins = 0;
    lockedUntil = null;
  }

  void changePassword(String newHash) {
    passwordHash = newHash;
    failedLogins = 0;
    lockedUntil = null;
    updatedAt = Instant.now();
  }

  void setEnabled(boolean enabled) {
    this.enabled = enabled;
    updatedAt = Instant.now();
  }

  void setRoles(Set<Role> newRoles) {
    roles.clear();
    newRoles.forEach(role -> roles.add(role.claim()));
    updatedAt = Instant.now();
  }

  static final int BACKOFF_AFTER = 5;
  static final long MAX_BACKOFF_SECONDS = 15 * 60;
}
