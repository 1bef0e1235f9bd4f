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

  /**
   * Plaintext per segment in the archives Lectern writes (format 2). Small on purpose: JDK 17's
   * AES-GCM falls off its fast path for messages above 256 KiB, and with 1 MiB segments (format 1)
   * sealing and opening 45 MiB took 1.47 s instead of 0.04 s on the benchmark machine.
   */
  static final int SEGMENT_BYTES = 64 << 10;

  /** Plaintext per segment in format 1 archives, which remain readable. */
  static final int FORMAT_1_SEGMENT_BYTES = 1 << 20;

  static final int TAG_BYTES = 16;
  static final int NONCE_PREFIX_BYTES = 7;

  private final SecretKey key;
  private final byte[] noncePrefix;
  private final byte[] header;
  private final Cipher cipher;
  private final int segmentBytes;

  SegmentCipher(SecretKey key, byte[] noncePrefix, byte[] header, int segmentBytes) {
    if (noncePrefix.length != NONCE_PREFIX_BYTES) {
      throw new IllegalArgumentException("nonce prefix must be " + NONCE_PREFIX_BYTES + " bytes");
    }
    this.key = key;
    this.noncePrefix = noncePrefix.clone();
    this.header = header.clone();
    this.segmentBytes = segmentBytes;
    JitWarmUp.ensureDone();
    try {
      this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /** Plaintext bytes per segment; every segment but the last is full. */
  int segmentBytes() {
    return segmentBytes;
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

  /**
   * JDK 17 computes GCM's GHASH with a CLMUL intrinsic only from compiled callers, and the JIT
   * compiles them after thousands of calls: an archive's few hundred large segments are then hashed
   * in interpreted Java, about 30 MB/s. A few thousand small seals and opens with a throw-away key,
   * once per JVM (about 0.1 s), get the callers compiled first: 45 MiB sealed and opened took 2.0 s
   * without this and 0.1 s with it on the benchmark machine.
   */
  private static final class JitWarmUp {
    static {
      run();
    }

    /** The first call initialises the class, which warms the cipher; later calls cost nothing. */
    static void ensureDone() {}

    private static void run() {
      try {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        SecretKey key = new javax.crypto.spec.SecretKeySpec(new byte[32], "AES");
        byte[] plain = new byte[256];
        byte[] sealed = new byte[plain.length + TAG_BYTES];
        byte[] nonce = new byte[12];
        for (int i = 0; i < 6000; i++) {
          ByteBuffer.wrap(nonce).putInt(i);
          GCMParameterSpec spec = new GCMParameterSpec(TAG_BYTES * 8, nonce);
          cipher.init(Cipher.ENCRYPT_MODE, key, spec);
          int length = cipher.doFinal(plain, 0, plain.length, sealed, 0);
          cipher.init(Cipher.DECRYPT_MODE, key, spec);
          cipher.doFinal(sealed, 0, length, plain, 0);
        }
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM is not available in this JVM", e);
      }
    }
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
