package bench.minimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A CDI bean with configuration, an entity manager and a transaction. */
@ApplicationScoped
public class GreetingService {

  @PersistenceContext EntityManager entities;

  @Inject
  @ConfigProperty(name = "MINIMAL_GREETING", defaultValue = "hello")
  String greeting;

  @Transactional
  public String greet() {
    Number rows =
        (Number) entities.createNativeQuery("SELECT count(*) FROM pg_class").getSingleResult();
    return greeting + " " + rows.longValue();
  }
}
