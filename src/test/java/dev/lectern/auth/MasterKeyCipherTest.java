package dev.lectern.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

class MasterKeyCipherTest {

  private final MasterKeyCipher cipher =
      new MasterKeyCipher("master-key-for-tests", "signing-keys");

  @Test
  void shouldRoundTrip() throws GeneralSecurityException {
    byte[] secret = "private key bytes".getBytes(StandardCharsets.UTF_8);
    assertThat(cipher.decrypt(cipher.encrypt(secret))).isEqualTo(secret);
  }

  @Test
  void shouldRefuseAnotherMasterKeyOrPurpose() {
    byte[] sealed = cipher.encrypt(new byte[] {1, 2, 3});
    assertThatThrownBy(() -> new MasterKeyCipher("another-key", "signing-keys").decrypt(sealed))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> new MasterKeyCipher("master-key-for-tests", "backups").decrypt(sealed))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void shouldDetectAnyFlippedBit() {
    byte[] sealed = cipher.encrypt(new byte[32]);
    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> cipher.decrypt(tampered))
          .isInstanceOf(GeneralSecurityException.class);
    }
  }
}
