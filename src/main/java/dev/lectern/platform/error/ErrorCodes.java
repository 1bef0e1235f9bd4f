package dev.lectern.platform.error;

import java.util.Map;

/** Default code and message for statuses raised without more specific ones. */
public final class ErrorCodes {

  private record Default(String code, String message) {}

  private static final Default CLIENT_ERROR =
      new Default("bad_request", "The request is not valid.");
  private static final Default SERVER_ERROR =
      new Default(
          "internal_error",
          "An unexpected error occurred; quote the request id when reporting it.");

  private static final Map<Integer, Default> BY_STATUS =
      Map.ofEntries(
          Map.entry(400, CLIENT_ERROR),
          Map.entry(
              401,
              new Default(
                  "unauthorized", "Authentication is required: send a valid bearer token.")),
          Map.entry(403, new Default("forbidden", "Your role does not allow this operation.")),
          Map.entry(404, new Default("not_found", "No resource at this address.")),
          Map.entry(405, new Default("method_not_allowed", "This method is not allowed here.")),
          Map.entry(
              406, new Default("not_acceptable", "No acceptable representation is available.")),
          Map.entry(409, new Default("conflict", "The request conflicts with the current state.")),
          Map.entry(413, new Default("payload_too_large", "The request body is too large.")),
          Map.entry(
              415,
              new Default("unsupported_media_type", "This content type is not supported here.")),
          Map.entry(422, new Default("validation_failed", "The request failed validation.")),
          Map.entry(
              429, new Default("rate_limited", "Too many requests: slow down and retry later.")),
          Map.entry(500, SERVER_ERROR),
          Map.entry(
              503,
              new Default(
                  "service_unavailable", "The service is temporarily unavailable; retry later.")));

  private ErrorCodes() {}

  public static String codeFor(int status) {
    return defaultFor(status).code();
  }

  public static String messageFor(int status) {
    return defaultFor(status).message();
  }

  private static Default defaultFor(int status) {
    return BY_STATUS.getOrDefault(status, status >= 500 ? SERVER_ERROR : CLIENT_ERROR);
  }
}
