package dev.lectern.roster.imports;

import java.util.List;

/** Values in PostgreSQL's COPY text format: tab-separated, backslash escapes, {@code \N} null. */
final class CopyText {

  static final String NULL = "\\N";

  private CopyText() {}

  /** Appends a text value escaped for COPY. */
  static void append(StringBuilder line, String value) {
    if (value == null) {
      line.append(NULL);
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> line.append(c);
      }
    }
  }

  /** A {@code text[]} literal: {"a","b"}, each element quoted and escaped. */
  static String array(List<String> items) {
    StringBuilder literal = new StringBuilder("{");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        literal.append(',');
      }
      literal.append('"');
      String item = items.get(i);
      for (int j = 0; j < item.length(); j++) {
        char c = item.charAt(j);
        if (c == '"' || c == '\\') {
          literal.append('\\');
        }
        literal.append(c);
      }
      literal.append('"');
    }
    return literal.append('}').toString();
  }
}
