package dev.lectern.platform.error;

import java.util.Map;

/** Default machine-readable codes for statuses raised without a more specific one. */
public final class ErrorCodes {

  private static final Map<Integer, String> BY_STATUS =
      Map.ofEntries(
          Map.entry(400, "bad_request"),
          Map.entry(401, "unauthorized"),
          Map.entry(403, "forbidden"),
          Map.entry(404, "not_found"),
          Map.entry(405, "method_not_allowed"),
          Map.entry(406, "not_acceptable"),
          Map.entry(409, "conflict"),
          Map.entry(413, "payload_too_large"),
          Map.entry(415, "unsupported_media_type"),
          Map.entry(422, "validation_failed"),
          Map.entry(429, "rate_limited"),
          Map.entry(500, "internal_error"),
          Map.entry(503, "service_unavailable"));

  private static final Map<Integer, String> MESSAGES =
      Map.ofEntries(
          Map.entry(400, "The request is not valid."),
          Map.entry(401, "Authentication is required: send a valid bearer token."),
          Map.entry(403, "Your role does not allow this operation."),
          Map.entry(404, "No resource at this address."),
          Map.entry(405, "This method is not allowed here."),
          Map.entry(406, "No acceptable representation is available."),
          Map.entry(409, "The request conflicts with the current state."),
          Map.entry(413, "The request body is too large."),
          Map.entry(415, "This content type is not supported here."),
          Map.entry(422, "The request failed validation."),
          Map.entry(429, "Too many requests: slow down and retry later."),
          Map.entry(500, "An unexpected error occurred; quote the request id when reporting it."),
          Map.entry(503, "The service is temporarily unavailable; retry later."));

  private ErrorCodes() {}

  public static String codeFor(int status) {
    return BY_STATUS.getOrDefault(status, status >= 500 ? "server_error" : "client_error");
  }

  public static String messageFor(int status) {
    return MESSAGES.getOrDefault(status, status >= 500 ? MESSAGES.get(500) : MESSAGES.get(400));
  }
}
