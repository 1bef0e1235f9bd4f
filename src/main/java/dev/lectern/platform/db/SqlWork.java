package dev.lectern.platform.db;

import java.sql.SQLException;

/** Statements run on one connection, inside {@link Jdbc#withConnection} or a transaction. */
@FunctionalInterface
public interface SqlWork<T> {

  T run(SqlSession session) throws SQLException;
}
