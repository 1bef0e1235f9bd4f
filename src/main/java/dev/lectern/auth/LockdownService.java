package dev.lectern.auth;

import dev.lectern.platform.db.SqlTimes;
import dev.lectern.platform.migration.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Incident lockdown (seed 003 §6.1): every session ends and every access token of a platform
 * account issued before the lockdown is refused, on every replica within two seconds; with {@code
 * apiKeys}, every API key is revoked too. The time is kept in PostgreSQL, so a replica that starts
 * later, or Redis being wiped, changes nothing.
 */
@ApplicationScoped
public class LockdownService {

  private static final Logger LOG = Logger.getLogger(LockdownService.class.getName());

  @PersistenceContext(unitName = "lectern")
  EntityManager em;

  @Inject RefreshTokenService sessions;
  @Inject ApiKeyService apiKeys;
  @Resource ManagedScheduledExecutorService scheduler;
  @Inject LockdownService self;

  private volatile Optional<Instant> lockedAt = Optional.empty();

  /** What a lockdown did. */
  public record Lockdown(Instant lockedAt, long endedSessions, int revokedApiKeys) {}

  void start(@Observes SchemaReady ready) {
    scheduler.scheduleWithFixedDelay(this::reload, 0, 2, TimeUnit.SECONDS);
  }

  @Transactional
  public Lockdown lockDown(boolean includingApiKeys) {
    Instant now = Instant.now();
    em.createNativeQuery("UPDATE auth_lockdown SET locked_at = ?1 WHERE id = 1")
        .setParameter(1, OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
        .executeUpdate();
    synchronized (this) {
      lockedAt = Optional.of(now);
    }
    // Sessions started before now are refused anyway (see endedSessionStartedAt); removing them
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

  /** Whether a session (refresh-token family) started before the last lockdown. */
  public boolean endedSessionStartedAt(long startedMillis) {
    return lockedAt.map(at -> startedMillis < at.toEpochMilli()).orElse(false);
  }

  /** Whether an access token issued at {@code issuedAtMillis} predates the lockdown. */
  public boolean revokes(long issuedAtMillis) {
    return lockedAt.map(at -> issuedAtMillis < at.toEpochMilli()).orElse(false);
  }

  void reload() {
    try {
      Optional<Instant> stored = self.stored();
      // Lockdowns only move forward: a read that began before this replica's own lockdown
      // committed must not take it back.
      synchronized (this) {
        if (stored.isPresent() && lockedAt.map(at -> at.isBefore(stored.get())).orElse(true)) {
          lockedAt = stored;
        }
      }
    } catch (RuntimeException e) {
      LOG.fine(() -> "Lockdown state not reloaded, next try in 2 s: " + e.getMessage());
    }
  }

  /**
   * The last lockdown as stored, read in a transaction of its own so that the entity manager is
   * closed with it instead of being left to the scheduled task's cleanup. Public: Liberty applies
   * {@code @Transactional} to public methods only.
   */
  @Transactional
  public Optional<Instant> stored() {
    Object value =
        em.createNativeQuery("SELECT locked_at FROM auth_lockdown WHERE id = 1").getSingleResult();
    return Optional.ofNullable(value).map(SqlTimes::instant);
  }
}
