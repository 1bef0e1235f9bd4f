package dev.lectern.platform.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.sql.DataSource;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * One round trip to PostgreSQL. Time-boxed by Fault Tolerance so a hung database answers a probe
 * within the timeout, and bulkheaded so probes piling up on a hung database cannot use up threads.
 */
@ApplicationScoped
public class DatabasePing {

  @Resource(lookup = "jdbc/lectern")
  DataSource dataSource;

  @Asynchronous
  @Timeout(1500)
  @Bulkhead(value = 2, waitingTaskQueue = 4)
  public CompletionStage<Void> ping() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(2);
      statement.execute("SELECT 1");
    }
    return CompletableFuture.completedFuture(null);
  }
}
