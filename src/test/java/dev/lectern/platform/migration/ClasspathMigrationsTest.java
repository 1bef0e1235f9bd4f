package dev.lectern.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.Test;

class ClasspathMigrationsTest {

  private final ClasspathMigrations migrations =
      new ClasspathMigrations(getClass().getClassLoader());

  @Test
  void shouldListExactlyTheMigrationFilesOfTheDirectory() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      assertThat(migrations.files())
          .containsExactlyInAnyOrderElementsOf(
              files
                  .map(p -> p.getFileName().toString())
                  .filter(name -> name.endsWith(".sql"))
                  .toList());
    }
  }

  @Test
  void shouldServeVersionedSqlMigrationsByPrefixAndSuffix() throws IOException {
    var found = migrations.getResources("V", new String[] {".sql"});
    assertThat(found)
        .extracting(LoadableResource::getFilename)
        .contains("V1__platform_accounts.sql");
    try (Reader reader = found.iterator().next().read()) {
      assertThat(reader.read()).isNotNegative();
    }
    assertThat(migrations.getResources("R", new String[] {".sql"})).isEmpty();
  }

  @Test
  void shouldExplainFailuresWithoutLeakingSqlText() {
    SQLException missing = new SQLException("FATAL: database \"x\" does not exist", "3D000");
    assertThat(SchemaMigrator.reasonFor(new RuntimeException("CREATE TABLE secret_sql", missing)))
        .isEqualTo("cannot connect: FATAL: database \"x\" does not exist");
    SQLException broken =
        new SQLException("ERROR: relation \"t\" already exists\n  Position: 14", "42P07");
    assertThat(SchemaMigrator.reasonFor(new RuntimeException("CREATE TABLE t ...", broken)))
        .isEqualTo("migration failed: ERROR: relation \"t\" already exists");
  }
}
