package dev.lectern.platform.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/** Lectern's two data sources, as {@link Jdbc} helpers for the repositories. */
@ApplicationScoped
public class JdbcSources {

  @Resource(lookup = "jdbc/lectern")
  DataSource managed;

  @Resource(lookup = "jdbc/lecternDirect")
  DataSource direct;

  @Inject StatementTimings timings;

  @Produces
  Jdbc managed() {
    return new Jdbc(managed, timings, "requests");
  }

  @Produces
  @Direct
  Jdbc direct() {
    return new Jdbc(direct, timings, "jobs");
  }
}
