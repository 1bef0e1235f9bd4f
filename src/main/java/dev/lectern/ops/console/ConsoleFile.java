package dev.lectern.ops.console;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One console file held in memory once read: it changes only with a new deployment. */
record ConsoleFile(String type, byte[] bytes, String etag) {

  static ConsoleFile of(String type, byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      String tag = "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
      return new ConsoleFile(type, bytes, tag);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
