package dev.lectern.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MasterKeysTest {

  private static final String OLD = "old-master-key-".repeat(3);
  private static final String NEW = "new-master-key-".repeat(3);
  private static final byte[] SECRET = "private key bytes".getBytes(StandardCharsets.UTF_8);

  @Test
  void shouldOpenWhatThePreviousKeySealedWhileSealingUnderTheNewOne() throws Exception {
    byte[] sealedByOld = new MasterKeys(OLD, Optional.empty(), "signing-key").encrypt(SECRET);
    MasterKeys rolling = new MasterKeys(NEW, Optional.of(OLD), "signing-key");

    assertThat(rolling.decrypt(sealedByOld)).isEqualTo(SECRET);
    assertThat(rolling.sealing(sealedByOld)).isEqualTo(MasterKeys.Sealing.PREVIOUS);
    byte[] resealed = rolling.encrypt(rolling.decrypt(sealedByOld));
    assertThat(rolling.sealing(resealed)).isEqualTo(MasterKeys.Sealing.CURRENT);
    assertThat(new MasterKeys(NEW, Optional.empty(), "signing-key").decrypt(resealed))
        .isEqualTo(SECRET);
  }

  @Test
  void shouldRefuseWhatNeitherKeyOpens() {
    byte[] sealedByOther = new MasterKeys("z".repeat(40), Optional.empty(), "p").encrypt(SECRET);
    MasterKeys rolling = new MasterKeys(NEW, Optional.of(OLD), "p");
    assertThat(rolling.sealing(sealedByOther)).isEqualTo(MasterKeys.Sealing.UNREADABLE);
    assertThatThrownBy(() -> rolling.decrypt(sealedByOther))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(
            () ->
                new MasterKeys(NEW, Optional.empty(), "p")
                    .decrypt(new MasterKeys(OLD, Optional.empty(), "p").encrypt(SECRET)))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void shouldNameKeysApartWithoutRevealingThem() {
    assertThat(MasterKeys.idOf(OLD)).hasSize(12).isEqualTo(MasterKeys.idOf(OLD));
    assertThat(MasterKeys.idOf(OLD)).isNotEqualTo(MasterKeys.idOf(NEW));
    assertThat(OLD).doesNotContain(MasterKeys.idOf(OLD));
  }
}
