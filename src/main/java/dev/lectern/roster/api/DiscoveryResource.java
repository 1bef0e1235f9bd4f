package dev.lectern.roster.api;

import dev.lectern.auth.OneRosterScope;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.http.BaseUrls;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Service discovery (REST binding §2.5): this server's own copy of the rostering OpenAPI document,
 * with its base URL, its token URL, the scopes and every operation it serves. The operations are
 * read from {@link OneRosterResource}, so the document cannot drift from the API. Public: clients
 * read it before they have a token.
 */
@Access(Caller.ANYONE)
@RateTier(RateLimitTier.READ)
@ModePolicy(ModeExposure.SERVICE)
@Path("ims/oneroster/rostering/v1p2/discovery")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

  @Inject HttpServletRequest request;
  @Inject BaseUrls baseUrls;

  @GET
  @Path("onerosterv1p2rostersservice_openapi3_v1p0.json")
  public JsonObject document() {
    String root = root();
    JsonObjectBuilder scopes = Json.createObjectBuilder();
    for (OneRosterScope scope : OneRosterScope.values()) {
      scopes.add(scope.uri(), "OneRoster 1.2 " + scope.name().toLowerCase().replace('_', '-'));
    }
    JsonObjectBuilder paths = Json.createObjectBuilder();
    for (String path : operations()) {
      paths.add("/" + path, operation(path));
    }
    return Json.createObjectBuilder()
        .add("openapi", "3.0.0")
        .add(
            "info",
            Json.createObjectBuilder()
                .add("title", "OneRoster 1.2 Rostering Service (Lectern)")
                .add("version", "1.2"))
        .add(
            "servers",
            Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("url", root + OneRosterResponses.BASE_PATH)))
        .add(
            "components",
            Json.createObjectBuilder()
                .add(
                    "securitySchemes",
                    Json.createObjectBuilder()
                        .add(
                            "OAuth2CC",
                            Json.createObjectBuilder()
                                .add("type", "oauth2")
                                .add(
                                    "flows",
                                    Json.createObjectBuilder()
                                        .add(
                                            "clientCredentials",
                                            Json.createObjectBuilder()
                                                .add("tokenUrl", root + "oauth/token")
                                                .add("scopes", scopes)))))
                .build())
        .add("paths", paths)
        .build();
  }

  /** The name the conformance guide uses for the same document. */
  @GET
  @Path("imsorv1p2_rostering_openapi3_v1p0.json")
  public JsonObject conformanceName() {
    return document();
  }

  /** Operation paths relative to the base, from the resource's annotations. */
  static List<String> operations() {
    return Arrays.stream(OneRosterResource.class.getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(GET.class) && m.isAnnotationPresent(Path.class))
        .map(m -> m.getAnnotation(Path.class).value())
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  /** The scopes an operation accepts, by the same rule OneRosterResponses applies. */
  static List<OneRosterScope> scopesOf(String path) {
    if (path.startsWith("demographics")) {
      return List.of(OneRosterScope.DEMOGRAPHICS);
    }
    boolean nested = path.chars().filter(c -> c == '/').count() >= 2;
    return nested
        ? List.of(OneRosterScope.ROSTER)
        : List.of(OneRosterScope.ROSTER_CORE, OneRosterScope.ROSTER);
  }

  private static JsonObject operation(String path) {
    JsonArrayBuilder security = Json.createArrayBuilder();
    for (OneRosterScope scope : scopesOf(path)) {
      security.add(
          Json.createObjectBuilder().add("OAuth2CC", Json.createArrayBuilder().add(scope.uri())));
    }
    JsonArrayBuilder parameters = Json.createArrayBuilder();
    for (String segment : path.split("/")) {
      if (segment.startsWith("{")) {
        parameters.add(
            Json.createObjectBuilder()
                .add("name", segment.substring(1, segment.length() - 1))
                .add("in", "path")
                .add("required", true)
                .add("schema", Json.createObjectBuilder().add("type", "string")));
      }
    }
    return Json.createObjectBuilder()
        .add(
            "get",
            Json.createObjectBuilder()
                .add("operationId", operationId(path))
                .add("parameters", parameters)
                .add("security", security)
                .add(
                    "responses",
                    Json.createObjectBuilder()
                        .add("200", Json.createObjectBuilder().add("description", "OK"))))
        .build();
  }

  private static String operationId(String path) {
    for (Method method : OneRosterResource.class.getDeclaredMethods()) {
      Path annotation = method.getAnnotation(Path.class);
      if (annotation != null && annotation.value().equals(path)) {
        return method.getName();
      }
    }
    return path;
  }

  private String root() {
    return baseUrls.of(request);
  }
}
