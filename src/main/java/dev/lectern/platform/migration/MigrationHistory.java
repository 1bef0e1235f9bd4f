package dev.lectern.platform.migration;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/** Reads the migration history and what is pending, for an operator checking an upgrade. */
@ApplicationScoped
public class MigrationHistory {

  @Resource(lookup = "jdbc/lectern")
  DataSource dataSource;

  public MigrationReport report() {
    MigrationInfoService info = SchemaMigrator.flyway(dataSource).info();
    MigrationInfo current = info.current();
    List<MigrationInfo> all = Arrays.asList(info.all());
    return new MigrationReport(
        current == null ? null : current.getVersion().toString(),
        SchemaMigrator.latestKnown(info),
        all.stream().anyMatch(MigrationHistory::future),
        Arrays.stream(info.pending()).map(MigrationHistory::view).toList(),
        all.stream().filter(m -> m.getInstalledOn() != null).map(MigrationHistory::view).toList());
  }

  private static boolean future(MigrationInfo migration) {
    return migration.getState() == MigrationState.FUTURE_SUCCESS
        || migration.getState() == MigrationState.FUTURE_FAILED;
  }

  private static MigrationReport.Migration view(MigrationInfo m) {
    return new MigrationReport.Migration(
        m.getVersion() == null ? null : m.getVersion().toString(),
        m.getDescription(),
        m.getState().name().toLowerCase(java.util.Locale.ROOT),
        m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant(),
        m.getInstalledBy(),
        m.getChecksum(),
        m.getInstalledOn() == null ? null : m.getState().isApplied() && !m.getState().isFailed(),
        m.getExecutionTime());
  }
}
