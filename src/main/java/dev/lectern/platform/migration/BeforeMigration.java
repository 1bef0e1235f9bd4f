package dev.lectern.platform.migration;

/**
 * Work to do once, by one server, before pending migrations change a database that holds data: the
 * backup package takes a {@code pre-migrate} backup so an upgrade can be undone by restore.
 * Implementations are CDI beans; the migrator calls them while it holds the migration lock.
 */
public interface BeforeMigration {

  /**
   * Runs before {@code pending} migrations are applied to a schema at {@code currentVersion}. An
   * exception stops the migration; it is retried with the next attempt.
   */
  void beforeMigrating(String currentVersion, int pending) throws Exception;
}
