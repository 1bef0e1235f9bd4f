package dev.lectern.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void shouldAcceptTwelveCharactersOrMore() {
    assertThat(PasswordPolicy.problem("ops", "twelve-chars")).isEmpty();
  }

  @Test
  void shouldRefuseShortPasswordsAndTheUsername() {
    assertThat(PasswordPolicy.problem("ops", "eleven-char"))
        .hasValueSatisfying(p -> assertThat(p).contains("12"));
    assertThat(PasswordPolicy.problem("Administrator", "administrator"))
        .hasValueSatisfying(p -> assertThat(p).contains("username"));
  }

  @Test
  void shouldRefuseCommonPasswordsWhateverTheirCase() {
    assertThat(PasswordPolicy.problem("ops", "Password1234"))
        .hasValueSatisfying(p -> assertThat(p).contains("common"));
    assertThat(PasswordPolicy.problem("ops", "QWERTYUIOP123"))
        .hasValueSatisfying(p -> assertThat(p).contains("common"));
    assertThat(PasswordPolicy.problem("ops", "a-long-first-password")).isEmpty();
  }
}
