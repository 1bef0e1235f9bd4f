package dev.lectern.platform.db;

/**
 * A statement's text made fit to show: every literal (quoted string, dollar-quoted body, number)
 * becomes {@code ?} and comments (nested ones too) are dropped, as is whatever follows an unclosed
 * quote, since a session typed by hand may carry a name or a password in them; bind placeholders
 * ({@code $1}) and identifiers stay, so the statement is still recognisable. Cut to a bound so one
 * huge statement cannot swell a report.
 */
public final class SqlText {

  /** The longest text a report shows, in characters. */
  public static final int MAX_LENGTH = 1024;

  private static final String CUT = "…";

  private SqlText() {}

  public static String masked(String sql) {
    if (sql == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(sql.length(), MAX_LENGTH + 16));
    int i = 0;
    int n = sql.length();
    while (i < n && out.length() <= MAX_LENGTH) {
      char c = sql.charAt(i);
      if (c == '\'') {
        i = skipQuoted(sql, i + 1, backslashEscapes(sql, i));
        out.append('?');
      } else if (c == '"') {
        int end = sql.indexOf('"', i + 1);
        if (end < 0) {
          out.append('?');
          i = n;
        } else {
          out.append(sql, i, end + 1);
          i = end + 1;
        }
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = commentEnd(sql, i);
        out.append(' ');
      } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
        int end = digitsFrom(sql, i + 1);
        out.append(sql, i, end);
        i = end;
      } else if (c == '$') {
        int tagEnd = dollarTagEnd(sql, i);
        if (tagEnd < 0) {
          out.append(c);
          i++;
        } else {
          String tag = sql.substring(i, tagEnd + 1);
          int close = sql.indexOf(tag, tagEnd + 1);
          i = close < 0 ? n : close + tag.length();
          out.append('?');
        }
      } else if (Character.isDigit(c) && !partOfWord(sql, i)) {
        i = numberEnd(sql, i);
        out.append('?');
      } else if (isWordChar(c)) {
        int end = i;
        while (end < n && isWordChar(sql.charAt(end))) {
          end++;
        }
        out.append(sql, i, end);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    if (out.length() > MAX_LENGTH || i < n) {
      out.setLength(Math.min(out.length(), MAX_LENGTH - CUT.length()));
      out.append(CUT);
    }
    return out.toString();
  }

  /** Past the block comment opening at {@code start}; PostgreSQL's block comments nest. */
  private static int commentEnd(String sql, int start) {
    int depth = 0;
    int i = start;
    while (i + 1 < sql.length()) {
      if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
        depth++;
        i += 2;
      } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** Whether the quote at {@code quote} opens an {@code E'...'} string, where backslash escapes. */
  private static boolean backslashEscapes(String sql, int quote) {
    return quote > 0
        && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
        && !partOfWord(sql, quote - 1);
  }

  private static int skipQuoted(String sql, int from, boolean backslashes) {
    int i = from;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashes && c == '\\') {
        i += 2;
      } else if (c == '\'') {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** The index of the closing {@code $} of a dollar-quote tag opening at {@code start}, or -1. */
  private static int dollarTagEnd(String sql, int start) {
    if (partOfWord(sql, start)) {
      return -1;
    }
    for (int i = start + 1; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '$') {
        return i;
      }
      if (!(Character.isLetterOrDigit(c) || c == '_') || (i == start + 1 && Character.isDigit(c))) {
        return -1;
      }
    }
    return -1;
  }

  private static int numberEnd(String sql, int from) {
    int i = from;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      boolean exponentSign =
          (c == '+' || c == '-') && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E');
      if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static int digitsFrom(String sql, int from) {
    int i = from;
    while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Whether the character at {@code i} continues an identifier or a placeholder before it. */
  private static boolean partOfWord(String sql, int i) {
    return i > 0 && (isWordChar(sql.charAt(i - 1)) || sql.charAt(i - 1) == '$');
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
