package dev.lectern.auth;

import dev.lectern.platform.db.ClusterLocks;
import dev.lectern.platform.migration.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
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

  private volatile Keyring keyring;

  @Transactional
  void ensureActiveKey(@Observes SchemaReady ready) {
    locks.lock(ClusterLocks.Lock.SIGNING_KEYS);
    if (keys.findActive().isEmpty() && config.masterKey().isPresent()) {
      keys.store(generate(cipher()));
      LOG.info("Created the first token signing key.");
    }
    keyring = load();
    if (keyring.problem() != null) {
      LOG.warning("Lectern cannot issue tokens: " + keyring.problem());
    }
  }

  /** The keyring, loaded on first use when the schema was not ready at startup. */
  Keyring keyring() {
    Keyring current = keyring;
    if (current == null) {
      current = load();
      keyring = current;
    }
    return current;
  }

  /** Public keys as a JWKS document. */
  public String jwksJson() {
    Keyring current = keyring;
    return current == null ? Keyring.unavailable(null).jwksJson() : current.jwksJson();
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
    byte[] pkcs8 = cipher().decrypt(key.privateKeyEncrypted());
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
  }

  private MasterKeyCipher cipher() {
    return new MasterKeyCipher(config.masterKey().orElseThrow(), PURPOSE);
  }

  private static SigningKey generate(MasterKeyCipher cipher) {
    try {
      RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(2048);
      String kid = UUID.randomUUID().toString();
      jwk.setKeyId(kid);
      jwk.setAlgorithm("RS256");
      jwk.setUse("sig");
      return SigningKey.active(
          kid,
          jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
          cipher.encrypt(jwk.getPrivateKey().getEncoded()));
    } catch (JoseException e) {
      throw new IllegalStateException("RSA key generation failed", e);
    }
  }
}
