package dev.lectern.roster.query;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing buffer of UTF-8 JSON. OneRoster pages are written into one of these row by row, with
 * text columns copied from the bytes PostgreSQL sent (escaped where JSON requires) instead of being
 * decoded into strings and encoded again; no tree of JSON values is ever built.
 */
final class JsonBytes {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private byte[] bytes;
  private int length;

  JsonBytes(int capacity) {
    bytes = new byte[capacity];
  }

  int length() {
    return length;
  }

  /** Drops what was appended after {@code length}. */
  void truncate(int length) {
    this.length = length;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  /** Appends an ASCII character. */
  JsonBytes append(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
    return this;
  }

  /** Appends ASCII text: names and constants of the model, which need no escaping. */
  JsonBytes ascii(String text) {
    ensure(text.length());
    for (int i = 0; i < text.length(); i++) {
      bytes[length++] = (byte) text.charAt(i);
    }
    return this;
  }

  /** Appends {@code "name":}. */
  JsonBytes key(String name) {
    return append('"').ascii(name).append('"').append(':');
  }

  /** Appends {@code value} as a JSON string. */
  JsonBytes string(String value) {
    return append('"').escaped(value).append('"');
  }

  /** Appends UTF-8 text as the inside of a JSON string, escaping what RFC 8259 requires. */
  JsonBytes escaped(byte[] utf8) {
    ensure(utf8.length);
    int start = 0;
    for (int i = 0; i < utf8.length; i++) {
      byte b = utf8[i];
      if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
        raw(utf8, start, i);
        escape((char) b);
        start = i + 1;
      }
    }
    return raw(utf8, start, utf8.length);
  }

  /**
   * Appends {@code value} encoded as UTF-8 and escaped as the inside of a JSON string (a lone
   * surrogate becomes {@code ?}, as in every UTF-8 encoding by the JDK).
   */
  JsonBytes escaped(String value) {
    return escaped(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends bytes that are already JSON (or already escaped string contents). */
  JsonBytes raw(byte[] utf8) {
    return raw(utf8, 0, utf8.length);
  }

  JsonBytes raw(byte[] utf8, int from, int to) {
    ensure(to - from);
    System.arraycopy(utf8, from, bytes, length, to - from);
    length += to - from;
    return this;
  }

  private void escape(char c) {
    switch (c) {
      case '"' -> append('\\').append('"');
      case '\\' -> append('\\').append('\\');
      case '\n' -> append('\\').append('n');
      case '\r' -> append('\\').append('r');
      case '\t' -> append('\\').append('t');
      default -> {
        ascii("\\u00");
        append((char) HEX[(c >> 4) & 0xf]).append((char) HEX[c & 0xf]);
      }
    }
  }

  private void ensure(int extra) {
    if (length + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
    }
  }
}
