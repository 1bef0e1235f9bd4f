package dev.lectern.auth;

/**
 * Which master key the stored private keys are sealed under, by key id (never a key): a rotation is
 * complete when none needs the previous key any more.
 */
public record MasterKeyStatus(
    String keyId, String previousKeyId, int underCurrent, int underPrevious, int unreadable) {

  /** What a reseal did: keys resealed under the current key, already there, or unreadable. */
  public record Resealed(int resealed, int alreadyCurrent, int unreadable) {}
}
