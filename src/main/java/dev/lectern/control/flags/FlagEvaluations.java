package dev.lectern.control.flags;

import dev.lectern.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the context of an evaluation the admin API is asked for, resolving the orgs given to their
 * lineage as a caller's would be.
 */
@ApplicationScoped
public class FlagEvaluations {

  @Inject OrgAncestry ancestry;

  FlagContext contextOf(JsonObject body) {
    List<String> orgs = new ArrayList<>();
    if (body.get("org") instanceof JsonString org) {
      orgs.add(org.getString());
    }
    JsonValue many = body.get("orgs");
    if (many != null && many.getValueType() != JsonValue.ValueType.ARRAY) {
      throw ApiException.invalidParameter("orgs", "must be an array of org sourcedIds");
    }
    if (many != null) {
      for (JsonValue org : many.asJsonArray()) {
        if (!(org instanceof JsonString text)) {
          throw ApiException.invalidParameter("orgs", "must be an array of org sourcedIds");
        }
        orgs.add(text.getString());
      }
    }
    String role = text(body, "role");
    if (role != null && !FlagJson.ROLES.contains(role)) {
      throw ApiException.invalidParameter("role", "admin, operator, client or anonymous");
    }
    return new FlagContext(
        text(body, "subject"),
        orgs.isEmpty() ? List.of() : ancestry.withAncestors(orgs),
        role,
        text(body, "client"));
  }

  private static String text(JsonObject body, String field) {
    return body.get(field) instanceof JsonString text ? text.getString() : null;
  }
}
