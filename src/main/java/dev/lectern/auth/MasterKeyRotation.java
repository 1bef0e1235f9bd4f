package dev.lectern.auth;

import dev.lectern.platform.db.AdvisoryLock;
import dev.lectern.platform.db.ClusterLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.util.logging.Logger;

/**
 * A master-key rotation as it concerns the signing keys: which master key each stored private key
 * opens under, and resealing under {@code LECTERN_MASTER_KEY} what only {@code
 * LECTERN_MASTER_KEY_PREVIOUS} opens. The signing keys themselves stay {@link SigningKeyService}'s.
 */
@ApplicationScoped
public class MasterKeyRotation {

  private static final Logger LOG = Logger.getLogger(MasterKeyRotation.class.getName());

  @Inject SigningKeyRepository keys;
  @Inject ClusterLocks locks;
  @Inject AuthConfig config;

  public boolean hasMasterKey() {
    return config.masterKey().isPresent();
  }

  /** Which master key each stored private key opens under; counts only. */
  @Transactional
  public MasterKeyStatus masterKeyStatus() {
    if (config.masterKey().isEmpty()) {
      return new MasterKeyStatus(null, null, 0, 0, keys.findAll().size());
    }
    MasterKeys masterKeys = MasterKeys.of(config, SigningKeyService.PURPOSE);
    int[] counts = new int[MasterKeys.Sealing.values().length];
    for (SigningKey key : keys.findAll()) {
      counts[masterKeys.sealing(key.privateKeyEncrypted()).ordinal()]++;
    }
    return new MasterKeyStatus(
        MasterKeys.idOf(config.masterKey().get()),
        config.previousMasterKey().map(MasterKeys::idOf).orElse(null),
        counts[MasterKeys.Sealing.CURRENT.ordinal()],
        counts[MasterKeys.Sealing.PREVIOUS.ordinal()],
        counts[MasterKeys.Sealing.UNREADABLE.ordinal()]);
  }

  /**
   * Reseals under {@code LECTERN_MASTER_KEY} every private key that only {@code
   * LECTERN_MASTER_KEY_PREVIOUS} opens: the step of a master-key rotation taken once every replica
   * runs with the new key, after which the previous one can be removed.
   */
  @Transactional
  public MasterKeyStatus.Resealed reseal() {
    locks.lock(AdvisoryLock.SIGNING_KEYS);
    MasterKeys masterKeys = MasterKeys.of(config, SigningKeyService.PURPOSE);
    int resealed = 0;
    int current = 0;
    int unreadable = 0;
    for (SigningKey key : keys.findAll()) {
      switch (masterKeys.sealing(key.privateKeyEncrypted())) {
        case CURRENT -> current++;
        case UNREADABLE -> unreadable++;
        case PREVIOUS -> {
          try {
            key.reseal(masterKeys.encrypt(masterKeys.decrypt(key.privateKeyEncrypted())));
            resealed++;
          } catch (GeneralSecurityException e) {
            unreadable++;
          }
        }
      }
    }
    if (resealed > 0) {
      LOG.info("Resealed " + resealed + " signing keys under the current master key.");
    }
    return new MasterKeyStatus.Resealed(resealed, current, unreadable);
  }
}
