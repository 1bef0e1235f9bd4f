package dev.lectern.ops.backup.archive;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code bin/lectern restore <archive> --db-url <jdbc url> [--db-user <user>] [--jobs n] [--yes]}:
 * disaster recovery with the server down. Restores everything into an empty database: the whole
 * archive verified first, Lectern's migrations up to the archive's version, the data with {@code n}
 * parallel connections, then the newer migrations. The password comes from {@code DB_PASSWORD} and
 * keys from {@code BACKUP_ENCRYPTION_KEYS}, never from the command line.
 */
public final class RestoreCommand {

  private RestoreCommand() {}

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (ArchiveException e) {
      System.err.println("restore refused: " + e.getMessage());
      System.exit(1);
    } catch (Exception e) {
      System.err.println("restore failed, nothing was committed: " + e);
      System.exit(1);
    }
  }

  static int run(String[] arguments) throws Exception {
    Deque<String> args = new ArrayDeque<>(java.util.List.of(arguments));
    String file = null;
    String url = null;
    String user = System.getenv().getOrDefault("DB_USER", "lectern");
    boolean yes = false;
    int jobs = 2;
    while (!args.isEmpty()) {
      String arg = args.poll();
      switch (arg) {
        case "--db-url" -> url = args.poll();
        case "--db-user" -> user = args.poll();
        case "--yes" -> yes = true;
        case "--jobs" -> jobs = Integer.parseInt(args.poll());
        default -> {
          if (arg.startsWith("-") || file != null) {
            return usage("unknown argument " + arg);
          }
          file = arg;
        }
      }
    }
    if (file == null || url == null || user == null) {
      return usage("an archive and --db-url are required");
    }
    Path archive = Path.of(file);
    if (!Files.isRegularFile(archive)) {
      return usage("no archive at " + archive);
    }
    Keyring keyring = Keyring.parse(System.getenv("BACKUP_ENCRYPTION_KEYS"));
    ArchiveManifest manifest;
    try (ArchiveReader reader = ArchiveReader.open(archive, keyring)) {
      manifest = reader.manifest();
    }
    System.out.printf(
        "Archive %s: taken %s by Lectern %s at schema %s, %d tables, %d rows%s%n",
        manifest.id(),
        manifest.createdAt(),
        manifest.lecternVersion(),
        manifest.schemaVersion(),
        manifest.tables().size(),
        manifest.rows(),
        manifest.encrypted() ? ", encrypted with key " + manifest.keyId() : "");
    if (!yes && !confirmed(manifest.id(), url)) {
      return 2;
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    dataSource.setUser(user);
    String password = System.getenv("DB_PASSWORD");
    if (password != null && !password.isEmpty()) {
      dataSource.setPassword(password);
    }
    long started = System.nanoTime();
    long phase = started;
    ExecutorService executor = Executors.newFixedThreadPool(Math.max(2, jobs));
    try {
      // The archive is verified whole while the schema is built; a damaged archive has the
      // schema dropped again, so the database is left as empty as it was found.
      System.out.println("Verifying the whole archive while the schema is built...");
      Future<ArchiveVerifier.Result> verifying =
          executor.submit(() -> ArchiveVerifier.verify(archive, keyring));
      try (Connection c = dataSource.getConnection()) {
        ArchiveSchema.requireEmpty(c);
      }
      Flyway migration = ArchiveSchema.prepare(dataSource, null, manifest.schemaVersion());
      migration.migrate();
      phase = lap("schema at version " + manifest.schemaVersion(), phase);
      ArchiveVerifier.Result verdict = verifying.get();
      if (!verdict.verified()) {
        migration.clean();
        throw new ArchiveException(String.join("; ", verdict.problems()));
      }
      phase = lap("verified", phase);
      load(archive, keyring, dataSource, executor, jobs, started);
    } finally {
      executor.shutdownNow();
    }
    phase = lap("loaded, indexes and constraints rebuilt", phase);
    ArchiveSchema.migrateToLatest(dataSource, null);
    lap("newer migrations applied", phase);
    System.out.printf(
        "Restored %s: %d rows in %d s. Start Lectern against this database (autovacuum gathers"
            + " statistics within minutes; run ANALYZE to have them at once).%n",
        manifest.id(), manifest.rows(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
    return 0;
  }

  private static void load(
      Path archive,
      Keyring keyring,
      PGSimpleDataSource dataSource,
      ExecutorService executor,
      int jobs,
      long started)
      throws Exception {
    try (ArchiveReader reader = ArchiveReader.open(archive, keyring)) {
      ArchiveLoader.load(
          dataSource::getConnection,
          reader,
          executor,
          jobs,
          (table, done, total) ->
              System.out.printf(
                  "  %-28s part %d %10d rows (%d/%d) at %.1f s%n",
                  table.name(),
                  table.part(),
                  table.rows(),
                  done,
                  total,
                  (System.nanoTime() - started) / 1e9));
    } catch (Exception e) {
      System.err.println(
          "The target database is partly loaded: drop it and create it empty again before"
              + " retrying.");
      throw e;
    }
  }

  /** Prints how long a phase took and answers the start of the next. */
  private static long lap(String what, long since) {
    long now = System.nanoTime();
    System.out.printf("  %s in %.1f s%n", what, (now - since) / 1e9);
    return now;
  }

  private static boolean confirmed(String id, String url) {
    Console console = System.console();
    if (console == null) {
      System.err.println("restore refused: no terminal to confirm on; pass --yes to restore");
      return false;
    }
    String answer =
        console.readLine("Restore %s into %s? Type the backup id to confirm: ", id, url);
    if (!id.equals(answer == null ? null : answer.trim())) {
      System.err.println("restore refused: the answer was not " + id);
      return false;
    }
    return true;
  }

  private static int usage(String problem) {
    System.err.println(problem);
    System.err.println(
        "usage: bin/lectern restore <archive.lbk> --db-url <jdbc:postgresql://host:port/db>"
            + " [--db-user <user>] [--jobs <parallel connections, default 2>] [--yes]");
    return 2;
  }
}
