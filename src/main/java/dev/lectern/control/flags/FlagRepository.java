package dev.lectern.control.flags;

import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.db.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code feature_flag} table. */
@ApplicationScoped
public class FlagRepository {

  /** A stored row as the JSON body it was set from, with who set it when. */
  public record StoredFlag(String key, JsonObject body, Instant updatedAt, String updatedBy) {}

  private static final String COLUMNS =
      "key, json_build_object('type', type, 'description', description, 'variants', variants,"
          + " 'defaultVariant', default_variant, 'rules', rules)::text, updated_at, updated_by";

  @Inject Jdbc jdbc;

  public List<StoredFlag> all() {
    return jdbc.query("SELECT " + COLUMNS + " FROM feature_flag ORDER BY key", FlagRepository::map);
  }

  /** The row, locked until the transaction ends: changes to one flag queue. */
  public Optional<StoredFlag> findForChange(String key) {
    return jdbc.first(
        "SELECT " + COLUMNS + " FROM feature_flag WHERE key = ? FOR UPDATE",
        FlagRepository::map,
        key);
  }

  /** Inserts or replaces the flag. */
  public void save(FlagDefinition flag) {
    write(
        flag,
        " ON CONFLICT (key) DO UPDATE SET type = excluded.type,"
            + " description = excluded.description, variants = excluded.variants,"
            + " default_variant = excluded.default_variant, rules = excluded.rules,"
            + " updated_at = excluded.updated_at, updated_by = excluded.updated_by");
  }

  /** Inserts the flag unless one of its key exists (then false), even one inserted meanwhile. */
  public boolean insertNew(FlagDefinition flag) {
    return write(flag, " ON CONFLICT (key) DO NOTHING") == 1;
  }

  private int write(FlagDefinition flag, String onConflict) {
    return jdbc.update(
        "INSERT INTO feature_flag (key, type, description, variants, default_variant, rules,"
            + " updated_at, updated_by) VALUES (?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?)"
            + onConflict,
        flag.key(),
        flag.type().label(),
        flag.description(),
        FlagJson.variants(flag).toString(),
        flag.defaultVariant(),
        FlagJson.rules(flag.rules()).toString(),
        flag.updatedAt(),
        flag.updatedBy());
  }

  public boolean delete(String key) {
    return jdbc.update("DELETE FROM feature_flag WHERE key = ?", key) == 1;
  }

  private static StoredFlag map(java.sql.ResultSet row) throws java.sql.SQLException {
    try (var reader = Json.createReader(new StringReader(row.getString(2)))) {
      return new StoredFlag(
          row.getString(1),
          reader.readObject(),
          SqlTimes.instant(row.getObject(3)),
          row.getString(4));
    }
  }
}
