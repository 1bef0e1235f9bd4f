package dev.lectern.roster.demo;

import dev.lectern.platform.db.AdvisoryLock;
import dev.lectern.platform.db.ClusterLocks;
import dev.lectern.platform.migration.SchemaReady;
import dev.lectern.roster.query.RosterGeneration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/**
 * With {@code LECTERN_DEMO_DATA=true}, an empty roster gets a small generated district (300 users,
 * 3 schools) at first start, so a new installation has something to sync. A roster that holds
 * anything is never touched.
 */
@ApplicationScoped
public class DemoDataLoader {

  private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

  @Inject ClusterLocks locks;
  @Inject DemoConfig config;

  @PersistenceContext(unitName = "lectern")
  EntityManager em;

  @Transactional
  public void loadIntoEmptyRoster(@Observes SchemaReady ready) {
    if (!config.enabled()) {
      return;
    }
    locks.lock(AdvisoryLock.DEMO_DATA);
    Number orgs =
        (Number) em.createNativeQuery("SELECT count(*) FROM roster_org").getSingleResult();
    if (orgs.longValue() > 0) {
      return;
    }
    em.createNativeQuery("SELECT count(*) FROM roster_generate_district(300, 3000, 3)")
        .getSingleResult();
    em.createNativeQuery(RosterGeneration.BUMP_SQL).executeUpdate();
    LOG.info("Loaded the demo district (300 users, 3 schools) into the empty roster.");
  }
}
