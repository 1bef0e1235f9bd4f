package dev.lectern.ops.backup.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Backup ids and file names: {@code lectern_YYYYMMDD_HHMMSS[_n].lbk}. */
public final class BackupFiles {

  public static final String EXTENSION = ".lbk";
  private static final Pattern ID = Pattern.compile("lectern_\\d{8}_\\d{6}(_\\d{1,4})?");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

  private BackupFiles() {}

  /** The id for a backup taken at {@code time}, before any collision suffix. */
  public static String idAt(LocalDateTime time) {
    return "lectern_" + STAMP.format(time);
  }

  /** Whether {@code id} is a well-formed backup id (also keeps ids out of path traversal). */
  public static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  public static String fileName(String id) {
    return id + EXTENSION;
  }

  /** Deletes a file or a directory with everything in it; nothing there is fine. */
  public static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(each);
      }
    }
  }
}
