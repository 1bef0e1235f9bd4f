package dev.lectern.platform.http;

import java.util.Optional;
import java.util.UUID;

/** Ids taken from a path: anything that is not a UUID names nothing, so it is simply absent. */
public final class PathIds {

  private PathIds() {}

  public static Optional<UUID> uuid(String value) {
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
