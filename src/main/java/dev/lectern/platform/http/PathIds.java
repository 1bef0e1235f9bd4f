package dev.lectern.platform.http;

import java.util.Optional;
import java.util.UUID;

/** Ids taken from a path: anything that is not a UUID names nothing, so it is simply absent. */
public final class PathIds {

  private PathIds() {}

  /**
   * An id as an error message may repeat it: at most 64 characters, printable ASCII only, so an
   * answer never echoes kilobytes or control characters a client put in a path.
   */
  public static String shown(String id) {
    String printable = id == null ? "" : id.replaceAll("[^\\x20-\\x7E]", "?");
    return printable.length() <= 64 ? printable : printable.substring(0, 64) + "...";
  }

  public static Optional<UUID> uuid(String value) {
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
