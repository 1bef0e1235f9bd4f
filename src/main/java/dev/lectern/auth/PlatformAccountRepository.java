package dev.lectern.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Queries on platform accounts. Callers provide the transaction. */
@ApplicationScoped
public class PlatformAccountRepository {

  @PersistenceContext(unitName = "lectern")
  EntityManager em;

  public Optional<PlatformAccount> find(UUID id) {
    return Optional.ofNullable(em.find(PlatformAccount.class, id));
  }

  /** By username or email, ignoring case. */
  public Optional<PlatformAccount> findByLogin(String login) {
    return em.createNamedQuery(PlatformAccount.FIND_BY_LOGIN, PlatformAccount.class)
        .setParameter("login", login.toLowerCase(Locale.ROOT))
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public List<PlatformAccount> findAll(int offset, int limit) {
    return em.createNamedQuery(PlatformAccount.FIND_ALL, PlatformAccount.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count() {
    return em.createNamedQuery(PlatformAccount.COUNT_ALL, Long.class).getSingleResult();
  }

  public long countWithRole(Role role) {
    return em.createNamedQuery(PlatformAccount.COUNT_WITH_ROLE, Long.class)
        .setParameter("role", role.claim())
        .getSingleResult();
  }

  /** Enabled accounts holding the role, for the last-admin rule. */
  /**
   * Enabled accounts with a role other than {@code except}: the same whether or not a pending
   * change to {@code except} has been flushed before the query.
   */
  public long countOtherEnabledWithRole(Role role, UUID except) {
    return em.createQuery(
            "select count(a) from PlatformAccount a join a.roles r where r = :role and a.enabled"
                + " = true and a.id <> :except",
            Long.class)
        .setParameter("role", role.claim())
        .setParameter("except", except)
        .getSingleResult();
  }

  public void store(PlatformAccount account) {
    em.persist(account);
  }
}
