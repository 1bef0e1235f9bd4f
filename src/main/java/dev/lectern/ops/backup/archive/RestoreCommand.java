package dev.lectern.ops.backup.archive;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code bin/lectern restore <archive> --db-url <jdbc url> [--db-user <user>] [--yes]}: disaster
 * recovery with the server down. Restores everything into an empty database: Lectern's migrations
 * up to the archive's version, the data in one transaction, then the newer migrations. The password
 * comes from {@code DB_PASSWORD} and keys from {@code BACKUP_ENCRYPTION_KEYS}, never from the
 * command line.
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
    while (!args.isEmpty()) {
      String arg = args.poll();
      switch (arg) {
        case "--db-url" -> url = args.poll();
        case "--db-user" -> user = args.poll();
        case "--yes" -> yes = true;
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
    System.out.println("Verifying the whole archive before writing anything...");
    ArchiveVerifier.Result verdict = ArchiveVerifier.verify(archive, keyring);
    if (!verdict.verified()) {
      throw new ArchiveException(String.join("; ", verdict.problems()));
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    dataSource.setUser(user);
    String password = System.getenv("DB_PASSWORD");
    if (password != null && !password.isEmpty()) {
      dataSource.setPassword(password);
    }
    long started = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      ArchiveSchema.requireEmpty(c);
    }
    ArchiveSchema.migrateTo(dataSource, manifest.schemaVersion());
    try (Connection c = dataSource.getConnection();
        ArchiveReader reader = ArchiveReader.open(archive, keyring)) {
      c.setAutoCommit(false);
      try {
        ArchiveLoader.load(
            c,
            reader,
            (table, done, total) ->
                System.out.printf(
                    "  %-28s %10d rows (%d/%d)%n", table.name(), table.rows(), done, total));
        c.commit();
      } catch (Exception e) {
        c.rollback();
        throw e;
      }
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      }
    }
    ArchiveSchema.migrateToLatest(dataSource, null);
    System.out.printf(
        "Restored %s: %d rows in %d s. Start Lectern against this database.%n",
        manifest.id(), manifest.rows(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
    return 0;
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
            + " [--db-user <user>] [--yes]");
    return 2;
  }
}
