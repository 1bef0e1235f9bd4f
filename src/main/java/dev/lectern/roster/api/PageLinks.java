package dev.lectern.roster.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Link} header of a OneRoster collection page: first, prev, next and last, each the
 * request's own URL with {@code limit} and {@code offset} replaced and every other parameter kept
 * exactly as the client encoded it. Built by string work on the raw query because a page answers
 * thousands of times a second and a URI builder per link cost a tenth of a short page's time.
 */
final class PageLinks {

  /** RFC 3986 query characters, and {@code %} of the client's own escapes. */
  private static final String QUERY_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?%";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PageLinks() {}

  /**
   * @param requestUrl scheme, host, port and path, without the query
   * @param rawQuery the query as the client sent it (still encoded), or null
   */
  static String header(String requestUrl, String rawQuery, int limit, int offset, long total) {
    String base = requestUrl + '?' + otherParameters(rawQuery) + "limit=" + limit + "&offset=";
    long last = total == 0 ? 0 : ((total - 1) / limit) * limit;
    List<String> links = new ArrayList<>(4);
    links.add(link(base, 0, "first"));
    if (offset > 0) {
      links.add(link(base, Math.max(0, offset - limit), "prev"));
    }
    if ((long) offset + limit < total) {
      links.add(link(base, (long) offset + limit, "next"));
    }
    links.add(link(base, last, "last"));
    return String.join(", ", links);
  }

  private static String link(String base, long offset, String rel) {
    return "<" + base + offset + ">; rel=\"" + rel + "\"";
  }

  /** The query's parameters other than limit and offset, each followed by {@code &}. */
  private static String otherParameters(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    StringBuilder kept = new StringBuilder(rawQuery.length() + 1);
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (!pair.isEmpty() && !name.equals("limit") && !name.equals("offset")) {
        appendEncoded(kept, pair).append('&');
      }
    }
    return kept.toString();
  }

  /**
   * Copies a parameter, percent-encoding what may not appear in a URI query (a client may send a
   * raw quote or space), so that the link stays one URI inside its angle brackets.
   */
  private static StringBuilder appendEncoded(StringBuilder out, String pair) {
    for (int i = 0; i < pair.length(); i++) {
      char c = pair.charAt(i);
      if (c < 0x80 && QUERY_CHARS.indexOf(c) >= 0) {
        out.append(c);
      } else {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
      }
    }
    return out;
  }
}
