package dev.lectern.ops.backup.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Large tables are cut into page ranges, and a restored table is checked part by part. */
class ArchivePartsTest {

  @Test
  void shouldCutLargeTablesIntoPageRangesThatCoverEveryPage() {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    tables.put("roster_enrollment", List.of("sourced_id"));
    tables.put("audit_log", List.of("id"));
    List<TableDumper.Slice> slices =
        TableDumper.slices(
            tables, Map.of("roster_enrollment", 2 * TableDumper.SLICE_PAGES + 5, "audit_log", 3L));
    assertThat(slices).hasSize(4);
    assertThat(slices.get(0).table()).isEqualTo("roster_enrollment");
    List<TableDumper.Slice> enrollment =
        slices.stream().filter(s -> s.table().equals("roster_enrollment")).toList();
    assertThat(enrollment.get(0).where())
        .isEqualTo(" WHERE ctid >= '(0,0)'::tid AND ctid < '(5463,0)'::tid");
    assertThat(enrollment.get(1).fromPage()).isEqualTo(enrollment.get(0).toPage());
    assertThat(enrollment.get(2).fromPage()).isEqualTo(enrollment.get(1).toPage());
    assertThat(enrollment.get(2).where()).isEqualTo(" WHERE ctid >= '(10926,0)'::tid");
    assertThat(slices.get(3).where()).as("a small table is copied whole").isEmpty();
  }

  @Test
  void shouldDigestARestoredTablePartByPart() {
    List<String> rows = List.of("a\t1\n", "b\t2\n", "c\t3\n", "d\t4\n", "e\t5\n");
    ArchiveManifest.Table first = part(0, String.join("", rows.subList(0, 2)));
    ArchiveManifest.Table second = part(1, String.join("", rows.subList(2, 5)));
    DatabaseComparison.PartDigests digests =
        new DatabaseComparison.PartDigests(List.of(first, second));
    byte[] all = String.join("", rows).getBytes(StandardCharsets.UTF_8);
    // Written in awkward pieces, as a buffered COPY stream would.
    digests.write(all, 0, 3);
    digests.write(all, 3, 9);
    digests.write(all, 12, all.length - 12);
    assertThat(digests.problems()).isEmpty();

    DatabaseComparison.PartDigests extra =
        new DatabaseComparison.PartDigests(List.of(first, second));
    byte[] more = (String.join("", rows) + "f\t6\n").getBytes(StandardCharsets.UTF_8);
    extra.write(more, 0, more.length);
    assertThat(extra.problems()).singleElement().asString().contains("more rows");

    DatabaseComparison.PartDigests changed =
        new DatabaseComparison.PartDigests(List.of(first, second));
    byte[] other = "a\t1\nb\t2\nc\t3\nd\t9\ne\t5\n".getBytes(StandardCharsets.UTF_8);
    changed.write(other, 0, other.length);
    assertThat(changed.problems()).singleElement().asString().contains("part 1", "checksum");
  }

  private static ArchiveManifest.Table part(int part, String text) {
    TableDumper.CountingDigest digest = new TableDumper.CountingDigest();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update(bytes, 0, bytes.length);
    return new ArchiveManifest.Table(
        "t", part, List.of("k", "v"), digest.rows, digest.bytes, 0, digest.hex());
  }
}
