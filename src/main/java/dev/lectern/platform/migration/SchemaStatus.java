package dev.lectern.platform.migration;

/**
 * Where the schema stands. Only {@link State#READY} lets the application touch its tables; the
 * reason is shown in readiness so an operator sees why without reading logs.
 */
public record SchemaStatus(State state, String version, String reason) {

  /** Lifecycle of the schema as seen by this server. */
  public enum State {
    PENDING,
    FAILED,
    NEWER_THAN_CODE,
    READY
  }

  public static SchemaStatus pending(String reason) {
    return new SchemaStatus(State.PENDING, null, reason);
  }

  public static SchemaStatus failed(String reason) {
    return new SchemaStatus(State.FAILED, null, reason);
  }

  public static SchemaStatus newerThanCode(String version, String known) {
    return new SchemaStatus(
        State.NEWER_THAN_CODE,
        version,
        "database schema version "
            + version
            + " is newer than this Lectern (latest known "
            + known
            + "): upgrade Lectern or restore a matching backup");
  }

  public static SchemaStatus ready(String version) {
    return new SchemaStatus(State.READY, version, null);
  }

  public boolean isReady() {
    return state == State.READY;
  }
}
