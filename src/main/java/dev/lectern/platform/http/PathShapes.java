package dev.lectern.platform.http;

import java.util.Locale;

/** Which raw request paths {@link PathShapeFilter} refuses. Pure. */
final class PathShapes {

  private PathShapes() {}

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
