package dev.lectern.auth;

import dev.lectern.platform.db.AdvisoryLock;
import dev.lectern.platform.db.ClusterLocks;
import dev.lectern.platform.migration.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

/**
 * Keeps the cluster's signing keys: creates the first one when a new installation's schema is
 * ready, and holds the decrypted active key and the public JWKS in memory for every request.
 */
@ApplicationScoped
public class SigningKeyService {

  private static final Logger LOG = Logger.getLogger(SigningKeyService.class.getName());
  static final String PURPOSE = "signing-keys";

  @Inject SigningKeyRepository keys;
  @Inject ClusterLocks locks;
  @Inject AuthConfig config;

  @PersistenceContext(unitName = "lectern")
  EntityManager em;

  @Resource ManagedScheduledExecutorService scheduler;

  /** Itself through its proxy, so that the timer's calls run in a transaction. */
  @Inject SigningKeyService self;

  private volatile Keyring keyring;
  private volatile boolean refreshFailing;
  private volatile String loadedKeys = "";

  @Transactional
  public void ensureActiveKey(@Observes SchemaReady ready) {
    locks.lock(AdvisoryLock.SIGNING_KEYS);
    if (keys.findActive().isEmpty() && config.masterKey().isPresent()) {
      SigningKey first = generate(masterKeys());
      first.activate(Instant.now());
      keys.store(first);
      LOG.info("Created the first token signing key.");
    }
    keyring = load();
    if (keyring.problem() != null) {
      LOG.warning("Lectern cannot issue tokens: " + keyring.problem());
    }
    scheduler.scheduleWithFixedDelay(this::refresh, 2, 2, TimeUnit.SECONDS);
  }

  /**
   * Starts a rotation: a new key is published now and signs once every replica has had {@code
   * JWT_KEY_PUBLISH_LEAD_SECONDS} to publish it too; a rotation already under way is returned.
   */
  @Transactional
  public SigningKey rotate() {
    locks.lock(AdvisoryLock.SIGNING_KEYS);
    Optional<SigningKey> pending =
        keys.findAll().stream().filter(k -> k.state().equals("next")).findFirst();
    if (pending.isPresent()) {
      return pending.get();
    }
    SigningKey next = generate(masterKeys());
    keys.store(next);
    LOG.info(() -> "Signing key rotation started: " + next.kid() + " signs after the lead time.");
    keyring = load();
    return next;
  }

  @Transactional
  public List<SigningKey> all() {
    return keys.findAll();
  }

  /** When a key in state next starts signing. */
  public Instant activationOf(SigningKey key) {
    return key.createdAt().plus(config.keyPublishLead());
  }

  /**
   * Every two seconds on every replica: moves the rotation on (once per cluster, under the lock)
   * and reloads the keyring when the keys changed, so a new key is published and used everywhere
   * within seconds without decrypting the signing key every two seconds.
   */
  void refresh() {
    try {
      String keys = self.advance();
      if (!keys.equals(loadedKeys)) {
        self.reloadKeyring();
        loadedKeys = keys;
      }
      refreshFailing = false;
    } catch (RuntimeException e) {
      if (!refreshFailing) {
        LOG.log(Level.WARNING, "Signing keys not refreshed; retrying every 2 s", e);
      }
      refreshFailing = true;
    }
  }

  /**
   * Moves the rotation on where it is due; returns every key's id and state afterwards. Public:
   * Liberty applies {@code @Transactional} to public methods only.
   */
  @Transactional
  public String advance() {
    Instant now = Instant.now();
    List<SigningKey> all = keys.findAll();
    boolean due =
        all.stream()
            .anyMatch(
                k ->
                    (k.state().equals("next") && !activationOf(k).isAfter(now))
                        || (k.state().equals("retiring") && !k.retiredAt().isAfter(now)));
    if (!due) {
      return fingerprint(all);
    }
    locks.lock(AdvisoryLock.SIGNING_KEYS);
    for (SigningKey key : keys.findAll()) {
      if (key.state().equals("retiring") && !key.retiredAt().isAfter(now)) {
        key.retire();
        LOG.info(() -> "Signing key " + key.kid() + " retired: every token it signed has expired.");
      }
    }
    Optional<SigningKey> next =
        keys.findAll().stream()
            .filter(k -> k.state().equals("next") && !activationOf(k).isAfter(now))
            .findFirst();
    if (next.isPresent()) {
      // The old key stays published until the longest-lived token it signed has expired.
      keys.findActive().ifPresent(old -> old.retireAt(now.plus(config.longestTokenLifetime())));
      em.flush();
      next.get().activate(now);
      LOG.info(() -> "Signing key " + next.get().kid() + " now signs new tokens.");
    }
    return fingerprint(keys.findAll());
  }

  private static String fingerprint(List<SigningKey> keys) {
    return keys.stream().map(k -> k.kid() + ":" + k.state()).collect(Collectors.joining(","));
  }

  /** The keyring, loaded on first use when the schema was not ready at startup. */
  Keyring keyring() {
    Keyring current = keyring;
    if (current == null) {
      self.reloadKeyring();
      current = keyring;
    }
    return current;
  }

  /** Public keys as a JWKS document. */
  public String jwksJson() {
    Keyring current = keyring;
    return current == null ? Keyring.unavailable(null).jwksJson() : current.jwksJson();
  }

  /**
   * The keyring read in a transaction of its own, for callers outside one (the scheduled refresh,
   * the first request), so that the entity manager is closed with it. Public and returning nothing
   * of this package's types: Liberty left a method returning the package-private {@code Keyring}
   * without its transaction.
   */
  @Transactional
  public void reloadKeyring() {
    keyring = load();
  }

  private Keyring load() {
    List<JsonWebKey> published = new ArrayList<>();
    for (SigningKey key : keys.findPublished()) {
      try {
        published.add(JsonWebKey.Factory.newJwk(key.publicJwk()));
      } catch (JoseException e) {
        LOG.severe("Signing key " + key.kid() + " has an unreadable public key; not published.");
      }
    }
    String jwks = new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    if (config.masterKey().isEmpty()) {
      return new Keyring(Optional.empty(), jwks, "LECTERN_MASTER_KEY is not set");
    }
    Optional<SigningKey> active = keys.findActive();
    if (active.isEmpty()) {
      return new Keyring(Optional.empty(), jwks, "no active signing key yet");
    }
    try {
      PrivateKey privateKey = decrypt(active.get());
      return new Keyring(
          Optional.of(new Keyring.Signer(active.get().kid(), privateKey)), jwks, null);
    } catch (GeneralSecurityException e) {
      return new Keyring(
          Optional.empty(),
          jwks,
          "the active signing key cannot be decrypted: LECTERN_MASTER_KEY differs from the key"
              + " it was created with");
    }
  }

  private PrivateKey decrypt(SigningKey key) throws GeneralSecurityException {
    byte[] pkcs8 = masterKeys().decrypt(key.privateKeyEncrypted());
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
  }

  private MasterKeys masterKeys() {
    return MasterKeys.of(config, PURPOSE);
  }

  private static SigningKey generate(MasterKeys cipher) {
    try {
      RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(2048);
      String kid = UUID.randomUUID().toString();
      jwk.setKeyId(kid);
      jwk.setAlgorithm("RS256");
      jwk.setUse("sig");
      return SigningKey.next(
          kid,
          jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
          cipher.encrypt(jwk.getPrivateKey().getEncoded()));
    } catch (JoseException e) {
      throw new IllegalStateException("RSA key generation failed", e);
    }
  }
}
