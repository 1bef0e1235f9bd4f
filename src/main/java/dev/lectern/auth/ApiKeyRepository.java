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

  /** The bound orgs and every org below them, for a key's boundary. */
  @SuppressWarnings("unchecked")
  public List<String> withDescendants(List<String> orgs) {
    return em.createNativeQuery(
            "WITH RECURSIVE tree(sourced_id) AS (SELECT unnest(CAST(?1 AS text[]))"
                + " UNION SELECT o.sourced_id FROM roster_org o"
                + " JOIN tree ON o.parent_sourced_id = tree.sourced_id)"
                + " SELECT sourced_id FROM tree")
        .setParameter(1, orgs.toArray(String[]::new))
        .getResultList();
  }
}
