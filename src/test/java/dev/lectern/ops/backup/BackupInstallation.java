package dev.lectern.ops.backup;

import dev.lectern.testing.LecternServer;
import dev.lectern.testing.Sql;
import dev.lectern.testing.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A Lectern installation of a backup test's own: a database, a backup directory and a server (not
 * yet started) pointed at both, all named after the test.
 */
record BackupInstallation(String dbUrl, Path backupDir, LecternServer server) {

  /** Creates the database and the directory; configure the server further, then start it. */
  static BackupInstallation create(String name) throws SQLException {
    String dbUrl = Sql.createDatabase(name);
    Path dir = directory(name);
    return new BackupInstallation(
        dbUrl,
        dir,
        new LecternServer(name).with("DB_URL", dbUrl).with("BACKUP_DIR", dir.toString()));
  }

  /** The run's backup directory for {@code name}, created. */
  static Path directory(String name) {
    Path dir =
        TestEnvironment.projectDir()
            .resolve("target/test-backups/" + TestEnvironment.databasePrefix() + "_" + name);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }
}
