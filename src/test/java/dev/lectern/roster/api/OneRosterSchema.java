package dev.lectern.roster.api;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/**
 * The OneRoster 1.2 rostering model as a strict JSON Schema written from the specification ({@code
 * oneroster-1p2-responses.schema.json}): every property a response carries must be one of the
 * model's (extensions only under {@code metadata}), with its required properties and enumerated
 * values.
 */
final class OneRosterSchema {

  private static final String LOCATION =
      "classpath:dev/lectern/roster/api/oneroster-1p2-responses.schema.json#/$defs/";

  private final JsonSchemaFactory factory;

  private OneRosterSchema(JsonSchemaFactory factory) {
    this.factory = factory;
  }

  static OneRosterSchema load() {
    return new OneRosterSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012));
  }

  /**
   * What is wrong with a response body whose envelope is {@code envelope} ({@code imsxStatus} for
   * an error), one line a problem; empty when it conforms.
   */
  List<String> problems(String body, String envelope) {
    JsonSchema schema = factory.getSchema(SchemaLocation.of(LOCATION + definition(body, envelope)));
    return schema.validate(body, InputFormat.JSON).stream()
        .map(ValidationMessage::getMessage)
        .toList();
  }

  /** The envelope's definition; demographics use one key for a collection and a single object. */
  private static String definition(String body, String envelope) {
    if (envelope.equals("imsxStatus")) {
      return envelope;
    }
    if (envelope.equals("demographics")) {
      try (var reader = Json.createReader(new StringReader(body))) {
        JsonObject object = reader.readObject();
        return object.get(envelope).getValueType() == JsonValue.ValueType.ARRAY
            ? "demographicsEnvelope"
            : "demographicEnvelope";
      }
    }
    return envelope + "Envelope";
  }
}
