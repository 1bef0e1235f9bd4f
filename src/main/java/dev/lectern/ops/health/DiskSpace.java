package dev.lectern.ops.health;

import dev.lectern.ops.backup.BackupConfig;
import dev.lectern.platform.config.ServerDirectories;
import dev.lectern.roster.imports.ImportConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Free space and writability of the directories Lectern writes to: backups, uploaded imports and
 * the logs. A nearly full disk degrades {@code /api/v1/health} and shows in {@code
 * lectern_disk_free_bytes} and {@code lectern_disk_free_ratio}, but never readiness: taking a
 * replica out of service frees no space. Read on demand (one {@code statvfs} per directory), so it
 * is never stale.
 */
@ApplicationScoped
public class DiskSpace {

  @Inject BackupConfig backups;
  @Inject ImportConfig imports;
  @Inject DiskConfig config;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  void start(@Observes Startup startup) {
    for (String name : directories().keySet()) {
      registry.gauge(
          Metadata.builder()
              .withName("lectern_disk_free_bytes")
              .withDescription("Bytes this server may still write in the directory's file system")
              .build(),
          this,
          disk -> disk.usage(name).freeBytes(),
          new Tag("directory", name));
      registry.gauge(
          Metadata.builder()
              .withName("lectern_disk_free_ratio")
              .withDescription("Share of the directory's file system this server may still write")
              .build(),
          this,
          disk -> disk.usage(name).freePercent() / 100,
          new Tag("directory", name));
    }
  }

  public List<DiskUsage> all() {
    List<DiskUsage> usages = new ArrayList<>();
    directories().forEach((name, path) -> usages.add(measure(name, path)));
    return usages;
  }

  DiskUsage usage(String name) {
    return measure(name, directories().get(name));
  }

  private Map<String, Path> directories() {
    Map<String, Path> dirs = new LinkedHashMap<>();
    dirs.put("backups", backups.dir());
    dirs.put("imports", imports.dir());
    ServerDirectories.logs().ifPresent(logs -> dirs.put("logs", logs));
    return dirs;
  }

  private DiskUsage measure(String name, Path configured) {
    Path path = configured.toAbsolutePath().normalize();
    Path existing = nearestExisting(path);
    try {
      FileStore store = Files.getFileStore(existing);
      long free = store.getUsableSpace();
      long total = store.getTotalSpace();
      double percent = total == 0 ? 0 : Math.round(free * 1000.0 / total) / 10.0;
      boolean writable = Files.isWritable(existing);
      String status = !writable ? "unwritable" : percent < config.minFreePercent() ? "low" : "ok";
      return new DiskUsage(name, path.toString(), free, total, percent, writable, status);
    } catch (IOException | SecurityException e) {
      return new DiskUsage(name, path.toString(), 0, 0, 0, false, "unwritable");
    }
  }

  /** A directory not made yet is judged by the one it would be made in. */
  private static Path nearestExisting(Path path) {
    Path candidate = path;
    while (candidate != null && !Files.exists(candidate)) {
      candidate = candidate.getParent();
    }
    return candidate == null ? path.getRoot() : candidate;
  }
}
