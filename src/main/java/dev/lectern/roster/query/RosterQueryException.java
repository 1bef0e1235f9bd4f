package dev.lectern.roster.query;

/**
 * A collection request Lectern refuses, with the OneRoster code minor that names the reason ({@code
 * invalid_filter_field}, {@code invalid_selection_field}, {@code invalid_sort_field}, {@code
 * invaliddata}).
 */
public class RosterQueryException extends RuntimeException {

  private final String codeMinor;

  public RosterQueryException(String codeMinor, String message) {
    super(message, null, false, false);
    this.codeMinor = codeMinor;
  }

  public String codeMinor() {
    return codeMinor;
  }
}
