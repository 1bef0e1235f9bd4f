package dev.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.roster.model.RosterType;
import dev.lectern.roster.query.CollectionRequest;
import dev.lectern.roster.query.RosterPaging;
import dev.lectern.roster.query.RosterSql;
import dev.lectern.roster.query.RosterView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The raw-SQL baselines of {@code bench/oneroster-read} must be exactly the statements Lectern runs
 * for a page, or the benchmark's ratio means nothing: this test fails when they drift apart. While
 * a consumer pages through a collection, Lectern reads the roster generation and the page; the
 * total is counted once and then served from the cache, so it is not part of a page.
 */
class BenchmarkSqlTest {

  private static final Path BENCH = Path.of("bench/oneroster-read");

  @Test
  void usersPagingBaselineIsWhatLecternRuns() throws IOException {
    CollectionRequest request =
        CollectionRequest.parse(RosterType.USER, "100", "0", null, null, null, null, 5000);
    String page =
        RosterSql.pageAfter(RosterView.all(RosterType.USER), request, Optional.empty(), "a", 0)
            .sql();
    assertThat(statements(BENCH.resolve("users-page.sql")))
        .isEqualTo(expected(page, ":anchor", ":skip"));
  }

  @Test
  void deltaSyncBaselineIsWhatLecternRuns() throws IOException {
    CollectionRequest request =
        CollectionRequest.parse(
            RosterType.ENROLLMENT,
            "100",
            "0",
            null,
            null,
            null,
            "dateLastModified>'2026-01-01T00:00:00Z'",
            5000);
    String page =
        RosterSql.pageAfter(
                RosterView.all(RosterType.ENROLLMENT), request, Optional.empty(), "a", 0)
            .sql();
    assertThat(statements(BENCH.resolve("enrollments-delta.sql")))
        .isEqualTo(expected(page, ":since", ":anchor", ":skip"));
  }

  /**
   * Generation, anchor lookup (Lectern reads its anchors from the cache; pgbench from a table the
   * script prepares), then the page with its placeholders named in order.
   */
  private static String expected(String page, String... names) {
    String named = page.replace("LIMIT ? OFFSET ?", "LIMIT 100 OFFSET ?");
    for (String name : names) {
      named = named.replaceFirst("\\?", name);
    }
    return RosterPaging.GENERATION_SQL
        + ";\nSELECT sourced_id AS anchor FROM bench_anchor WHERE n = :n \\gset\n"
        + named
        + ";";
  }

  /** The file without its comment and \set lines. */
  private static String statements(Path file) throws IOException {
    return String.join(
            "\n",
            Files.readAllLines(file).stream()
                .filter(l -> !l.startsWith("--") && !l.startsWith("\\set") && !l.isBlank())
                .toList())
        .strip();
  }
}
