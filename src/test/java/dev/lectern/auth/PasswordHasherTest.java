package dev.lectern.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(10_000);

  @Test
  void shouldMatchOnlyTheRightPassword() {
    String hash = hasher.hash("correct horse battery".toCharArray());
    assertThat(hasher.matches("correct horse battery".toCharArray(), hash)).isTrue();
    assertThat(hasher.matches("correct horse batterY".toCharArray(), hash)).isFalse();
  }

  @Test
  void shouldSaltEveryHashAndRecordItsIterations() {
    String first = hasher.hash("same password".toCharArray());
    String second = hasher.hash("same password".toCharArray());
    assertThat(first).isNotEqualTo(second).startsWith("pbkdf2-sha256$10000$");
  }

  @Test
  void shouldVerifyHashesMadeWithAnotherIterationCount() {
    String old = new PasswordHasher(20_000).hash("kept across upgrades".toCharArray());
    assertThat(hasher.matches("kept across upgrades".toCharArray(), old)).isTrue();
  }

  @Test
  void shouldNeverMatchAMalformedHash() {
    assertThat(hasher.matches("x".toCharArray(), null)).isFalse();
    assertThat(hasher.matches("x".toCharArray(), "plain-text")).isFalse();
    assertThat(hasher.matches("x".toCharArray(), "pbkdf2-sha256$abc$%%%$%%%")).isFalse();
  }
}
