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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * When the last lockdown happened, as every replica knows it: read from PostgreSQL every two
 * seconds, so a lockdown on any replica reaches all of them within that, and a replica that starts
 * later, or Redis being wiped, changes nothing. Sessions and tokens ask it; {@link LockdownService}
 * moves it.
 */
@ApplicationScoped
public class LockdownClock {

  private static final Logger LOG = Logger.getLogger(LockdownClock.class.getName());

  @PersistenceContext(unitName = "lectern")
  EntityManager em;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject LockdownClock self;

  private volatile Optional<Instant> lockedAt = Optional.empty();

  void start(@Observes SchemaReady ready) {
    scheduler.scheduleWithFixedDelay(this::reload, 0, 2, TimeUnit.SECONDS);
  }

  /** Whether a session (refresh-token family) started before the last lockdown. */
  public boolean endedSessionStartedAt(long startedMillis) {
    return lockedAt.map(at -> startedMillis < at.toEpochMilli()).orElse(false);
  }

  /** Whether an access token issued at {@code issuedAtMillis} predates the lockdown. */
  public boolean revokes(long issuedAtMillis) {
    return lockedAt.map(at -> issuedAtMillis < at.toEpochMilli()).orElse(false);
  }

  /** When the last lockdown happened (epoch milliseconds), 0 when there was none. */
  public long lastLockdownMillis() {
    return lockedAt.map(Instant::toEpochMilli).orElse(0L);
  }

  /** This replica's own lockdown, known here before the next reload. */
  void lockedAt(Instant at) {
    advanceTo(Optional.of(at));
  }

  void reload() {
    try {
      advanceTo(self.stored());
    } catch (RuntimeException e) {
      LOG.fine(() -> "Lockdown state not reloaded, next try in 2 s: " + e.getMessage());
    }
  }

  /**
   * Lockdowns only move forward: a read that began before this replica's own lockdown committed
   * must not take it back.
   */
  private synchronized void advanceTo(Optional<Instant> stored) {
    if (stored.isPresent() && lockedAt.map(at -> at.isBefore(stored.get())).orElse(true)) {
      lockedAt = stored;
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
