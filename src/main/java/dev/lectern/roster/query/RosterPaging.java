package dev.lectern.roster.query;

import dev.lectern.control.cache.CacheService;
import dev.lectern.control.cache.CacheTier;
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
 * replica ever pages with totals or anchors older than the last write, and each replica may keep
 * copies ({@link CacheService}).
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
    Optional<String> cached = cache.get(key);
    if (cached.isPresent()) {
      return Long.parseLong(cached.get());
    }
    long total;
    try (PreparedStatement statement = count.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      total = rows.getLong(1);
    }
    cache.put(key, Long.toString(total), CacheTier.MEDIUM);
    return total;
  }

  /** The sourcedId just before position {@code n * ANCHOR_STEP}, or empty past the end. */
  Optional<String> anchor(Connection connection, long generation, SqlFragment anchors, int n)
      throws SQLException {
    String key = "roster:anchors:" + generation + ":" + digest(anchors);
    String joined = cache.get(key).orElse(null);
    if (joined == null) {
      List<String> list = new ArrayList<>();
      try (PreparedStatement statement = anchors.prepare(connection);
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          list.add(rows.getString(1));
        }
      }
      joined = String.join("\n", list);
      cache.put(key, joined, CacheTier.MEDIUM);
    }
    return n >= 1 ? line(joined, n - 1) : Optional.empty();
  }

  /** Line {@code index} of newline-separated text, found without splitting all of it. */
  static Optional<String> line(String joined, int index) {
    int start = 0;
    for (int i = 0; i < index; i++) {
      start = joined.indexOf('\n', start) + 1;
      if (start == 0) {
        return Optional.empty();
      }
    }
    if (joined.isEmpty()) {
      return Optional.empty();
    }
    int end = joined.indexOf('\n', start);
    return Optional.of(end < 0 ? joined.substring(start) : joined.substring(start, end));
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
