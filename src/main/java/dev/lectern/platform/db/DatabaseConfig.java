package dev.lectern.platform.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The database Lectern runs on, as its data sources reach it; see docs/configuration.md. */
@ApplicationScoped
public class DatabaseConfig {

  @Inject
  @ConfigProperty(name = "DB_URL", defaultValue = "jdbc:postgresql://127.0.0.1:5432/lectern")
  String url;

  @Inject
  @ConfigProperty(name = "DB_USER", defaultValue = "lectern")
  String user;

  @Inject
  @ConfigProperty(name = "DB_PASSWORD")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "SLOW_QUERY_MS", defaultValue = "1000")
  long slowQueryMillis;

  /** The JDBC URL of Lectern's database (its name names the scratch databases of drills). */
  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public Optional<String> password() {
    return password;
  }

  /** A statement slower than this is logged and counted (server.xml gives Hibernate the same). */
  public long slowQueryMillis() {
    return slowQueryMillis;
  }
}
