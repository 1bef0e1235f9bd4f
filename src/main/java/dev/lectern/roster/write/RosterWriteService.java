package dev.lectern.roster.write;

import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.error.ErrorBody.FieldProblem;
import dev.lectern.platform.http.PathIds;
import dev.lectern.roster.model.Field;
import dev.lectern.roster.model.FieldKind;
import dev.lectern.roster.model.RosterType;
import dev.lectern.roster.query.RosterGeneration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Upserts and deletes roster records. The update only happens when a value differs ({@code IS
 * DISTINCT FROM}), so {@code dateLastModified} moves only on real changes; a delete marks the
 * record {@code tobedeleted}, which delta consumers must see.
 */
@ApplicationScoped
public class RosterWriteService {

  /** What a write did. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  private static final String NOW = "date_trunc('milliseconds', clock_timestamp())";

  @Inject Jdbc jdbc;

  public Outcome upsert(RosterType type, String sourcedId, JsonObject body) {
    RosterRecordMapper.Result mapped = RosterRecordMapper.map(type, sourcedId, body);
    if (!mapped.problems().isEmpty()) {
      throw invalid(type, mapped.problems());
    }
    RosterRecord record = mapped.record();
    return jdbc.withConnection(session -> write(session.connection(), type, record));
  }

  private Outcome write(Connection connection, RosterType type, RosterRecord record)
      throws SQLException {
    List<FieldProblem> dangling = danglingReferences(connection, type, record);
    if (!dangling.isEmpty()) {
      throw invalid(type, dangling);
    }
    try (PreparedStatement statement = connection.prepareStatement(upsertSql(type, record))) {
      int index = 1;
      statement.setString(index++, record.sourcedId());
      statement.setString(index++, record.status());
      for (Object value : record.columns().values()) {
        bind(connection, statement, index++, value);
      }
      Outcome outcome;
      try (ResultSet rows = statement.executeQuery()) {
        outcome =
            !rows.next()
                ? Outcome.UNCHANGED
                : rows.getBoolean(1) ? Outcome.CREATED : Outcome.UPDATED;
      }
      if (outcome != Outcome.UNCHANGED) {
        RosterGeneration.bump(connection);
      }
      return outcome;
    }
  }

  /** Marks a record {@code tobedeleted}; false when there is no such record. */
  public boolean markDeleted(RosterType type, String sourcedId) {
    return jdbc.withConnection(session -> markDeleted(session.connection(), type, sourcedId));
  }

  private boolean markDeleted(Connection connection, RosterType type, String sourcedId)
      throws SQLException {
    try (PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM " + type.table() + " WHERE sourced_id = ?");
        PreparedStatement delete =
            connection.prepareStatement(
                "UPDATE "
                    + type.table()
                    + " SET status = 'tobedeleted', date_last_modified = "
                    + NOW
                    + " WHERE sourced_id = ? AND status <> 'tobedeleted'")) {
      exists.setString(1, sourcedId);
      try (ResultSet rows = exists.executeQuery()) {
        if (!rows.next()) {
          return false;
        }
      }
      delete.setString(1, sourcedId);
      if (delete.executeUpdate() > 0) {
        RosterGeneration.bump(connection);
      }
      return true;
    }
  }

  static String upsertSql(RosterType type, RosterRecord record) {
    List<String> columns = new ArrayList<>(List.of("sourced_id", "status"));
    columns.addAll(record.columns().keySet());
    String values =
        "?, ?, "
            + record.columns().values().stream()
                .map(v -> v instanceof RosterRecord.Jsonb ? "CAST(? AS jsonb)" : "?")
                .collect(Collectors.joining(", "));
    List<String> compared = columns.subList(1, columns.size());
    String table = type.table();
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", columns)
        + ", date_last_modified)"
        + " VALUES ("
        + values
        + ", "
        + NOW
        + ")"
        + " ON CONFLICT (sourced_id) DO UPDATE SET "
        + compared.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "))
        + ", date_last_modified = EXCLUDED.date_last_modified"
        + " WHERE ("
        + compared.stream().map(c -> table + "." + c).collect(Collectors.joining(", "))
        + ") IS DISTINCT FROM ("
        + compared.stream().map(c -> "EXCLUDED." + c).collect(Collectors.joining(", "))
        + ") RETURNING (xmax = 0)";
  }

  /** Every reference must name a record that exists, so the roster never points at nothing. */
  private static List<FieldProblem> danglingReferences(
      Connection connection, RosterType type, RosterRecord record) throws SQLException {
    List<FieldProblem> problems = new ArrayList<>();
    for (Field field : type.storedFields()) {
      Object value = record.columns().get(field.select());
      if (value == null || (field.kind() != FieldKind.REF && field.kind() != FieldKind.REF_ARRAY)) {
        continue;
      }
      String[] ids = value instanceof String[] many ? many : new String[] {(String) value};
      RosterType target = RosterType.ofRefType(field.refType());
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT count(DISTINCT sourced_id) FROM "
                  + target.table()
                  + " WHERE sourced_id = ANY(?)")) {
        query.setArray(1, connection.createArrayOf("text", ids));
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          if (rows.getLong(1) < java.util.Arrays.stream(ids).distinct().count()) {
            problems.add(
                new FieldProblem(
                    field.name(), "refers to a " + target.singular() + " that does not exist"));
          }
        }
      }
    }
    if (type == RosterType.USER
        && record.columns().get("role_org_sourced_ids") instanceof String[] orgs
        && orgs.length > 0) {
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT count(*) FROM roster_org WHERE sourced_id = ANY(?)")) {
        query.setArray(1, connection.createArrayOf("text", orgs));
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          if (rows.getLong(1) < orgs.length) {
            problems.add(new FieldProblem("roles", "refers to an org that does not exist"));
          }
        }
      }
    }
    return problems;
  }

  private static void bind(
      Connection connection, PreparedStatement statement, int index, Object value)
      throws SQLException {
    if (value instanceof String[] array) {
      statement.setArray(index, connection.createArrayOf("text", array));
    } else if (value instanceof RosterRecord.Jsonb json) {
      statement.setString(index, json.json());
    } else {
      statement.setObject(index, value);
    }
  }

  private static ApiException invalid(RosterType type, List<FieldProblem> problems) {
    return new ApiException(
        422, "validation_failed", "The " + type.singular() + " is not valid.", problems);
  }

  /** The type named by an admin path segment ({@code orgs}, {@code users}, ...). */
  public static RosterType typeOf(String plural) {
    for (RosterType type : RosterType.values()) {
      if (type.plural().equals(plural)) {
        return type;
      }
    }
    throw new ApiException(
        404, "not_found", "No roster collection '" + PathIds.shown(plural) + "'.");
  }
}
