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
record ArchiveHeader(String keyId, byte[] noncePrefix) {

  private static final byte[] MAGIC = "LECTERNBAK".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final int ENCRYPTED = 1;

  static ArchiveHeader plain() {
    return new ArchiveHeader(null, null);
  }

  static ArchiveHeader encrypted(String keyId) {
    byte[] prefix = new byte[SegmentCipher.NONCE_PREFIX_BYTES];
    new SecureRandom().nextBytes(prefix);
    return new ArchiveHeader(keyId, prefix);
  }

  boolean isEncrypted() {
    return keyId != null;
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MAGIC);
    out.write(VERSION);
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
      if (version != VERSION) {
        throw new ArchiveException("archive format version " + version + " is unknown");
      }
      int flags = data.readUnsignedByte();
      if (flags == 0) {
        return plain();
      }
      if (flags != ENCRYPTED) {
        throw new ArchiveException("archive flags " + flags + " are unknown");
      }
      byte[] id = new byte[data.readUnsignedByte()];
      data.readFully(id);
      byte[] prefix = new byte[SegmentCipher.NONCE_PREFIX_BYTES];
      data.readFully(prefix);
      return new ArchiveHeader(new String(id, StandardCharsets.UTF_8), prefix);
    } catch (EOFException e) {
      throw new ArchiveException("archive is truncated (incomplete header)");
    }
  }
}
