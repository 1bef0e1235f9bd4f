package dev.lectern.roster.access;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The orgs an API key bound to some orgs may see: those orgs and every org below them. On the path
 * of every request of a bound key, so an expansion is kept for at most {@link #RECHECK_MILLIS}, as
 * long as the key itself is: an org moved under a school reaches its keys within that.
 */
@ApplicationScoped
public class OrgTree {

  static final long RECHECK_MILLIS = 500;

  @Resource(lookup = "jdbc/lectern")
  DataSource dataSource;

  private record Expanded(List<String> orgs, long loadedAtNanos) {}

  private final Map<List<String>, Expanded> expanded = new ConcurrentHashMap<>();

  /** The orgs and their descendants. */
  public List<String> withDescendants(List<String> orgs) {
    long now = System.nanoTime();
    Expanded cached = expanded.get(orgs);
    if (cached != null && now - cached.loadedAtNanos() < RECHECK_MILLIS * 1_000_000) {
      return cached.orgs();
    }
    List<String> loaded = load(orgs);
    expanded.put(List.copyOf(orgs), new Expanded(loaded, now));
    return loaded;
  }

  private List<String> load(List<String> orgs) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement walk =
            connection.prepareStatement(
                "WITH RECURSIVE tree(sourced_id) AS (SELECT unnest(?::text[])"
                    + " UNION SELECT o.sourced_id FROM roster_org o"
                    + " JOIN tree ON o.parent_sourced_id = tree.sourced_id)"
                    + " SELECT sourced_id FROM tree")) {
      Array array = connection.createArrayOf("text", orgs.toArray());
      walk.setArray(1, array);
      List<String> all = new ArrayList<>();
      try (ResultSet rows = walk.executeQuery()) {
        while (rows.next()) {
          all.add(rows.getString(1));
        }
      }
      return List.copyOf(all);
    } catch (SQLException e) {
      throw new IllegalStateException("Org tree not read: " + e.getMessage(), e);
    }
  }
}
