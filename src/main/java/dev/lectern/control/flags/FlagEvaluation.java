package dev.lectern.control.flags;

import jakarta.json.JsonValue;

/**
 * What a flag gave a context, and why. {@code reason} uses OpenFeature's names: TARGETING_MATCH (a
 * rule held), SPLIT (a percentage rule held), DEFAULT (no rule held), STATIC (served from
 * configuration), ERROR (evaluation failed: the default variant, and {@code error} says why).
 */
public record FlagEvaluation(
    String key, JsonValue value, String variant, String reason, Integer rule, String error) {}
