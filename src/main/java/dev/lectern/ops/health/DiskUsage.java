package dev.lectern.ops.health;

/**
 * One directory Lectern writes to, and the disk under it.
 *
 * @param name {@code backups}, {@code imports} or {@code logs}
 * @param path where it is
 * @param freeBytes what this process may still write
 * @param freePercent that share of the disk
 * @param writable whether this process may write there
 * @param status {@code ok}, {@code low} (below {@code DISK_MIN_FREE_PERCENT}) or {@code unwritable}
 */
public record DiskUsage(
    String name,
    String path,
    long freeBytes,
    long totalBytes,
    double freePercent,
    boolean writable,
    String status) {

  public boolean ok() {
    return "ok".equals(status);
  }
}
