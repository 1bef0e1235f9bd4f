package dev.lectern.control.flags;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The type all variants of a flag share. */
public enum FlagType {
  BOOLEAN,
  STRING,
  NUMBER,
  JSON;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FlagType> fromLabel(String label) {
    for (FlagType type : values()) {
      if (type.label().equals(label)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** Whether a variant's value is of this type. */
  public boolean admits(JsonValue value) {
    return switch (this) {
      case BOOLEAN -> value == JsonValue.TRUE || value == JsonValue.FALSE;
      case STRING -> value.getValueType() == JsonValue.ValueType.STRING;
      case NUMBER -> value instanceof JsonNumber number && Double.isFinite(number.doubleValue());
      case JSON ->
          value.getValueType() == JsonValue.ValueType.OBJECT
              || value.getValueType() == JsonValue.ValueType.ARRAY;
    };
  }
}
