package dev.lectern.ops.backup.archive;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Workers that each take a connection of their own and drain a shared queue, for dumps and loads.
 * The first failure, whichever worker it comes from, is rethrown as it was and the other workers
 * are interrupted at once, so none is left waiting for work the failed one will never finish.
 */
final class ParallelWork {

  /** What one worker does with its connection. */
  interface Work {
    void run(Connection connection) throws IOException, SQLException;
  }

  private ParallelWork() {}

  static void run(ExecutorService executor, int workers, Connections connections, Work work)
      throws IOException, SQLException, InterruptedException {
    CompletionService<Void> completion = new ExecutorCompletionService<>(executor);
    List<Future<Void>> futures = new ArrayList<>();
    for (int i = 0; i < Math.max(1, workers); i++) {
      futures.add(
          completion.submit(
              () -> {
                try (Connection c = connections.open()) {
                  work.run(c);
                }
                return null;
              }));
    }
    try {
      for (int i = 0; i < futures.size(); i++) {
        completion.take().get();
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
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      throw e;
    }
  }
}
