package dev.lectern.ops.backup.archive;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Workers that each take a connection of their own and drain a shared queue, for dumps and loads.
 * The first failure is rethrown as it was and the other workers are interrupted.
 */
final class ParallelWork {

  /** What one worker does with its connection. */
  interface Work {
    void run(Connection connection) throws IOException, SQLException;
  }

  private ParallelWork() {}

  static void run(
      ExecutorService executor, int workers, TableDumper.Connections connections, Work work)
      throws IOException, SQLException, InterruptedException {
    List<Future<Void>> futures = new ArrayList<>();
    for (int i = 0; i < Math.max(1, workers); i++) {
      futures.add(
          executor.submit(
              () -> {
                try (Connection c = connections.open()) {
                  work.run(c);
                }
                return null;
              }));
    }
    try {
      for (Future<Void> future : futures) {
        future.get();
      }
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof SQLException sql) {
        throw sql;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    }
  }
}
