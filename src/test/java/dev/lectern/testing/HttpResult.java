package dev.lectern.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A response, with its body as text and, when it is JSON, as an object. */
public record HttpResult(int status, java.net.http.HttpHeaders headers, String body) {

  public static HttpResult of(HttpResponse<String> response) {
    return new HttpResult(response.statusCode(), response.headers(), response.body());
  }

  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  public JsonObject json() {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /** The {@code error.code} of a platform error body. */
  public String errorCode() {
    return json().getJsonObject("error").getString("code");
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
