package dev.lectern.ops.diagnostics;

/** What can be sent to a backend: cancel its statement, or end its session. */
public enum BackendSignal {
  /** Stops the running statement; the session and its connection stay. */
  CANCEL("pg_cancel_backend"),
  /**
   * Ends the session: its transaction rolls back; the pool finds the connection broken and, with
   * its purge policy EntirePool, replaces all its connections.
   */
  TERMINATE("pg_terminate_backend");

  private final String function;

  BackendSignal(String function) {
    this.function = function;
  }

  String function() {
    return function;
  }
}
