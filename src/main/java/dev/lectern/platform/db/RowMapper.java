package dev.lectern.platform.db;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One result row to one value; the cursor is already on the row. */
@FunctionalInterface
public interface RowMapper<T> {

  T map(ResultSet row) throws SQLException;
}
