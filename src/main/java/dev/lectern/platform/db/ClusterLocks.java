package dev.lectern.platform.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Work that must happen once per cluster (creating the first admin or the first signing key) takes
 * a PostgreSQL advisory lock held until the caller's transaction ends, so replicas starting
 * together wait for each other instead of racing.
 */
@ApplicationScoped
public class ClusterLocks {

  /** Lock ids, one per kind of once-per-cluster work; never reuse a number. */
  public enum Lock {
    FIRST_ADMIN(0x4c45_0001L),
    SIGNING_KEYS(0x4c45_0002L),
    DEMO_DATA(0x4c45_0003L),
    BACKUP_TIMERS(0x4c45_0004L);

    private final long id;

    Lock(long id) {
      this.id = id;
    }
  }

  @PersistenceContext(unitName = "lectern")
  EntityManager em;

  /** Blocks until the lock is held; requires an active transaction. */
  public void lock(Lock lock) {
    em.createNativeQuery("select pg_advisory_xact_lock(?1)")
        .setParameter(1, lock.id)
        .getSingleResult();
  }
}
