package dev.lectern.roster.query;

/**
 * Appends JSON to a {@link StringBuilder}: strings escaped as RFC 8259 requires, and JSON text that
 * PostgreSQL already produced ({@code jsonb} output) copied as it is. OneRoster pages are written
 * row by row into one buffer, so no tree of JSON values is ever built.
 */
final class JsonText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /** Appends {@code value} as a JSON string. */
  static StringBuilder string(StringBuilder out, String value) {
    return escaped(out.append('"'), value).append('"');
  }

  /** Appends {@code value} escaped as the inside of a JSON string, without quotes. */
  static StringBuilder escaped(StringBuilder out, String value) {
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        out.append(value, start, i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> out.append("\\u00").append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
        }
        start = i + 1;
      }
    }
    return out.append(value, start, value.length());
  }

  /** Appends {@code "name":}; names are the model's constants and need no escaping. */
  static StringBuilder key(StringBuilder out, String name) {
    return out.append('"').append(name).append("\":");
  }
}
