package dev.lectern.control.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads of the audit log, newest first; and the retention sweep. */
@ApplicationScoped
public class AuditRepository {

  @PersistenceContext(unitName = "lectern")
  EntityManager em;

  @Transactional
  public List<AuditEntry> find(AuditQuery query) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AuditEntry> select = cb.createQuery(AuditEntry.class);
    Root<AuditEntry> entry = select.from(AuditEntry.class);
    select
        .where(conditions(cb, entry, query))
        .orderBy(cb.desc(entry.get("occurredAt")), cb.desc(entry.get("id")));
    return em.createQuery(select)
        .setFirstResult(query.offset())
        .setMaxResults(query.limit())
        .getResultList();
  }

  @Transactional
  public long count(AuditQuery query) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> select = cb.createQuery(Long.class);
    Root<AuditEntry> entry = select.from(AuditEntry.class);
    select.select(cb.count(entry)).where(conditions(cb, entry, query));
    return em.createQuery(select).getSingleResult();
  }

  private static Predicate[] conditions(
      CriteriaBuilder cb, Root<AuditEntry> entry, AuditQuery query) {
    List<Predicate> where = new ArrayList<>();
    query.actor().ifPresent(a -> where.add(cb.equal(entry.get("actor"), a)));
    query.action().ifPresent(a -> where.add(cb.equal(entry.get("action"), a)));
    query.outcome().ifPresent(o -> where.add(cb.equal(entry.get("outcome"), o.label())));
    query
        .since()
        .ifPresent(s -> where.add(cb.greaterThanOrEqualTo(entry.<Instant>get("occurredAt"), s)));
    query.until().ifPresent(u -> where.add(cb.lessThan(entry.<Instant>get("occurredAt"), u)));
    return where.toArray(Predicate[]::new);
  }
}
