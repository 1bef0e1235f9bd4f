package dev.lectern.platform.config;

import java.nio.file.Path;
import java.util.Optional;

/** Where Liberty puts what it writes of its own, as the server and its image name them. */
public final class ServerDirectories {

  private ServerDirectories() {}

  /**
   * The log directory (messages, trace, FFDC, job logs): {@code LOG_DIR} when set (the container
   * image sets it), else {@code logs} of the server's output directory; empty outside Liberty.
   */
  public static Optional<Path> logs() {
    return Optional.ofNullable(System.getProperty("server.logs.dir"))
        .or(() -> Optional.ofNullable(System.getenv("LOG_DIR")))
        .or(
            () ->
                Optional.ofNullable(System.getProperty("server.output.dir"))
                    .map(dir -> Path.of(dir, "logs").toString()))
        .map(Path::of);
  }
}
