package dev.lectern.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct SQL for assertions and set-up, written in the test, independent of Lectern's code. */
public final class Sql {

  private Sql() {}

  public static Connection connect(String jdbcUrl) throws SQLException {
    return DriverManager.getConnection(jdbcUrl, "postgres", "");
  }

  /** The database the server under test uses. */
  public static Connection lecternDatabase() throws SQLException {
    return DriverManager.getConnection(
        TestEnvironment.databaseUrl(),
        TestEnvironment.databaseUser(),
        TestEnvironment.databasePassword());
  }

  public static void execute(String jdbcUrl, String... statements) throws SQLException {
    try (Connection connection = connect(jdbcUrl)) {
      execute(connection, statements);
    }
  }

  public static void execute(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** The first column of the first row, as text. */
  public static String text(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }

  public static long count(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Creates an empty database of this test run ({@code <prefix>_<suffix>}, dropped with the run)
   * and returns its JDBC URL.
   */
  public static String createDatabase(String suffix) throws SQLException {
    String server =
        "jdbc:postgresql://" + TestEnvironment.pgHost() + ":" + TestEnvironment.pgPort() + "/";
    String database = TestEnvironment.databasePrefix() + "_" + suffix;
    execute(server + "postgres", "CREATE DATABASE " + database);
    return server + database;
  }
}
