package dev.lectern.roster.query;

/** A parsed OneRoster filter: one predicate, or two joined by AND or OR. */
public sealed interface Filter {

  /** {@code path op 'value'}; the path may be dotted ({@code roles.org.sourcedId}). */
  record Predicate(String path, Operator operator, String value) implements Filter {}

  /** Both sides hold. */
  record And(Predicate left, Predicate right) implements Filter {}

  /** Either side holds. */
  record Or(Predicate left, Predicate right) implements Filter {}

  /** The seven comparison operators of the filter grammar. */
  enum Operator {
    EQ("="),
    NE("!="),
    GT(">"),
    GE(">="),
    LT("<"),
    LE("<="),
    CONTAINS("~");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }
}
