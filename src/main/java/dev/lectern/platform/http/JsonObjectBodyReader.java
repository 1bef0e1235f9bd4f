package dev.lectern.platform.http;

import dev.lectern.platform.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a body a resource takes as a raw {@link JsonObject}. Anything that is not one JSON object
 * (malformed, nested deeper than the parser allows, an array or a bare value) is a 400 naming the
 * problem, where the runtime's own reader answers 500 or hands the method an array. An empty body
 * is no object: the method receives null, as before.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonObjectBodyReader implements MessageBodyReader<JsonObject> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == JsonObject.class;
  }

  @Override
  public JsonObject readFrom(
      Class<JsonObject> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    PushbackInputStream body = new PushbackInputStream(entityStream, 1);
    int first = body.read();
    if (first < 0) {
      return null;
    }
    body.unread(first);
    try (JsonReader reader = Json.createReader(body)) {
      return reader.readObject();
    } catch (RuntimeException e) {
      WebApplicationException refused = refusal(e);
      if (refused != null) {
        // The body stream itself refused to go on (a body limit): that is the answer.
        throw refused;
      }
      // The parser signals malformed input, a bare value and excessive depth (a plain
      // RuntimeException) alike: each is the client's to fix.
      ApiException failure =
          new ApiException(400, "invalid_json", "The body must be one JSON object.");
      throw new BadRequestException(failure.getMessage(), failure);
    }
  }

  private static WebApplicationException refusal(Throwable failure) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof WebApplicationException refused) {
        return refused;
      }
    }
    return null;
  }
}
