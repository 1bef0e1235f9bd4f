package dev.lectern.ops.backup.archive;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The clear-text start of an archive: magic, format version and, when encrypted, the key id and the
 * nonce prefix. It is authenticated with every encrypted segment, so it cannot be edited either.
 */
record ArchiveHeader(int version, String keyId, byte[] noncePrefix) {

  private static final byte[] MAGIC = "LECTERNBAK".getBytes(StandardCharsets.US_ASCII);

  /** The version Lectern writes; 1 (1 MiB segments) is still read. */
  private static final int VERSION = 2;

  private static final int ENCRYPTED = 1;

  static ArchiveHeader plain() {
    return new ArchiveHeader(VERSION, null, null);
  }

  static ArchiveHeader encrypted(String keyId) {
    byte[] prefix = new byte[SegmentCipher.NONCE_PREFIX_BYTES];
    new SecureRandom().nextBytes(prefix);
    return new ArchiveHeader(VERSION, keyId, prefix);
  }

  /** A cipher for this archive's segments with {@code key}. */
  SegmentCipher cipher(javax.crypto.SecretKey key) {
    return new SegmentCipher(key, noncePrefix, bytes(), segmentBytes());
  }

  /** Plaintext bytes per encrypted segment, fixed by the format version. */
  int segmentBytes() {
    return version == 1 ? SegmentCipher.FORMAT_1_SEGMENT_BYTES : SegmentCipher.SEGMENT_BYTES;
  }

  boolean isEncrypted() {
    return keyId != null;
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MAGIC);
    out.write(version);
    out.write(isEncrypted() ? ENCRYPTED : 0);
    if (isEncrypted()) {
      byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
      out.write(id.length);
      out.writeBytes(id);
      out.writeBytes(noncePrefix);
    }
    return out.toByteArray();
  }

  static ArchiveHeader read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    try {
      byte[] magic = new byte[MAGIC.length];
      data.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new ArchiveException("not a Lectern backup archive (bad magic)");
      }
      int version = data.readUnsignedByte();
      if (version != 1 && version != VERSION) {
        throw new ArchiveException("archive format version " + version + " is unknown");
      }
      int flags = data.readUnsignedByte();
      if (flags == 0) {
        return new ArchiveHeader(version, null, null);
      }
      if (flags != ENCRYPTED) {
        throw new ArchiveException("archive flags " + flags + " are unknown");
      }
      byte[] id = new byte[data.readUnsignedByte()];
      data.readFully(id);
      byte[] prefix = new byte[SegmentCipher.NONCE_PREFIX_BYTES];
      data.readFully(prefix);
      return new ArchiveHeader(version, new String(id, StandardCharsets.UTF_8), prefix);
    } catch (EOFException e) {
      throw new ArchiveException("archive is truncated (incomplete header)");
    }
  }
}
