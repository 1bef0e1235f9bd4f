package dev.lectern.roster.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a user's roles as PostgreSQL sends the {@code roles} column: UTF-8 jsonb text of an array
 * of flat objects (both writers store only that shape). Values are located, not decoded: they are
 * copied into the response still escaped as PostgreSQL wrote them. This runs for every user of
 * every page, where a general JSON parser cost a seventh of the page's time.
 */
final class StoredRoles {

  /** The members a role may have, in the order they are written out. */
  static final List<String> MEMBERS =
      List.of("roleType", "role", "org", "userProfile", "beginDate", "endDate");

  private static final byte[][] MEMBER_BYTES =
      MEMBERS.stream().map(name -> name.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

  private final byte[] json;
  private int at;

  private StoredRoles(byte[] json) {
    this.json = json;
  }

  /**
   * Each role as the positions of its members' escaped string values in {@code json}: member {@code
   * i} of {@link #MEMBERS} runs from {@code role[2i]} to {@code role[2i + 1]}, both -1 when it is
   * absent or null. Other members are skipped.
   *
   * @throws IllegalStateException when the text is not an array of flat objects
   */
  static List<int[]> parse(byte[] json) {
    return new StoredRoles(json).roles();
  }

  private List<int[]> roles() {
    List<int[]> roles = new ArrayList<>(2);
    expect('[');
    if (peek() == ']') {
      return roles;
    }
    do {
      roles.add(role());
    } while (next() == ',');
    expectLast(']');
    return roles;
  }

  private int[] role() {
    int[] role = new int[2 * MEMBERS.size()];
    Arrays.fill(role, -1);
    expect('{');
    if (peek() == '}') {
      at++;
      return role;
    }
    do {
      int slot = member(string());
      expect(':');
      if (peek() == '"') {
        int start = string();
        if (slot >= 0) {
          role[2 * slot] = start;
          role[2 * slot + 1] = at - 1;
        }
      } else {
        scalar();
      }
    } while (next() == ',');
    expectLast('}');
    return role;
  }

  /** Skips a string; returns where its contents start (they end before {@code at - 1}). */
  private int string() {
    expect('"');
    int start = at;
    while (at < json.length) {
      byte b = json[at++];
      if (b == '\\') {
        at++;
      } else if (b == '"') {
        return start;
      }
    }
    throw malformed();
  }

  /** The index in {@link #MEMBERS} of the name just read by {@link #string()}, or -1. */
  private int member(int start) {
    for (int i = 0; i < MEMBER_BYTES.length; i++) {
      if (Arrays.equals(json, start, at - 1, MEMBER_BYTES[i], 0, MEMBER_BYTES[i].length)) {
        return i;
      }
    }
    return -1;
  }

  /** Skips a number, true, false or null. */
  private void scalar() {
    int start = at;
    while (at < json.length && !isWhitespace(json[at]) && ",}]".indexOf(json[at]) < 0) {
      if (json[at] == '{' || json[at] == '[' || json[at] == '"') {
        throw malformed();
      }
      at++;
    }
    if (at == start) {
      throw malformed();
    }
  }

  private byte peek() {
    while (at < json.length && isWhitespace(json[at])) {
      at++;
    }
    if (at == json.length) {
      throw malformed();
    }
    return json[at];
  }

  private byte next() {
    byte b = peek();
    at++;
    return b;
  }

  private void expect(char c) {
    if (next() != c) {
      throw malformed();
    }
  }

  /** The byte {@link #next()} just consumed must have been {@code c}. */
  private void expectLast(char c) {
    if (json[at - 1] != c) {
      throw malformed();
    }
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\n' || b == '\t' || b == '\r';
  }

  private IllegalStateException malformed() {
    return new IllegalStateException(
        "The roles column is not an array of flat objects (at byte " + at + ")");
  }
}
