package dev.lectern.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
