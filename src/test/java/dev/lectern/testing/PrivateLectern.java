package dev.lectern.testing;

import dev.lectern.control.policy.RateLimitTier;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Lectern of its own for the test classes that extend with it, started once per test run and
 * stopped with it: its own database (with the roster fixture and one admin), Redis prefix and
 * directories, rate limits off but for failed sign-ins, the local address a trusted proxy. For
 * tests that need to know every account and row there is, or that try every route, without another
 * test changing them meanwhile.
 */
public final class PrivateLectern implements BeforeAllCallback {

  /** What the tests reach: the server's client, its database and the fixture's ids. */
  public record Instance(Http http, String databaseUrl, RosterFixture fixture, String publicUrl) {}

  /** Where this server says clients reach it: every link it writes starts here. */
  static final String PUBLIC_URL = "https://lectern.example.test/";

  private static volatile Instance instance;

  /** The running instance; the extension must have started it. */
  public static Instance instance() {
    if (instance == null) {
      throw new IllegalStateException("extend the test class with PrivateLectern");
    }
    return instance;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(PrivateLectern.class, key -> start(), Running.class);
  }

  private static Running start() {
    try {
      String url = Sql.createDatabase("private");
      String dirs = TestEnvironment.projectDir().resolve("target/private-lectern").toString();
      LecternServer server =
          new LecternServer("private")
              .with("DB_URL", url)
              .with("REDIS_KEY_PREFIX", TestEnvironment.redisKeyPrefix() + "private:")
              .with("BACKUP_DIR", dirs + "/backups")
              .with("IMPORT_DIR", dirs + "/imports")
              .with("LECTERN_PUBLIC_URL", PUBLIC_URL);
      for (RateLimitTier tier : RateLimitTier.values()) {
        server.with("RATE_LIMIT_" + tier.name(), "off");
      }
      // Failed sign-ins keep their production limits; tests that fail sign-ins on purpose come
      // from addresses of their own, named in X-Forwarded-For by the trusted local proxy.
      server
          .without("RATE_LIMIT_LOGIN")
          .without("RATE_LIMIT_LOGIN_SOURCE")
          .with("TRUSTED_PROXIES", "127.0.0.1/32");
      Running running = new Running(server.start().awaitReady());
      instance = new Instance(server.http(), url, RosterFixture.load(url), PUBLIC_URL);
      return running;
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the private database", e);
    }
  }

  /** Stops the server when the test run ends. */
  record Running(LecternServer server) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.close();
    }
  }
}
