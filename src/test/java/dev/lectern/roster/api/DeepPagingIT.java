package dev.lectern.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.Sql;
import dev.lectern.testing.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;

/**
 * Deep pages seek from cached anchors instead of walking with OFFSET: every page must still be
 * exactly the slice the plain ordering gives, in both directions, with a filter, and after a write
 * that shifts every later row.
 */
class DeepPagingIT {

  private static final Http HTTP = Http.lectern();
  private static String token;

  @BeforeAll
  static void generateUsers() throws Exception {
    try (Connection db = Sql.lecternDatabase();
        Statement statement = db.createStatement()) {
      statement.execute("SELECT count(*) FROM roster_generate_district(1300, 0, 2)");
      // Written behind Lectern's back, so tell it the roster changed.
      statement.execute("UPDATE roster_generation SET value = value + 1 WHERE id = 1");
    }
    token = HTTP.adminToken();
  }

  @Test
  void shouldServeEveryPageAsThePlainOrderingDoes() throws Exception {
    assertPagesMatch("", "select sourced_id from roster_user order by sourced_id");
    assertPagesMatch(
        "&orderBy=desc", "select sourced_id from roster_user order by sourced_id desc");
    try (RedisClient redis = RedisClient.create(URI.create(TestEnvironment.redisUrl()))) {
      assertThat(
              redis
                  .scan(
                      "0",
                      new ScanParams()
                          .match(TestEnvironment.redisKeyPrefix() + "cache:roster:anchors:*")
                          .count(10_000))
                  .getResult())
          .as("anchors cached, so deep pages seek")
          .isNotEmpty();
    }
    assertPagesMatch(
        "&filter=" + OneRosterIT.encode("roles.role='student'"),
        "select sourced_id from roster_user where role_names @> array['student'] order by"
            + " sourced_id");
  }

  @Test
  void shouldShiftPagesAfterAWrite() throws Exception {
    HttpResult created =
        HTTP.send(
            HTTP.request("/api/v1/admin/roster/users/gen-user-00000-early")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(user())));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertPagesMatch("", "select sourced_id from roster_user order by sourced_id");
  }

  private static void assertPagesMatch(String query, String sql) throws Exception {
    List<String> expected = new ArrayList<>();
    try (Connection db = Sql.lecternDatabase();
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        expected.add(rows.getString(1));
      }
    }
    assertThat(expected.size()).isGreaterThan(1000);
    for (int offset = 0; offset < expected.size() + 100; offset += 100) {
      HttpResult page =
          HTTP.get(
              "/ims/oneroster/rostering/v1p2/users?fields=sourcedId&limit=100&offset="
                  + offset
                  + query,
              token);
      assertThat(page.status()).isEqualTo(200);
      List<String> ids =
          page.json().getJsonArray("users").getValuesAs(JsonObject.class).stream()
              .map(u -> u.getString("sourcedId"))
              .toList();
      List<String> slice =
          expected.subList(
              Math.min(offset, expected.size()), Math.min(offset + 100, expected.size()));
      assertThat(ids).as("offset " + offset + query).isEqualTo(slice);
    }
  }

  private static String user() {
    return Json.createObjectBuilder()
        .add("enabledUser", "true")
        .add("username", "early")
        .add("givenName", "Early")
        .add("familyName", "Bird")
        .add(
            "roles",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("roleType", "primary")
                        .add("role", "student")
                        .add("org", Json.createObjectBuilder().add("sourcedId", "gen-school-1"))))
        .build()
        .toString();
  }
}
