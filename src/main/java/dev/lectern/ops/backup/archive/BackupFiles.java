package dev.lectern.ops.backup.archive;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

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
}
