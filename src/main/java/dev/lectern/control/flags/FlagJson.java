package dev.lectern.control.flags;

import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.error.ErrorBody.FieldProblem;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Flags to and from JSON: what the admin API shows and takes, and what the table stores. Reading
 * checks everything a definition must satisfy and names each problem, so a flag that is stored can
 * always be evaluated.
 */
final class FlagJson {

  static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,63}");
  static final Pattern VARIANT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  static final Set<String> ROLES = Set.of("admin", "operator", "client", "anonymous");
  static final int MAX_VARIANTS = 20;
  static final int MAX_RULES = 50;
  static final int MAX_VALUES = 200;

  private FlagJson() {}

  static JsonObject toJson(FlagDefinition flag) {
    JsonObjectBuilder variants = Json.createObjectBuilder();
    flag.variants().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> variants.add(e.getKey(), e.getValue()));
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("key", flag.key())
            .add("type", flag.type().label())
            .add("description", flag.description())
            .add("variants", variants)
            .add("defaultVariant", flag.defaultVariant())
            .add("rules", rules(flag.rules()))
            .add("source", flag.fromConfiguration() ? "configuration" : "runtime");
    if (flag.updatedAt() != null) {
      json.add("updatedAt", flag.updatedAt().toString());
    }
    return json.add("updatedBy", flag.updatedBy()).build();
  }

  static JsonArray rules(List<FlagRule> rules) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (FlagRule rule : rules) {
      JsonObjectBuilder json = Json.createObjectBuilder();
      if (rule.name() != null) {
        json.add("name", rule.name());
      }
      json.add("orgs", Json.createArrayBuilder(rule.orgs()))
          .add("roles", Json.createArrayBuilder(rule.roles()))
          .add("clients", Json.createArrayBuilder(rule.clients()));
      if (rule.percentage() != null) {
        json.add("percentage", rule.percentage());
      }
      array.add(json.add("variant", rule.variant()));
    }
    return array.build();
  }

  static JsonObject variants(FlagDefinition flag) {
    JsonObjectBuilder variants = Json.createObjectBuilder();
    flag.variants().forEach(variants::add);
    return variants.build();
  }

  /** A definition from the admin API's body (or a stored row); 422 naming every problem. */
  static FlagDefinition read(String key, JsonObject body, Instant now, String actor) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!KEY.matcher(key).matches()) {
      problems.add(new FieldProblem("key", "lower-case letters, digits and -, at most 64"));
    }
    FlagType type = FlagType.fromLabel(text(body, "type")).orElse(null);
    if (type == null) {
      problems.add(new FieldProblem("type", "must be boolean, string, number or json"));
    }
    String description = body.containsKey("description") ? text(body, "description") : "";
    if (description == null || description.length() > 500) {
      problems.add(new FieldProblem("description", "text of at most 500 characters"));
    }
    Map<String, JsonValue> variants = new LinkedHashMap<>();
    JsonValue given = body.get("variants");
    if (given == null
        || given.getValueType() != JsonValue.ValueType.OBJECT
        || given.asJsonObject().isEmpty()
        || given.asJsonObject().size() > MAX_VARIANTS) {
      problems.add(new FieldProblem("variants", "an object of 1 to 20 named values"));
    } else {
      given
          .asJsonObject()
          .forEach(
              (name, value) -> {
                if (!VARIANT.matcher(name).matches()) {
                  problems.add(
                      new FieldProblem(
                          "variants." + name, "a name of lower-case letters, digits, _ and -"));
                } else if (type != null && !type.admits(value)) {
                  problems.add(
                      new FieldProblem("variants." + name, "must be a " + type.label() + " value"));
                }
                variants.put(name, value);
              });
    }
    String defaultVariant = text(body, "defaultVariant");
    if (defaultVariant == null || !variants.containsKey(defaultVariant)) {
      problems.add(new FieldProblem("defaultVariant", "must name one of the variants"));
    }
    List<FlagRule> rules = readRules(body.get("rules"), variants, problems);
    if (!problems.isEmpty()) {
      throw new ApiException(422, "validation_failed", "The flag is not valid.", problems);
    }
    return new FlagDefinition(key, type, description, variants, defaultVariant, rules, now, actor);
  }

  private static List<FlagRule> readRules(
      JsonValue given, Map<String, JsonValue> variants, List<FieldProblem> problems) {
    if (given == null || given == JsonValue.NULL) {
      return List.of();
    }
    if (given.getValueType() != JsonValue.ValueType.ARRAY
        || given.asJsonArray().size() > MAX_RULES) {
      problems.add(new FieldProblem("rules", "an array of at most 50 rules"));
      return List.of();
    }
    List<FlagRule> rules = new ArrayList<>();
    JsonArray array = given.asJsonArray();
    for (int i = 0; i < array.size(); i++) {
      String at = "rules[" + i + "]";
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        problems.add(new FieldProblem(at, "must be an object"));
        continue;
      }
      JsonObject rule = array.get(i).asJsonObject();
      String name = rule.containsKey("name") ? text(rule, "name") : null;
      if (rule.containsKey("name") && (name == null || name.length() > 200)) {
        problems.add(new FieldProblem(at + ".name", "text of at most 200 characters"));
      }
      List<String> orgs = strings(rule, "orgs", at, problems);
      List<String> roles = strings(rule, "roles", at, problems);
      for (String role : roles) {
        if (!ROLES.contains(role)) {
          problems.add(new FieldProblem(at + ".roles", "admin, operator, client or anonymous"));
        }
      }
      List<String> clients = strings(rule, "clients", at, problems);
      Double percentage = null;
      if (rule.containsKey("percentage")) {
        if (rule.get("percentage") instanceof JsonNumber number
            && number.doubleValue() >= 0
            && number.doubleValue() <= 100) {
          percentage = number.doubleValue();
        } else {
          problems.add(new FieldProblem(at + ".percentage", "a number from 0 to 100"));
        }
      }
      String variant = text(rule, "variant");
      if (variant == null || !variants.containsKey(variant)) {
        problems.add(new FieldProblem(at + ".variant", "must name one of the variants"));
      }
      rules.add(new FlagRule(name, orgs, roles, clients, percentage, variant));
    }
    return rules;
  }

  private static List<String> strings(
      JsonObject rule, String field, String at, List<FieldProblem> problems) {
    JsonValue given = rule.get(field);
    if (given == null || given == JsonValue.NULL) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    if (given.getValueType() == JsonValue.ValueType.ARRAY
        && given.asJsonArray().size() <= MAX_VALUES) {
      for (JsonValue value : given.asJsonArray()) {
        if (value instanceof JsonString text
            && !text.getString().isBlank()
            && text.getString().length() <= 255) {
          values.add(text.getString());
        } else {
          problems.add(new FieldProblem(at + "." + field, "strings of 1 to 255 characters"));
          return List.of();
        }
      }
      return values;
    }
    problems.add(new FieldProblem(at + "." + field, "an array of at most 200 strings"));
    return List.of();
  }

  private static String text(JsonObject object, String field) {
    return object.get(field) instanceof JsonString text ? text.getString() : null;
  }
}
