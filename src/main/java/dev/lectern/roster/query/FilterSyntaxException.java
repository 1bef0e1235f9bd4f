package dev.lectern.roster.query;

/** The filter text does not follow the grammar; the message says where and why. */
public class FilterSyntaxException extends RuntimeException {

  public FilterSyntaxException(String message) {
    super(message, null, false, false);
  }
}
