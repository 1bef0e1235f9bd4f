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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Collection totals ({@code X-Total-Count}), cached: a consumer paging through a collection asks
 * for the same total on every page, and counting is the most expensive part of a deep page. The key
 * holds the roster generation, which every write bumps, so no replica ever serves a total older
 * than the last write.
 */
@ApplicationScoped
public class RosterCounts {

  static final String PREFIX = "roster:count:";

  /** The statement every collection read runs to key its cached total. */
  public static final String GENERATION_SQL = "SELECT value FROM roster_generation WHERE id = 1";

  @Inject CacheService cache;

  long total(Connection connection, SqlFragment count) throws SQLException {
    String key = PREFIX + generation(connection) + ":" + digest(count);
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

  private static long generation(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(GENERATION_SQL);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? rows.getLong(1) : 0;
    }
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
