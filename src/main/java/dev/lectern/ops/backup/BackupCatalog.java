package dev.lectern.ops.backup;

import dev.lectern.ops.backup.archive.ArchiveException;
import dev.lectern.ops.backup.archive.ArchiveManifest;
import dev.lectern.ops.backup.archive.ArchiveReader;
import dev.lectern.ops.backup.archive.ArchiveVerifier;
import dev.lectern.ops.backup.archive.BackupFiles;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.http.PathIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The backup directory is the catalogue: every {@code lectern_*.lbk} in it is a backup, including
 * one copied back from off-site storage. Verification results sit beside each archive in {@code
 * <id>.verify.json} and count only while the archive keeps the size and time they were taken at.
 */
@ApplicationScoped
public class BackupCatalog {

  private static final String VERIFY_SUFFIX = ".verify.json";

  @Inject BackupConfig config;

  /**
   * Every backup, newest first. An archive that cannot be opened is listed with the reason; one
   * entry never fails the listing.
   */
  public List<BackupEntry> list() throws IOException {
    Path dir = config.dir();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<BackupEntry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(BackupFiles.EXTENSION)) {
          String id = name.substring(0, name.length() - BackupFiles.EXTENSION.length());
          if (BackupFiles.isId(id)) {
            try {
              entries.add(entry(id, file));
            } catch (NoSuchFileException e) {
              // Deleted while the directory was being read: no longer a backup.
            }
          }
        }
      }
    }
    entries.sort(Comparator.comparing(BackupEntry::created).reversed());
    return entries;
  }

  public Optional<BackupEntry> find(String id) throws IOException {
    if (!BackupFiles.isId(id)) {
      return Optional.empty();
    }
    Path file = path(id);
    return Files.isRegularFile(file) ? Optional.of(entry(id, file)) : Optional.empty();
  }

  /** The backup or a 404 naming it. */
  public BackupEntry get(String id) throws IOException {
    return find(id)
        .orElseThrow(
            () -> new ApiException(404, "not_found", "No backup " + PathIds.shown(id) + "."));
  }

  public Path path(String id) {
    return config.dir().resolve(BackupFiles.fileName(id));
  }

  /** A fresh id for a backup taken now, with a suffix if that second is taken already. */
  String newId(java.time.LocalDateTime now) {
    String base = BackupFiles.idAt(now);
    String id = base;
    for (int n = 2; Files.exists(path(id)); n++) {
      id = base + "_" + n;
    }
    return id;
  }

  /** Records a verification of the archive as it is now. */
  void recordVerification(String id, ArchiveVerifier.Result result) throws IOException {
    Path file = path(id);
    var problems = Json.createArrayBuilder();
    result.problems().forEach(problems::add);
    String json =
        Json.createObjectBuilder()
            .add("verified", result.verified())
            .add("problems", problems)
            .add("checkedAt", Instant.now().toString())
            .add("archiveBytes", Files.size(file))
            .add("archiveModified", Files.getLastModifiedTime(file).toMillis())
            .build()
            .toString();
    Path sidecar = config.dir().resolve(id + VERIFY_SUFFIX);
    Path temp = config.dir().resolve("." + id + VERIFY_SUFFIX + ".tmp");
    Files.writeString(temp, json, StandardCharsets.UTF_8);
    Files.move(temp, sidecar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Deletes an archive and its verification record. */
  void delete(String id) throws IOException {
    Files.deleteIfExists(config.dir().resolve(id + VERIFY_SUFFIX));
    Files.deleteIfExists(path(id));
  }

  private BackupEntry entry(String id, Path file) throws IOException {
    long bytes = Files.size(file);
    long modified = Files.getLastModifiedTime(file).toMillis();
    ArchiveManifest manifest = null;
    String problem = null;
    try (ArchiveReader reader = ArchiveReader.open(file, config.keyring())) {
      manifest = reader.manifest();
    } catch (ArchiveException | IllegalStateException e) {
      problem = e.getMessage();
    } catch (IOException | UncheckedIOException e) {
      problem = "the archive cannot be read: " + e.getMessage();
    }
    Boolean verified = null;
    Instant verifiedAt = null;
    List<String> verifyProblems = List.of();
    Path sidecar = config.dir().resolve(id + VERIFY_SUFFIX);
    if (Files.isRegularFile(sidecar)) {
      try (var reader = Json.createReader(new StringReader(Files.readString(sidecar)))) {
        JsonObject record = reader.readObject();
        if (record.getJsonNumber("archiveBytes").longValue() == bytes
            && record.getJsonNumber("archiveModified").longValue() == modified) {
          verified = record.getBoolean("verified");
          verifiedAt = Instant.parse(record.getString("checkedAt"));
          verifyProblems =
              record.getJsonArray("problems").getValuesAs(JsonString.class).stream()
                  .map(JsonString::getString)
                  .toList();
        }
      } catch (IOException | RuntimeException e) {
        // The record is a cache of a verification: a damaged one (not UTF-8, not JSON, fields
        // missing) counts as never verified, and verifying again rewrites it.
      }
    }
    return new BackupEntry(
        id,
        file.getFileName().toString(),
        bytes,
        Instant.ofEpochMilli(modified),
        manifest,
        problem,
        verified,
        verifiedAt,
        verifyProblems);
  }
}
