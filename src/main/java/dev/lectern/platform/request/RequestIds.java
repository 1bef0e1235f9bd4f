package dev.lectern.platform.request;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Decides which request id a request carries. A caller's id is kept only when it is short and
 * plain, so it can be logged and echoed without escaping and cannot be used to forge log lines.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-ID";

  /** Servlet request attribute holding the id for code that runs after the filter. */
  public static final String ATTRIBUTE = RequestIds.class.getName();

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private RequestIds() {}

  /** Returns the incoming id when sane, otherwise a new random UUID. */
  public static String acceptOrGenerate(String incoming) {
    return isSane(incoming) ? incoming : UUID.randomUUID().toString();
  }

  static boolean isSane(String candidate) {
    return candidate != null && SANE.matcher(candidate).matches();
  }
}
