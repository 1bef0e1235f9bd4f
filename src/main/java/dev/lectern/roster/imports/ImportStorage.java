package dev.lectern.roster.imports;

import dev.lectern.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Uploaded packages in {@code IMPORT_DIR}: written under a temporary name, fsync'd, then renamed,
 * so a package a job reads is always whole; kept {@code IMPORT_RETENTION_DAYS} for retries.
 */
@ApplicationScoped
public class ImportStorage {

  private static final Pattern NAME = Pattern.compile("[0-9a-f-]{36}\\.zip");
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  @Inject ImportConfig config;

  /** A stored package: its file name in the directory and its size. */
  public record StoredPackage(String name, long bytes) {}

  /** Stores the body; 413 past {@code IMPORT_MAX_BYTES}, 415 when it is not a zip. */
  public StoredPackage store(InputStream body) throws IOException {
    Path dir = config.dir();
    Files.createDirectories(dir);
    String name = UUID.randomUUID() + ".zip";
    Path temporary = dir.resolve("." + name + ".part");
    long max = config.maxBytes();
    long written = 0;
    try {
      try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW)) {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = body.read(buffer)) > 0) {
          if (written == 0 && !startsWithZipMagic(buffer, n)) {
            throw new ApiException(
                415,
                "unsupported_media_type",
                "The upload is not a zip file: send a OneRoster CSV package as a .zip.");
          }
          written += n;
          if (written > max) {
            throw tooLarge(max);
          }
          out.write(buffer, 0, n);
        }
      }
      if (written == 0) {
        throw new ApiException(400, "empty_upload", "The upload is empty.");
      }
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temporary, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      return new StoredPackage(name, written);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The path of a stored package named by a job. */
  public Path path(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a stored package name: " + name);
    }
    return config.dir().resolve(name);
  }

  /** Packages (and unfinished uploads) older than {@code IMPORT_RETENTION_DAYS}. */
  List<Path> expired() throws IOException {
    Path dir = config.dir();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    Instant cutoff = Instant.now().minus(config.retentionDays(), ChronoUnit.DAYS);
    List<Path> expired = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if ((NAME.matcher(name).matches() || name.endsWith(".part"))
            && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
          expired.add(file);
        }
      }
    }
    return expired;
  }

  /** Deletes the {@link #expired()} packages; answers how many. */
  int purgeExpired() throws IOException {
    int deleted = 0;
    for (Path file : expired()) {
      if (Files.deleteIfExists(file)) {
        deleted++;
      }
    }
    return deleted;
  }

  static ApiException tooLarge(long max) {
    return new ApiException(
        413,
        "payload_too_large",
        "The package is larger than IMPORT_MAX_BYTES (" + max + " bytes).");
  }

  private static boolean startsWithZipMagic(byte[] buffer, int n) {
    if (n < ZIP_MAGIC.length) {
      return false;
    }
    for (int i = 0; i < ZIP_MAGIC.length; i++) {
      if (buffer[i] != ZIP_MAGIC[i]) {
        return false;
      }
    }
    return true;
  }
}
