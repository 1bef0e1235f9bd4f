package dev.lectern.ops.backup.archive;

/** Facts about PostgreSQL COPY text: one row per line, newlines inside values escaped. */
final class CopyText {

  private CopyText() {}

  /** Rows ended in {@code b[off..off+len)}; branch-free so the JIT can vectorise it. */
  static long rows(byte[] b, int off, int len) {
    long rows = 0;
    for (int i = off; i < off + len; i++) {
      rows += b[i] == '\n' ? 1 : 0;
    }
    return rows;
  }
}
