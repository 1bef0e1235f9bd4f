package dev.lectern.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import jakarta.json.Json;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** The callers every route is tried with: none, each role, and API clients of two reaches. */
final class RouteCallers {

  private static final String PASSWORD = "correct-horse-battery";
  private static final List<String> ROLES = List.of("student", "teacher", "operator");
  private static final List<String> SCOPES =
      List.of(
          "https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly",
          "https://purl.imsglobal.org/spec/or/v1p2/scope/roster.readonly",
          "https://purl.imsglobal.org/spec/or/v1p2/scope/roster-demographics.readonly");

  private final Http http;
  private final List<RouteCaller> clients;

  private RouteCallers(Http http, List<RouteCaller> clients) {
    this.http = http;
    this.clients = clients;
  }

  /** Creates the accounts and API keys of every kind of caller, once. */
  static RouteCallers create(Http http, String schoolId) {
    String admin = http.adminToken();
    for (String role : ROLES) {
      http.createAccount(admin, "route-" + role, role, PASSWORD);
    }
    return new RouteCallers(
        http,
        List.of(
            new RouteCaller("school client", clientToken(http, admin, schoolId), Set.of("client")),
            new RouteCaller("district client", clientToken(http, admin, null), Set.of("client"))));
  }

  /**
   * Every caller with tokens issued now: a test that signs a caller out everywhere (as trying
   * {@code logout-all} does) leaves the next test callers whose tokens still stand.
   */
  List<RouteCaller> signIn() {
    List<RouteCaller> callers = new ArrayList<>();
    callers.add(new RouteCaller("nobody", null, Set.of()));
    for (String role : ROLES) {
      callers.add(
          new RouteCaller(role, http.login("route-" + role, PASSWORD), Set.of("account", role)));
    }
    callers.add(new RouteCaller("admin", http.adminToken(), Set.of("account", "admin")));
    callers.addAll(clients);
    return callers;
  }

  private static String clientToken(Http http, String admin, String org) {
    var orgs = Json.createArrayBuilder();
    if (org != null) {
      orgs.add(org);
    }
    var scopes = Json.createArrayBuilder();
    SCOPES.forEach(scopes::add);
    HttpResult key =
        http.postJson(
            "/api/v1/admin/api-keys",
            Json.createObjectBuilder()
                .add("name", org == null ? "district client" : "school client")
                .add("scopes", scopes)
                .add("orgs", orgs)
                .build()
                .toString(),
            admin);
    assertThat(key.status()).as(key.toString()).isEqualTo(201);
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (key.json().getString("clientId") + ":" + key.json().getString("clientSecret"))
                    .getBytes(StandardCharsets.UTF_8));
    HttpResult token =
        http.send(
            http.request("/oauth/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope="
                            + URLEncoder.encode(
                                String.join(" ", SCOPES), StandardCharsets.UTF_8))));
    assertThat(token.status()).as(token.toString()).isEqualTo(200);
    return token.json().getString("access_token");
  }
}
