package dev.lectern.control.flags;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Evaluates a flag for a context: the first rule that holds wins, else the default variant. Pure;
 * the percentage bucket of a subject is a SHA-256 of flag key and subject, so every replica, and
 * every release, puts a subject in the same bucket, and two flags split independently.
 */
public final class FlagEvaluator {

  /** Buckets a subject falls in: a percentage has two decimals. */
  static final int BUCKETS = 10_000;

  private FlagEvaluator() {}

  public static FlagEvaluation evaluate(FlagDefinition flag, FlagContext context) {
    if (flag.fromConfiguration()) {
      return served(flag, flag.defaultVariant(), "STATIC", null);
    }
    for (int i = 0; i < flag.rules().size(); i++) {
      FlagRule rule = flag.rules().get(i);
      if (!rule.targets(context)) {
        continue;
      }
      if (rule.percentage() == null) {
        return served(flag, rule.variant(), "TARGETING_MATCH", i);
      }
      if (context.subject() != null
          && bucket(flag.key(), context.subject()) < Math.round(rule.percentage() * 100)) {
        return served(flag, rule.variant(), "SPLIT", i);
      }
    }
    return served(flag, flag.defaultVariant(), "DEFAULT", null);
  }

  /** The subject's bucket for this flag, 0 to 9,999. */
  static int bucket(String key, String subject) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((key + "\n" + subject).getBytes(StandardCharsets.UTF_8));
      long head = 0;
      for (int i = 0; i < 8; i++) {
        head = (head << 8) | (hash[i] & 0xff);
      }
      return (int) Long.remainderUnsigned(head, BUCKETS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static FlagEvaluation served(
      FlagDefinition flag, String variant, String reason, Integer rule) {
    return new FlagEvaluation(
        flag.key(), flag.variants().get(variant), variant, reason, rule, null);
  }
}
