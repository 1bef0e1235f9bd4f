package dev.lectern.roster.query;

import dev.lectern.ops.cache.CacheService;
import dev.lectern.ops.cache.CacheTier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a consumer paging through a collection needs again on every page, computed once and cached:
 * the total ({@code X-Total-Count}) and the anchors that let a deep page seek instead of walking
 * every earlier row with OFFSET. Keys hold the roster generation, which every write bumps, so no
 * replica ever pages with totals or anchors older than the last write.
 */
@ApplicationScoped
public class RosterPaging {

  /** Distance between anchors: a deep page walks at most this many rows past its anchor. */
  public static final int ANCHOR_STEP = 500;

  /** The statement every collection read runs to key its cached values. */
  public static final String GENERATION_SQL = "SELECT value FROM roster_generation WHERE id = 1";

  @Inject CacheService cache;

  long generation(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(GENERATION_SQL);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  long total(Connection connection, long generation, SqlFragment count) throws SQLException {
    String key = "roster:count:" + generation + ":" + digest(count);
    Optional<String> cached = cache.get(key, true);
    if (cached.isPresent()) {
      return Long.parseLong(cached.get());
    }
    long total;
    try (PreparedStatement statement = RosterQueryService.prepare(connection, count);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      total = rows.getLong(1);
    }
    cache.put(key, Long.toString(total), CacheTier.MEDIUM, true);
    return total;
  }

  /** The sourcedId just before position {@code n * ANCHOR_STEP}, or empty past the end. */
  Optional<String> anchor(Connection connection, long generation, SqlFragment anchors, int n)
      throws SQLException {
    String key = "roster:anchors:" + generation + ":" + digest(anchors);
    List<String> list = cache.get(key, true).map(RosterPaging::split).orElse(null);
    if (list == null) {
      list = new ArrayList<>();
      try (PreparedStatement statement = RosterQueryService.prepare(connection, anchors);
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          list.add(rows.getString(1));
        }
      }
      cache.put(key, String.join("\n", list), CacheTier.MEDIUM, true);
    }
    return n >= 1 && n <= list.size() ? Optional.of(list.get(n - 1)) : Optional.empty();
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
  }

  private static String digest(SqlFragment sql) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(sql.sql().getBytes(StandardCharsets.UTF_8));
      sha.update(Arrays.deepToString(sql.parameters().toArray()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
