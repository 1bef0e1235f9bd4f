package dev.lectern.control.flags;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A flag as set: its variants (name to value, all of {@code type}), the variant served when no rule
 * holds, and the rules tried in order. {@code updatedAt} is null for a flag served from
 * configuration that nobody has set.
 */
public record FlagDefinition(
    String key,
    FlagType type,
    String description,
    Map<String, JsonValue> variants,
    String defaultVariant,
    List<FlagRule> rules,
    Instant updatedAt,
    String updatedBy) {

  public FlagDefinition {
    variants = Map.copyOf(variants);
    rules = List.copyOf(rules);
  }

  /** Whether it is only the configuration's default, never set at runtime. */
  public boolean fromConfiguration() {
    return updatedAt == null;
  }
}
