package dev.lectern.control.settings;

import jakarta.json.JsonValue;
import java.time.Instant;

/**
 * One change of a setting: who made it, when, from which request, why, and the setting before and
 * after (JSON null before its creation, or after its deletion).
 */
public record SettingChange(
    long id,
    Instant changedAt,
    String actor,
    String requestId,
    String reason,
    JsonValue before,
    JsonValue after) {}
