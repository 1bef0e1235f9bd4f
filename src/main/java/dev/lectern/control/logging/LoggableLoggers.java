package dev.lectern.control.logging;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * Which loggers may be changed at runtime, and to what: Lectern's own, and framework loggers
 * reviewed to never write bound values, tokens or personal data (Hibernate's statement text with
 * its placeholders, Flyway's migration steps). Hibernate's bind logging and Liberty's security
 * trace are not on the list.
 */
public final class LoggableLoggers {

  static final Set<String> FRAMEWORK =
      Set.of("org.hibernate.SQL", "org.hibernate.SQL_SLOW", "org.flywaydb.core");

  static final List<String> LEVELS =
      List.of("SEVERE", "WARNING", "INFO", "CONFIG", "FINE", "FINER", "FINEST");

  private static final Pattern LECTERN = Pattern.compile("dev\\.lectern(\\.[A-Za-z_$][\\w$]*)*");

  private LoggableLoggers() {}

  public static boolean allowed(String logger) {
    return logger != null
        && logger.length() <= 200
        && (LECTERN.matcher(logger).matches() || FRAMEWORK.contains(logger));
  }

  /** The JUL level of that name ({@code FINE}, {@code info}), if it is one a logger may have. */
  public static Optional<Level> level(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String upper = name.strip().toUpperCase(Locale.ROOT);
    return LEVELS.contains(upper) ? Optional.of(Level.parse(upper)) : Optional.empty();
  }
}
