package dev.lectern.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An RS256 key pair; the private half only ever stored encrypted under the master key. */
@Entity
@Table(name = "signing_key")
@NamedQuery(
    name = SigningKey.FIND_PUBLISHED,
    query =
        "select k from SigningKey k where k.state in ('next', 'active', 'retiring')"
            + " order by k.createdAt")
@NamedQuery(name = SigningKey.FIND_ALL, query = "select k from SigningKey k order by k.createdAt")
@NamedQuery(
    name = SigningKey.FIND_ACTIVE,
    query = "select k from SigningKey k where k.state = 'active'")
public class SigningKey {

  static final String FIND_PUBLISHED = "SigningKey.findPublished";
  static final String FIND_ACTIVE = "SigningKey.findActive";
  static final String FIND_ALL = "SigningKey.findAll";

  @Id
  @Column(length = 64)
  private String kid;

  @Column(nullable = false, length = 16)
  private String algorithm;

  @Column(name = "public_jwk", nullable = false)
  private String publicJwk;

  @Column(name = "private_key_enc", nullable = false)
  private byte[] privateKeyEncrypted;

  @Column(nullable = false, length = 16)
  private String state;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "activated_at")
  private Instant activatedAt;

  /** For a retiring key, when it leaves the JWKS; for a retired key, when it did. */
  @Column(name = "retired_at")
  private Instant retiredAt;

  protected SigningKey() {}

  /** A key published ahead of signing, so every replica knows it before tokens carry it. */
  static SigningKey next(String kid, String publicJwk, byte[] privateKeyEncrypted) {
    SigningKey key = new SigningKey();
    key.kid = kid;
    key.algorithm = "RS256";
    key.publicJwk = publicJwk;
    key.privateKeyEncrypted = privateKeyEncrypted;
    key.state = "next";
    key.createdAt = Instant.now();
    return key;
  }

  /** The next key starts signing. */
  void activate(Instant now) {
    state = "active";
    activatedAt = now;
  }

  /** The active key stops signing and stays published until {@code until}. */
  void retireAt(Instant until) {
    state = "retiring";
    retiredAt = until;
  }

  void retire() {
    state = "retired";
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant activatedAt() {
    return activatedAt;
  }

  public Instant retiredAt() {
    return retiredAt;
  }

  public String kid() {
    return kid;
  }

  public String publicJwk() {
    return publicJwk;
  }

  byte[] privateKeyEncrypted() {
    return privateKeyEncrypted.clone();
  }

  /** The same private key sealed anew, under the master key now in force. */
  void reseal(byte[] privateKeyEncrypted) {
    this.privateKeyEncrypted = privateKeyEncrypted.clone();
  }

  public String state() {
    return state;
  }
}
