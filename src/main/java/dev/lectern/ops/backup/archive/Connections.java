package dev.lectern.ops.backup.archive;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens a fresh connection outside any container transaction: each parallel worker of a dump or a
 * load holds one of its own.
 */
@FunctionalInterface
public interface Connections {
  Connection open() throws SQLException;
}
