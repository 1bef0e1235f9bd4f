package dev.lectern.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Queries on signing keys. Callers provide the transaction. */
@ApplicationScoped
public class SigningKeyRepository {

  @PersistenceContext(unitName = "lectern")
  EntityManager em;

  /** Keys whose public half belongs in the JWKS. */
  public List<SigningKey> findPublished() {
    return em.createNamedQuery(SigningKey.FIND_PUBLISHED, SigningKey.class).getResultList();
  }

  public Optional<SigningKey> findActive() {
    return em.createNamedQuery(SigningKey.FIND_ACTIVE, SigningKey.class)
        .getResultStream()
        .findFirst();
  }

  /** Every key, retired ones too, oldest first. */
  public List<SigningKey> findAll() {
    return em.createNamedQuery(SigningKey.FIND_ALL, SigningKey.class).getResultList();
  }

  public void store(SigningKey key) {
    em.persist(key);
  }
}
