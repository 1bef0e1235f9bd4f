package dev.lectern.ops.backup.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

/**
 * Encrypts what is written in {@link SegmentCipher} segments. A full segment is held back until
 * more data arrives, so the one written by {@link #close()} is always the one flagged last.
 */
final class SealingOutputStream extends OutputStream {

  private final OutputStream out;
  private final SegmentCipher cipher;
  private final byte[] plain;
  private final byte[] sealed;
  private int filled;
  private long index;
  private boolean closed;

  SealingOutputStream(OutputStream out, SegmentCipher cipher) {
    this.out = out;
    this.cipher = cipher;
    this.plain = new byte[cipher.segmentBytes()];
    this.sealed = new byte[cipher.segmentBytes() + SegmentCipher.TAG_BYTES];
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (filled == plain.length) {
        emit(false);
      }
      int n = Math.min(len, plain.length - filled);
      System.arraycopy(b, off, plain, filled, n);
      filled += n;
      off += n;
      len -= n;
    }
  }

  private void emit(boolean last) throws IOException {
    try {
      int n = cipher.seal(index++, last, plain, filled, sealed);
      out.write(sealed, 0, n);
      filled = 0;
    } catch (GeneralSecurityException e) {
      throw new IOException("encryption failed", e);
    }
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      emit(true);
      out.close();
    }
  }
}
