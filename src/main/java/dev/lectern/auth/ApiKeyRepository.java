package dev.lectern.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries on API keys. Callers provide the transaction. */
@ApplicationScoped
public class ApiKeyRepository {

  @PersistenceContext(unitName = "lectern")
  EntityManager em;

  public Optional<ApiKey> find(UUID id) {
    return Optional.ofNullable(em.find(ApiKey.class, id));
  }

  /**
   * The key, its row locked until the transaction ends: a change, a revocation and a rotation of
   * one key happen one after another, so none writes back values another has replaced.
   */
  public Optional<ApiKey> findForChange(UUID id) {
    return Optional.ofNullable(em.find(ApiKey.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  public Optional<ApiKey> findByClientId(String clientId) {
    return em.createNamedQuery(ApiKey.FIND_BY_CLIENT_ID, ApiKey.class)
        .setParameter("clientId", clientId)
        .getResultStream()
        .findFirst();
  }

  public List<ApiKey> findAll() {
    return em.createNamedQuery(ApiKey.FIND_ALL, ApiKey.class).getResultList();
  }

  public void store(ApiKey key) {
    em.persist(key);
  }
}
