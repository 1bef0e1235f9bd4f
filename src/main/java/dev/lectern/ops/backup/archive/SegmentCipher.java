package dev.lectern.ops.backup.archive;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM over fixed-size segments, so an archive of any size is encrypted and authenticated
 * while it streams (one GCM message would have to be held whole before it could be trusted). Each
 * segment's nonce is the archive's random prefix, the segment number and a last-segment flag, and
 * the archive header is authenticated with every segment: reordered, dropped, truncated or appended
 * segments, a changed header and a wrong key all fail authentication.
 */
final class SegmentCipher {

  static final int SEGMENT_BYTES = 1 << 20;
  static final int TAG_BYTES = 16;
  static final int NONCE_PREFIX_BYTES = 7;

  private final SecretKey key;
  private final byte[] noncePrefix;
  private final byte[] header;
  private final Cipher cipher;

  SegmentCipher(SecretKey key, byte[] noncePrefix, byte[] header) {
    if (noncePrefix.length != NONCE_PREFIX_BYTES) {
      throw new IllegalArgumentException("nonce prefix must be " + NONCE_PREFIX_BYTES + " bytes");
    }
    this.key = key;
    this.noncePrefix = noncePrefix.clone();
    this.header = header.clone();
    try {
      this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /** Encrypts one segment into {@code out}, answering the ciphertext length. */
  int seal(long index, boolean last, byte[] in, int length, byte[] out)
      throws GeneralSecurityException {
    cipher.init(Cipher.ENCRYPT_MODE, key, nonce(index, last));
    cipher.updateAAD(header);
    return cipher.doFinal(in, 0, length, out, 0);
  }

  /** Decrypts and authenticates one segment into {@code out}, answering the plaintext length. */
  int open(long index, boolean last, byte[] in, int length, byte[] out)
      throws GeneralSecurityException {
    cipher.init(Cipher.DECRYPT_MODE, key, nonce(index, last));
    cipher.updateAAD(header);
    return cipher.doFinal(in, 0, length, out, 0);
  }

  private GCMParameterSpec nonce(long index, boolean last) {
    if (index > 0xFFFF_FFFFL) {
      throw new IllegalStateException("archive too large for one nonce prefix");
    }
    ByteBuffer nonce = ByteBuffer.allocate(12);
    nonce.put(noncePrefix).putInt((int) index).put((byte) (last ? 1 : 0));
    return new GCMParameterSpec(TAG_BYTES * 8, nonce.array());
  }
}
