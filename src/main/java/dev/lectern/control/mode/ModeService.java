package dev.lectern.control.mode;

import dev.lectern.control.feed.ChangeFeed;
import dev.lectern.control.feed.ChangeNotice;
import dev.lectern.platform.db.SqlTimes;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.migration.SchemaReady;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The operating mode of the cluster. It lives in PostgreSQL and every replica reloads it when the
 * change feed announces it, so a change made on one replica is followed by all within a second, and
 * a replica that starts later follows it too. {@code MAINTENANCE_MODE} sets it at boot.
 */
@ApplicationScoped
public class ModeService {

  /** The change-feed topic of the mode. */
  static final String TOPIC = "mode";

  private static final Logger LOG = Logger.getLogger(ModeService.class.getName());

  @PersistenceContext(unitName = "lectern")
  EntityManager em;

  @Inject MetricRegistry metrics;
  @Inject ModeConfig config;
  @Inject ChangeFeed feed;
  @Inject ModeService self;
  @Resource TransactionSynchronizationRegistry transactions;

  private volatile ModeState state = ModeState.NORMAL;

  /** Mode changes made on this replica; guarded by this. */
  private long localChanges;

  /** Version of {@link #state} as stored; -1 before the first read. Guarded by this. */
  private long version = -1;

  @PostConstruct
  void init() {
    bootMode().ifPresent(mode -> state = new ModeState(mode, "MAINTENANCE_MODE", null, null, null));
    for (OperatingMode mode : OperatingMode.values()) {
      metrics.gauge(
          "lectern_operating_mode",
          this,
          service -> service.effective() == mode ? 1 : 0,
          new Tag("mode", mode.label()));
    }
  }

  void start(@Observes SchemaReady ready) {
    bootMode().ifPresent(mode -> self.set(mode, "MAINTENANCE_MODE at boot", null, "system"));
    try {
      reload();
    } catch (RuntimeException e) {
      // The change feed's first round reloads it again; readiness reports PostgreSQL's outage.
      LOG.fine(() -> "Operating mode not loaded at start: " + e.getMessage());
    }
  }

  /** Reloads when the feed says so; a failed reload throws, and the feed's next round retries. */
  void follow(@Observes ChangeNotice notice) {
    if (notice.is(TOPIC)) {
      reload();
    }
  }

  public ModeState current() {
    return state;
  }

  public OperatingMode effective() {
    return state.effective(Instant.now());
  }

  /** Sets the mode for every replica; {@code until} empty means until changed again. */
  public ModeState set(OperatingMode mode, String reason, Instant until, String actor) {
    if (until != null && !until.isAfter(Instant.now())) {
      throw new ApiException(422, "validation_failed", "until must be in the future.");
    }
    ModeState next = new ModeState(mode, reason, until, Instant.now(), actor);
    self.store(next);
    applyWhenCommitted(next);
    return next;
  }

  /**
   * Sets the mode only if {@code holder} (a maintenance window) still holds it, as stored: decided
   * by the row, under its lock, so a mode set meanwhile by another window or by hand on another
   * replica is never overwritten. Joins the caller's transaction.
   */
  public boolean setIfHeldBy(String holder, OperatingMode mode, String reason, Instant until) {
    ModeState next = new ModeState(mode, reason, until, Instant.now(), holder);
    if (!self.storeIfHeldBy(next, holder)) {
      return false;
    }
    applyWhenCommitted(next);
    return true;
  }

  /**
   * Applies a mode stored here to this replica: at once when its transaction has committed, or when
   * the caller's transaction (a window's start or end) commits; never if that one rolls back, so
   * this replica never runs in a mode nobody stored.
   */
  private void applyWhenCommitted(ModeState next) {
    int status = transactions.getTransactionStatus();
    if (status == Status.STATUS_NO_TRANSACTION) {
      apply(next);
    } else if (status == Status.STATUS_ACTIVE) {
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int outcome) {
              if (outcome == Status.STATUS_COMMITTED) {
                apply(next);
              }
            }
          });
    }
  }

  private void apply(ModeState next) {
    synchronized (this) {
      state = next;
      localChanges++;
    }
    LOG.warning(
        () ->
            "Operating mode "
                + next.mode().label()
                + " set by "
                + next.changedBy()
                + ": "
                + next.reason());
  }

  /** The conditional write of {@link #setIfHeldBy}. Public for {@code @Transactional}. */
  @Transactional
  public boolean storeIfHeldBy(ModeState next, String holder) {
    int updated =
        em.createNativeQuery(
                "UPDATE operating_mode SET mode = ?1, reason = ?2, until = ?3, changed_at = ?4,"
                    + " changed_by = ?5 WHERE id = 1 AND changed_by = ?6")
            .setParameter(1, next.mode().label())
            .setParameter(2, next.reason())
            .setParameter(3, next.until() == null ? null : Timestamp.from(next.until()))
            .setParameter(4, Timestamp.from(next.changedAt()))
            .setParameter(5, next.changedBy())
            .setParameter(6, holder)
            .executeUpdate();
    if (updated == 1) {
      feed.publish(TOPIC);
    }
    return updated == 1;
  }

  /**
   * Writes the mode, committed when this returns. Public: Liberty applies {@code @Transactional} to
   * public methods only.
   */
  @Transactional
  public void store(ModeState next) {
    em.createNativeQuery(
            "UPDATE operating_mode SET mode = ?1, reason = ?2, until = ?3, changed_at = ?4,"
                + " changed_by = ?5 WHERE id = 1")
        .setParameter(1, next.mode().label())
        .setParameter(2, next.reason())
        .setParameter(3, next.until() == null ? null : Timestamp.from(next.until()))
        .setParameter(4, Timestamp.from(next.changedAt()))
        .setParameter(5, next.changedBy())
        .executeUpdate();
    feed.publish(TOPIC);
  }

  /**
   * Follows the stored mode. A read that overlapped a change made on this replica may have seen the
   * row before that change committed, so it is dropped; the feed announces the change, whose reload
   * reads it. While PostgreSQL cannot be read it throws and the last known mode stays.
   */
  void reload() {
    long changesBefore;
    synchronized (this) {
      changesBefore = localChanges;
    }
    ModeState stored = self.stored();
    synchronized (this) {
      if (localChanges == changesBefore) {
        state = stored;
      }
    }
  }

  /**
   * The mode as stored, read in a transaction of its own so that the entity manager is closed with
   * it instead of being left to the scheduled task's cleanup. Public: Liberty applies
   * {@code @Transactional} to public methods only.
   */
  @Transactional
  public ModeState stored() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT mode, reason, until, changed_at, changed_by FROM operating_mode"
                        + " WHERE id = 1")
                .getSingleResult();
    return new ModeState(
        OperatingMode.fromLabel((String) row[0]).orElse(OperatingMode.NORMAL),
        (String) row[1],
        SqlTimes.instant(row[2]),
        SqlTimes.instant(row[3]),
        (String) row[4]);
  }

  private Optional<OperatingMode> bootMode() {
    return switch (config.bootMode().orElse("").strip().toLowerCase(Locale.ROOT)) {
      case "true", "maintenance" -> Optional.of(OperatingMode.MAINTENANCE);
      case "read-only" -> Optional.of(OperatingMode.READ_ONLY);
      default -> Optional.empty();
    };
  }
}
