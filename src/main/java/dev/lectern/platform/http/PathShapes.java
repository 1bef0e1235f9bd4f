package dev.lectern.platform.http;

import java.util.Locale;
import java.util.regex.Pattern;

/** Which raw request paths and Host headers {@link RequestShapeFilter} refuses. Pure. */
final class PathShapes {

  private static final Pattern HOST =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(:[0-9]{1,5})?");

  private PathShapes() {}

  /** Whether a Host header names a host or address with an optional port; absent is fine. */
  static boolean isHost(String host) {
    return host == null || HOST.matcher(host).matches();
  }

  /**
   * Whether the raw (still encoded) path holds a {@code ;} or a backslash, or percent-encodes a
   * slash, backslash, semicolon, dot or control character.
   */
  static boolean isAmbiguous(String rawPath) {
    if (rawPath == null) {
      return false;
    }
    if (rawPath.indexOf(';') >= 0 || rawPath.indexOf('\\') >= 0) {
      return true;
    }
    String path = rawPath.toUpperCase(Locale.ROOT);
    for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
      if (i + 2 >= path.length()) {
        return true;
      }
      String octet = path.substring(i + 1, i + 3);
      if (octet.equals("2F")
          || octet.equals("5C")
          || octet.equals("3B")
          || octet.equals("2E")
          || octet.equals("7F")
          || octet.charAt(0) == '0'
          || octet.charAt(0) == '1') {
        return true;
      }
    }
    return false;
  }
}
