package dev.lectern.platform.db;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Statements slower than {@code SLOW_QUERY_MS}: each is logged once, with its text and duration but
 * never its bound values (the request id rides on the log record), and counted in {@code
 * lectern_slow_statements_total{origin}}. {@link SqlSession} times Lectern's own SQL; Hibernate
 * times its queries itself ({@code hibernate.log_slow_query}, set from the same key in server.xml)
 * and its log line is counted here. Origin {@code jobs} is the jobs' pool, whose imports, backups
 * and restores run long by nature: the slow-statement alert leaves it out.
 */
@ApplicationScoped
public class SlowStatements {

  /** The logger Hibernate writes its slow queries to. */
  static final String HIBERNATE_LOGGER = "org.hibernate.SQL_SLOW";

  private static final Logger LOG = Logger.getLogger(SlowStatements.class.getName());

  /** Held: the JDK keeps loggers only weakly, and the handler must stay on this one. */
  private final Logger hibernateSlow = Logger.getLogger(HIBERNATE_LOGGER);

  @Inject DatabaseConfig config;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private final Handler hibernateCounter =
      new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
          counter("hibernate").inc();
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  void start(@Observes Startup startup) {
    for (String origin : new String[] {"requests", "jobs", "hibernate"}) {
      counter(origin);
    }
    hibernateSlow.addHandler(hibernateCounter);
  }

  @PreDestroy
  void stop() {
    hibernateSlow.removeHandler(hibernateCounter);
  }

  /** Logs and counts the statement when it ran longer than the threshold. */
  void finished(String origin, String sql, long startNanos, long endNanos) {
    long millis = (endNanos - startNanos) / 1_000_000;
    if (millis < config.slowQueryMillis()) {
      return;
    }
    counter(origin).inc();
    LOG.log(
        Level.WARNING,
        "Slow statement ({0} pool) took {1} ms: {2}",
        new Object[] {origin, millis, SqlText.masked(sql)});
  }

  private Counter counter(String origin) {
    return registry.counter(
        Metadata.builder()
            .withName("lectern_slow_statements_total")
            .withDescription("Statements slower than SLOW_QUERY_MS, by origin")
            .build(),
        new Tag("origin", origin));
  }
}
