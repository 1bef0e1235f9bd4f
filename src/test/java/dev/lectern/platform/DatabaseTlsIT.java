package dev.lectern.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.testing.Http;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.PrivatePostgres;
import dev.lectern.testing.Sql;
import dev.lectern.testing.TestEnvironment;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS to PostgreSQL as the runbook configures it: {@code sslmode=verify-full} with the CA's
 * certificate in {@code DB_URL}, against a cluster that refuses anything but TLS. Lectern migrates,
 * becomes ready and serves logins, and every one of its connections is encrypted.
 */
class DatabaseTlsIT {

  private static PrivatePostgres postgres;
  private static LecternServer server;
  private static String verifiedUrl;

  @BeforeAll
  static void startOverTls() throws Exception {
    postgres = new PrivatePostgres("tls");
    postgres.start();
    Sql.execute(postgres.jdbcUrl("postgres"), "CREATE DATABASE lectern");
    Path ca = postgres.serveOverTlsOnly();
    verifiedUrl =
        "jdbc:postgresql://localhost:"
            + postgres.port()
            + "/lectern?sslmode=verify-full&sslrootcert="
            + ca;
    server =
        new LecternServer("db-tls")
            .with("DB_URL", verifiedUrl)
            .with("DB_USER", "postgres")
            .with("DB_PASSWORD", "")
            .start()
            .awaitReady();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void refusesPlainConnections() {
    // pgjdbc's default (sslmode=prefer) would quietly negotiate TLS: ask for none.
    assertThatThrownBy(() -> Sql.connect(postgres.jdbcUrl("lectern") + "?sslmode=disable").close())
        .hasMessageContaining("no encryption");
  }

  @Test
  void runsOnVerifiedTlsConnectionsOnly() throws Exception {
    Http http = server.http();
    assertThat(http.login("admin", TestEnvironment.adminPassword())).isNotBlank();
    try (Connection c = Sql.connect(verifiedUrl)) {
      String lecterns =
          "FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)"
              + " WHERE a.datname = 'lectern' AND a.pid <> pg_backend_pid()";
      assertThat(Sql.count(c, "SELECT count(*) " + lecterns)).isPositive();
      assertThat(Sql.count(c, "SELECT count(*) " + lecterns + " AND NOT s.ssl")).isZero();
      assertThat(Sql.text(c, "SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
          .startsWith("TLSv1.");
    }
  }
}
