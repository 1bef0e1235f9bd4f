package bench.minimal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One JPA entity, so Hibernate boots a persistence unit as it does for Lectern. */
@Entity
@Table(name = "minimal_greeting")
public class Greeting {
  @Id public long id;
  public String text;
}
