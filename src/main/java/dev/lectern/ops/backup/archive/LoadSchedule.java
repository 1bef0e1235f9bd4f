package dev.lectern.ops.backup.archive;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Hands the loading workers their work so that both cores stay busy: tables largest first, and each
 * table's index builds as soon as that table is loaded, largest table first. A worker with no table
 * left builds the indexes of the tables already loaded while the others still copy, instead of
 * waiting for the whole load as a load-then-index plan would.
 */
final class LoadSchedule {

  private record Build(long tableBytes, String statement) {}

  private final Deque<String> tables;
  private final Map<String, Long> bytes;
  private final SetAside setAside;
  private final PriorityQueue<Build> builds =
      new PriorityQueue<>(Comparator.comparingLong(Build::tableBytes).reversed());
  private int loading;

  /** {@code tables} in the order to load them; {@code bytes} their sizes, to order the builds. */
  LoadSchedule(List<String> tables, Map<String, Long> bytes, SetAside setAside) {
    this.tables = new ArrayDeque<>(tables);
    this.bytes = bytes;
    this.setAside = setAside;
  }

  /** The next table to load, or null when every table has been handed out. */
  synchronized String nextTable() {
    String table = tables.poll();
    if (table != null) {
      loading++;
      return table;
    }
    return null;
  }

  /** Called once {@code table} is loaded and committed: its indexes may be built. */
  synchronized void loaded(String table) {
    loading--;
    for (String statement : setAside.indexesOf(table)) {
      builds.add(new Build(bytes.getOrDefault(table, 0L), statement));
    }
    notifyAll();
  }

  /**
   * The next index to build, waiting while tables are still loading; null when there is none left.
   */
  synchronized String nextIndex() throws InterruptedIOException {
    while (builds.isEmpty() && (loading > 0 || !tables.isEmpty())) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("load interrupted");
      }
    }
    Build build = builds.poll();
    return build == null ? null : build.statement();
  }
}
