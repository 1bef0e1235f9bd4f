package dev.lectern.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.logging.Logger;

/**
 * Incident lockdown: every session ends and every access token of a platform account issued before
 * the lockdown is refused, on every replica within two seconds ({@link LockdownClock}); with {@code
 * apiKeys}, every API key is revoked too.
 */
@ApplicationScoped
public class LockdownService {

  private static final Logger LOG = Logger.getLogger(LockdownService.class.getName());

  @PersistenceContext(unitName = "lectern")
  EntityManager em;

  @Inject LockdownClock clock;
  @Inject RefreshTokenService sessions;
  @Inject ApiKeyService apiKeys;

  /** What a lockdown did. */
  public record Lockdown(Instant lockedAt, long endedSessions, int revokedApiKeys) {}

  @Transactional
  public Lockdown lockDown(boolean includingApiKeys) {
    Instant now = Instant.now();
    em.createNativeQuery("UPDATE auth_lockdown SET locked_at = ?1 WHERE id = 1")
        .setParameter(1, OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
        .executeUpdate();
    clock.lockedAt(now);
    // Sessions started before now are refused anyway (LockdownClock); removing them
    // from Redis is housekeeping, so a Redis outage does not stop a lockdown.
    long ended;
    try {
      ended = sessions.endEverything();
    } catch (RuntimeException e) {
      ended = 0;
      LOG.warning("Lockdown could not remove sessions from Redis; they are refused anyway.");
    }
    long endedSessions = ended;
    int revoked = includingApiKeys ? apiKeys.revokeAll() : 0;
    LOG.warning(
        () ->
            "Lockdown: "
                + endedSessions
                + " sessions ended, "
                + revoked
                + " API keys revoked; earlier access tokens are refused.");
    return new Lockdown(now, endedSessions, revoked);
  }
}
