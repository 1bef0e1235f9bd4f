package dev.lectern.roster.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a user's roles as PostgreSQL prints the {@code roles} column: a jsonb array of flat objects
 * (both writers store only that shape). Values are returned still escaped as JSON, so they are
 * copied into the response without decoding and encoding again; this runs for every user of every
 * page, where a general JSON parser cost a seventh of the page's time.
 */
final class StoredRoles {

  /** The members a role may have, in the order they are written out. */
  static final List<String> MEMBERS =
      List.of("roleType", "role", "org", "userProfile", "beginDate", "endDate");

  private final String json;
  private int at;

  private StoredRoles(String json) {
    this.json = json;
  }

  /**
   * Each role as its members' escaped string values, indexed like {@link #MEMBERS} (null when
   * absent or null); other members are skipped.
   *
   * @throws IllegalStateException when the text is not an array of flat objects
   */
  static List<String[]> parse(String json) {
    return new StoredRoles(json).roles();
  }

  private List<String[]> roles() {
    List<String[]> roles = new ArrayList<>(2);
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

  private String[] role() {
    String[] role = new String[MEMBERS.size()];
    expect('{');
    if (peek() == '}') {
      at++;
      return role;
    }
    do {
      int slot = MEMBERS.indexOf(string());
      expect(':');
      if (peek() == '"') {
        String value = string();
        if (slot >= 0) {
          role[slot] = value;
        }
      } else {
        scalar();
      }
    } while (next() == ',');
    expectLast('}');
    return role;
  }

  /** A string's contents between its quotes, escapes kept. */
  private String string() {
    expect('"');
    int start = at;
    while (at < json.length()) {
      char c = json.charAt(at++);
      if (c == '\\') {
        at++;
      } else if (c == '"') {
        return json.substring(start, at - 1);
      }
    }
    throw malformed();
  }

  /** Skips a number, true, false or null. */
  private void scalar() {
    int start = at;
    while (at < json.length() && ",}] \n\t\r".indexOf(json.charAt(at)) < 0) {
      char c = json.charAt(at);
      if (c == '{' || c == '[' || c == '"') {
        throw malformed();
      }
      at++;
    }
    if (at == start) {
      throw malformed();
    }
  }

  private char peek() {
    while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
      at++;
    }
    if (at == json.length()) {
      throw malformed();
    }
    return json.charAt(at);
  }

  private char next() {
    char c = peek();
    at++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      throw malformed();
    }
  }

  /** The character {@link #next()} just consumed must have been {@code c}. */
  private void expectLast(char c) {
    if (json.charAt(at - 1) != c) {
      throw malformed();
    }
  }

  private IllegalStateException malformed() {
    return new IllegalStateException(
        "The roles column is not an array of flat objects (at character " + at + ")");
  }
}
