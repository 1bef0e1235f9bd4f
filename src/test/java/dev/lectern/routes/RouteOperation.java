package dev.lectern.routes;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One operation of the OpenAPI document, with the callers the table admits to it. */
record RouteOperation(
    String method, String template, Set<String> admitted, Optional<String> mediaType) {

  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  /** {@code "METHOD /path"} of every operation {@code /openapi} documents. */
  static Set<String> documented(Http http) {
    Set<String> keys = new LinkedHashSet<>();
    paths(http)
        .forEach(
            (path, item) -> operationsOf(item).keySet().forEach(m -> keys.add(m + " " + path)));
    return keys;
  }

  /** The documented operations that the table lists, with its verdict for each. */
  static List<RouteOperation> fromOpenApi(Http http, Map<String, Set<String>> table) {
    List<RouteOperation> operations = new ArrayList<>();
    paths(http)
        .forEach(
            (path, item) ->
                operationsOf(item)
                    .forEach(
                        (method, operation) -> {
                          Set<String> admitted = table.get(method + " " + path);
                          if (admitted != null) {
                            operations.add(
                                new RouteOperation(method, path, admitted, mediaType(operation)));
                          }
                        }));
    // Signing-out operations run last, so every earlier request still holds a live session.
    operations.sort(
        (a, b) -> Boolean.compare(a.template.contains("logout"), b.template.contains("logout")));
    return operations;
  }

  /** The path with its parameters filled with values that name nothing. */
  String samplePath() {
    return template
        .replace("{collection}", "users")
        .replace("{pattern}", "route-probe*")
        .replaceAll("\\{[^}]+}", "route-probe-unknown");
  }

  /**
   * Sends the operation to a path as a caller, with a body of the first type it consumes that
   * cannot be read as a valid request, so an admitted caller changes nothing.
   */
  HttpResult send(Http http, String path, RouteCaller caller) {
    return send(
        http,
        path,
        caller,
        mediaType.map(type -> type.contains("json") ? "{" : "not=a&valid=request").orElse(null));
  }

  /** Sends the operation with a body of its own (null for none) as the first type it consumes. */
  HttpResult send(Http http, String path, RouteCaller caller, String content) {
    HttpRequest.Builder request = http.request(path);
    if (caller.token() != null) {
      request.header("Authorization", "Bearer " + caller.token());
    }
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    if (mediaType.isPresent() && content != null) {
      request.header("Content-Type", mediaType.get());
      body = HttpRequest.BodyPublishers.ofString(content);
    }
    return http.send(request.method(method, body));
  }

  /** Whether the operation reads a JSON body. */
  boolean readsJson() {
    return mediaType.filter(type -> type.contains("json")).isPresent();
  }

  @Override
  public String toString() {
    return method + " " + template;
  }

  private static JsonObject paths(Http http) {
    HttpResult document = http.send(http.request("/openapi").header("Accept", "application/json"));
    if (document.status() != 200) {
      throw new AssertionError("/openapi: " + document);
    }
    return document.json().getJsonObject("paths");
  }

  private static Map<String, JsonObject> operationsOf(JsonValue item) {
    Map<String, JsonObject> operations = new java.util.LinkedHashMap<>();
    for (String method : METHODS) {
      JsonValue operation = item.asJsonObject().get(method);
      if (operation != null) {
        operations.put(method.toUpperCase(Locale.ROOT), operation.asJsonObject());
      }
    }
    return operations;
  }

  private static Optional<String> mediaType(JsonObject operation) {
    JsonObject body = operation.getJsonObject("requestBody");
    if (body == null || !body.containsKey("content")) {
      return Optional.empty();
    }
    return body.getJsonObject("content").keySet().stream()
        .filter(type -> !type.startsWith("multipart/"))
        .filter(type -> !type.equals("*/*"))
        .findFirst();
  }
}
