package dev.lectern.platform.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whole numbers as a client writes them in a URL: ASCII digits with an optional sign. Java's own
 * parsers also read digits of other scripts ({@code ١٢} as 12), which no client means; past the
 * range of a long, the value saturates instead of failing.
 */
public final class WholeNumbers {

  private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
  private static final int SAFE_DIGITS = 18;

  private WholeNumbers() {}

  public static Optional<Long> parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      return Optional.empty();
    }
    boolean negative = text.charAt(0) == '-';
    String digits = text.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
    if (digits.length() > SAFE_DIGITS) {
      return Optional.of(negative ? Long.MIN_VALUE : Long.MAX_VALUE);
    }
    long value = Long.parseLong(digits);
    return Optional.of(negative ? -value : value);
  }
}
