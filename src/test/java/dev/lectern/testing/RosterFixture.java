package dev.lectern.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Loads the small district of {@code roster-fixture.sql} into the database of the server under
 * test, every sourcedId prefixed so that tests sharing the database never see each other's rows.
 */
public final class RosterFixture {

  private final String prefix;

  private RosterFixture(String prefix) {
    this.prefix = prefix;
  }

  public static RosterFixture load() {
    return load(TestEnvironment.databaseUrl());
  }

  /** Loads the fixture into another database of this run, such as a private server's. */
  public static RosterFixture load(String jdbcUrl) {
    RosterFixture fixture =
        new RosterFixture("t" + UUID.randomUUID().toString().substring(0, 8) + "-");
    try (InputStream in = RosterFixture.class.getResourceAsStream("/roster-fixture.sql")) {
      String sql =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace(":'p'", "'" + fixture.prefix + "'");
      try (Connection db = Sql.connect(jdbcUrl);
          Statement statement = db.createStatement()) {
        statement.execute(sql);
      }
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("could not load the roster fixture", e);
    }
    return fixture;
  }

  /** The sourcedId of a fixture row, e.g. {@code id("school-1")}. */
  public String id(String name) {
    return prefix + name;
  }

  /** A filter that keeps a collection to this fixture's rows. */
  public String onlyMine() {
    return "sourcedId~'" + prefix + "'";
  }
}
