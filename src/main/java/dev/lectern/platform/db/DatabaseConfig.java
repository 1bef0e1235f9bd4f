package dev.lectern.platform.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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

  @Inject
  @ConfigProperty(name = "DB_READ_URL", defaultValue = "")
  Optional<String> readUrl;

  @Inject
  @ConfigProperty(name = "DB_READ_MAX_LAG_SECONDS", defaultValue = "5")
  double readMaxLagSeconds;

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

  /** Whether a streaming replica serves OneRoster reads ({@code DB_READ_URL}, server.xml). */
  public boolean hasReadReplica() {
    return readUrl.map(String::strip).filter(u -> !u.isEmpty()).isPresent();
  }

  /** The replay lag beyond which the replica serves no read. */
  public Duration readMaxLag() {
    return Duration.ofMillis(Math.round(readMaxLagSeconds * 1000));
  }

  /** A statement slower than this is logged and counted (server.xml gives Hibernate the same). */
  public long slowQueryMillis() {
    return slowQueryMillis;
  }
}
