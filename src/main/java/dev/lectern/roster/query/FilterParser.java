package dev.lectern.roster.query;

import dev.lectern.roster.query.Filter.Operator;
import dev.lectern.roster.query.Filter.Predicate;

/**
 * Parses the OneRoster filter grammar: {@code field op 'value'}, optionally joined to a second
 * predicate by one {@code AND} or {@code OR}. Values are single-quoted; a quote inside a value is
 * written twice. Anything else is refused with the position of the problem.
 */
public final class FilterParser {

  /** Longer filters are refused before parsing: no legitimate filter comes near this. */
  public static final int MAX_LENGTH = 2048;

  private final String text;
  private int position;

  private FilterParser(String text) {
    this.text = text;
  }

  public static Filter parse(String text) {
    if (text == null || text.isBlank()) {
      throw new FilterSyntaxException("the filter is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new FilterSyntaxException("the filter is longer than " + MAX_LENGTH + " characters");
    }
    return new FilterParser(text).filter();
  }

  private Filter filter() {
    Predicate first = predicate();
    skipSpaces();
    if (atEnd()) {
      return first;
    }
    String joiner = word();
    Predicate second = predicate();
    skipSpaces();
    if (!atEnd()) {
      throw error("only one AND or OR may join two predicates");
    }
    return switch (joiner) {
      case "AND" -> new Filter.And(first, second);
      case "OR" -> new Filter.Or(first, second);
      default -> throw error("expected AND or OR, found '" + joiner + "'");
    };
  }

  private Predicate predicate() {
    skipSpaces();
    String path = path();
    skipSpaces();
    Operator operator = operator();
    skipSpaces();
    String value = quoted();
    return new Predicate(path, operator, value);
  }

  private String path() {
    int start = position;
    while (!atEnd()) {
      char c = text.charAt(position);
      if (Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_') {
        position++;
      } else {
        break;
      }
    }
    String path = text.substring(start, position);
    if (!path.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*")) {
      throw error("expected a field name");
    }
    return path;
  }

  private Operator operator() {
    for (String symbol : new String[] {">=", "<=", "!=", "=", ">", "<", "~"}) {
      if (text.startsWith(symbol, position)) {
        position += symbol.length();
        for (Operator operator : Operator.values()) {
          if (operator.symbol().equals(symbol)) {
            return operator;
          }
        }
      }
    }
    throw error("expected one of = != > >= < <= ~");
  }

  private String quoted() {
    if (atEnd() || text.charAt(position) != '\'') {
      throw error("expected a value in single quotes");
    }
    position++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (atEnd()) {
        throw error("the value is not closed by a quote");
      }
      char c = text.charAt(position++);
      if (c == '\0') {
        throw error("the value contains a NUL character");
      }
      if (c == '\'') {
        if (!atEnd() && text.charAt(position) == '\'') {
          value.append('\'');
          position++;
        } else {
          return value.toString();
        }
      } else {
        value.append(c);
      }
    }
  }

  private String word() {
    if (position > 0 && !Character.isWhitespace(text.charAt(position - 1))) {
      throw error("expected a space before AND or OR");
    }
    int start = position;
    while (!atEnd() && Character.isLetter(text.charAt(position))) {
      position++;
    }
    if (atEnd() || !Character.isWhitespace(text.charAt(position))) {
      throw error("expected AND or OR followed by a space");
    }
    return text.substring(start, position);
  }

  private void skipSpaces() {
    while (!atEnd() && text.charAt(position) == ' ') {
      position++;
    }
  }

  private boolean atEnd() {
    return position >= text.length();
  }

  private FilterSyntaxException error(String problem) {
    return new FilterSyntaxException(problem + " at position " + (position + 1));
  }
}
