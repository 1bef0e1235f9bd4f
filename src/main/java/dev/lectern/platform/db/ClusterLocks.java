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

  @PersistenceContext(unitName = "lectern")
  EntityManager em;

  /** Blocks until the lock is held; requires an active transaction. */
  public void lock(AdvisoryLock lock) {
    em.createNativeQuery("select pg_advisory_xact_lock(?1)")
        .setParameter(1, lock.id())
        .getSingleResult();
  }
}
