package dev.lectern.roster.query;

import dev.lectern.platform.http.WholeNumbers;
import dev.lectern.roster.model.Field;
import dev.lectern.roster.model.RosterType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The paging, sorting, selection and filter parameters of one collection request, validated against
 * the type: a limit above the maximum is clamped (the spec's one tolerated excess), everything else
 * malformed is refused with the OneRoster code minor that names it.
 */
public record CollectionRequest(
    int limit,
    int offset,
    Optional<Field> sort,
    boolean descending,
    List<Field> fields,
    Optional<Filter> filter) {

  public static final int DEFAULT_LIMIT = 100;

  public static CollectionRequest parse(
      RosterType type,
      String limit,
      String offset,
      String sort,
      String orderBy,
      String fields,
      String filter,
      int maxLimit) {
    int parsedLimit = Math.min(number("limit", limit, DEFAULT_LIMIT, 1), maxLimit);
    int parsedOffset = number("offset", offset, 0, 0);
    Optional<Field> sortField = Optional.empty();
    if (sort != null && !sort.isBlank()) {
      Field field =
          type.field(sort.strip())
              .filter(Field::sortable)
              .orElseThrow(
                  () ->
                      new RosterQueryException(
                          "invalid_sort_field",
                          "'"
                              + FilterCompiler.abbreviate(sort)
                              + "' is not a sortable field of "
                              + type.singular()));
      sortField = Optional.of(field);
    }
    boolean descending = false;
    if (orderBy != null && !orderBy.isBlank()) {
      switch (orderBy.strip()) {
        case "asc" -> descending = false;
        case "desc" -> descending = true;
        default -> throw new RosterQueryException("invaliddata", "orderBy must be asc or desc");
      }
    }
    return new CollectionRequest(
        parsedLimit,
        parsedOffset,
        sortField,
        descending,
        selection(type, fields),
        filter == null ? Optional.empty() : Optional.of(parseFilter(filter)));
  }

  /** The fields to render: the selection, or every field when there is none. */
  public static List<Field> selection(RosterType type, String fields) {
    if (fields == null || fields.isBlank()) {
      return type.fields();
    }
    List<Field> selected = new ArrayList<>();
    for (String name : fields.split(",")) {
      Field field =
          type.field(name.strip())
              .orElseThrow(
                  () ->
                      new RosterQueryException(
                          "invalid_selection_field",
                          "'"
                              + FilterCompiler.abbreviate(name.strip())
                              + "' is not a field of "
                              + type.singular()));
      if (!selected.contains(field)) {
        selected.add(field);
      }
    }
    return List.copyOf(selected);
  }

  private static Filter parseFilter(String filter) {
    try {
      return FilterParser.parse(filter);
    } catch (FilterSyntaxException e) {
      throw new RosterQueryException("invaliddata", "filter: " + e.getMessage());
    }
  }

  private static int number(String name, String value, int fallback, int minimum) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    long parsed =
        WholeNumbers.parse(value.strip())
            .orElseThrow(
                () -> new RosterQueryException("invaliddata", name + " must be a whole number"));
    if (parsed < minimum) {
      throw new RosterQueryException("invaliddata", name + " must be at least " + minimum);
    }
    // Beyond int, a limit is clamped anyway and an offset is past any collection.
    return (int) Math.min(parsed, Integer.MAX_VALUE);
  }
}
