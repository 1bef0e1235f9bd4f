package dev.lectern.platform.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of text, in hex: how Lectern stores tokens and secrets it must recognise, never keep. */
public final class Sha256 {

  private Sha256() {}

  public static byte[] of(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** All 64 hex digits. */
  public static String hex(String text) {
    return HexFormat.of().formatHex(of(text));
  }

  /** The first 32 hex digits: enough to name a cache entry or a bucket without collisions. */
  public static String shortHex(String text) {
    return HexFormat.of().formatHex(of(text), 0, 16);
  }
}
