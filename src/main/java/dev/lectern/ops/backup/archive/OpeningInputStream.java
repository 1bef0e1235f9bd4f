package dev.lectern.ops.backup.archive;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;

/**
 * Decrypts {@link SegmentCipher} segments, releasing a segment's bytes only once it authenticated.
 * A stream that ends without its last segment is reported as truncated.
 */
final class OpeningInputStream extends InputStream {

  private final InputStream in;
  private final SegmentCipher cipher;
  private final byte[] sealed;
  private final byte[] plain;
  private int sealedFilled;
  private int position;
  private int limit;
  private long index;
  private boolean lastSeen;

  OpeningInputStream(InputStream in, SegmentCipher cipher) {
    this(in, cipher, 0);
  }

  /** Reads from segment {@code first} on; {@code in} must be positioned at its start. */
  OpeningInputStream(InputStream in, SegmentCipher cipher, long first) {
    this.in = in;
    this.cipher = cipher;
    this.index = first;
    this.sealed = new byte[cipher.segmentBytes() + SegmentCipher.TAG_BYTES + 1];
    this.plain = new byte[cipher.segmentBytes()];
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (position == limit) {
      if (lastSeen) {
        return -1;
      }
      next();
    }
    int n = Math.min(len, limit - position);
    System.arraycopy(plain, position, b, off, n);
    position += n;
    return n;
  }

  /** Reads one segment plus one byte of look-ahead: no look-ahead byte means this is the last. */
  private void next() throws IOException {
    int want = sealed.length;
    while (sealedFilled < want) {
      int n = in.read(sealed, sealedFilled, want - sealedFilled);
      if (n < 0) {
        break;
      }
      sealedFilled += n;
    }
    boolean last = sealedFilled < want;
    int segment = last ? sealedFilled : want - 1;
    if (segment < SegmentCipher.TAG_BYTES) {
      throw new ArchiveException("archive is truncated (segment " + index + " incomplete)");
    }
    try {
      limit = cipher.open(index, last, sealed, segment, plain);
    } catch (GeneralSecurityException e) {
      throw new ArchiveException(
          "archive failed authentication at segment "
              + index
              + (last ? " (the end)" : "")
              + ": it was changed or truncated, or the key is wrong");
    }
    index++;
    position = 0;
    lastSeen = last;
    if (!last) {
      sealed[0] = sealed[want - 1];
      sealedFilled = 1;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
