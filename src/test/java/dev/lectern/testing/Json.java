package dev.lectern.testing;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Builds request bodies without string concatenation. */
public final class Json {

  private Json() {}

  /** An object from alternating names and string values. */
  public static JsonObject object(String... namesAndValues) {
    JsonObjectBuilder builder = jakarta.json.Json.createObjectBuilder();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      builder.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return builder.build();
  }
}
