package dev.lectern.control.ratelimit;

import dev.lectern.control.policy.RateLimitTier;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A quota: {@code count} requests per {@code window}, written {@code 5/1m}, {@code 3/5m}. */
public record RateLimitPolicy(long count, Duration window) {

  /** Longer windows overflow the bucket's nanosecond arithmetic; no quota needs them. */
  static final Duration LONGEST_WINDOW = Duration.ofDays(366);

  private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})/(\\d{1,6})([smhd])");

  /**
   * Parses {@code <count>/<number><s|m|h|d>}; {@code off} is empty (the tier is not limited).
   *
   * @throws IllegalArgumentException for anything else, naming what is accepted
   */
  public static Optional<RateLimitPolicy> parse(String value) {
    String text = value.strip();
    if (text.equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text);
    if (!m.matches() || Long.parseLong(m.group(1)) < 1 || Long.parseLong(m.group(2)) < 1) {
      throw new IllegalArgumentException(
          "expected <count>/<duration> such as 5/1m or 3/5m (units s, m, h, d), or off");
    }
    long amount = Long.parseLong(m.group(2));
    Duration window =
        switch (m.group(3)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
    if (window.compareTo(LONGEST_WINDOW) > 0) {
      throw new IllegalArgumentException(
          "expected a window of at most 366 days, such as 5/1m or 3/5m (units s, m, h, d)");
    }
    return Optional.of(new RateLimitPolicy(Long.parseLong(m.group(1)), window));
  }

  /** {@code RateLimit-Policy} member: {@code "auth";q=5;w=60}. */
  public String header(RateLimitTier tier) {
    return "\"" + tier.label() + "\";q=" + count + ";w=" + window.toSeconds();
  }

  @Override
  public String toString() {
    return count + "/" + window.toSeconds() + "s";
  }
}
