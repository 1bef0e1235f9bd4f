package dev.lectern.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables a Lectern container may be given: the keys docs/configuration.md
 * documents, and the families that Liberty and OpenTelemetry read themselves.
 */
final class ConfigurationKeys {

  /** Settings whose values are secret: never in an image, a values file or a compose file. */
  static final Set<String> SECRETS =
      Set.of(
          "DB_PASSWORD", "LECTERN_MASTER_KEY", "LECTERN_ADMIN_PASSWORD", "BACKUP_ENCRYPTION_KEYS");

  /** Liberty's logging (WLP_LOGGING_*) and the OpenTelemetry SDK's own (OTEL_*) variables. */
  private static final Pattern PLATFORM = Pattern.compile("(WLP_|OTEL_)[A-Z0-9_]+");

  /** Names that hold a credential (not REDIS_KEY_PREFIX or JWT_ACCESS_TOKEN_EXPIRE_MINUTES). */
  private static final Pattern SECRET_LOOKING =
      Pattern.compile(".*(PASSWORD|SECRET)(_FILE)?|.*_KEYS?|.*_TOKEN");

  private ConfigurationKeys() {}

  static Set<String> documented() {
    Set<String> documented = new HashSet<>();
    try {
      Matcher rows =
          Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]*)`")
              .matcher(Files.readString(Path.of("docs/configuration.md")));
      while (rows.find()) {
        documented.add(rows.group(1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documented;
  }

  static boolean readByLectern(String name) {
    return documented().contains(name) || PLATFORM.matcher(name).matches();
  }

  static boolean secretLooking(String name) {
    return SECRETS.contains(name) || SECRET_LOOKING.matcher(name).matches();
  }
}
