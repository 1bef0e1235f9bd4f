package dev.lectern.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRulesTest {

  private static final String LONG = "x".repeat(32);
  private static final String KEY32 = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String KEY16 = Base64.getEncoder().encodeToString(new byte[16]);
  private static final String URL = "https://lectern.district.example";

  @Test
  void shouldAcceptStrongSecrets() {
    assertThat(
            SecretRules.problems(
                Map.of("LECTERN_MASTER_KEY", LONG, "DB_PASSWORD", LONG, "LECTERN_PUBLIC_URL", URL)
                    ::get))
        .isEmpty();
    assertThat(
            SecretRules.problems(
                Map.of(
                        "LECTERN_MASTER_KEY", LONG,
                        "DB_PASSWORD", LONG,
                        "LECTERN_PUBLIC_URL", URL,
                        "BACKUP_ENCRYPTION_KEYS", "k2:" + KEY32 + ",k1:" + KEY32)
                    ::get))
        .isEmpty();
  }

  @Test
  void shouldAcceptAPreviousMasterKeyOnlyIfStrongAndDifferent() {
    String other = "y".repeat(32);
    assertThat(problemsWithPrevious(other)).isEmpty();
    assertThat(problemsWithPrevious("short-old-key"))
        .containsExactly("LECTERN_MASTER_KEY_PREVIOUS is shorter than 32 bytes");
    assertThat(problemsWithPrevious(LONG))
        .containsExactly("LECTERN_MASTER_KEY_PREVIOUS is the same as LECTERN_MASTER_KEY");
  }

  private static java.util.List<String> problemsWithPrevious(String previous) {
    return SecretRules.problems(
        Map.of(
                "LECTERN_MASTER_KEY", LONG,
                "LECTERN_MASTER_KEY_PREVIOUS", previous,
                "DB_PASSWORD", LONG,
                "LECTERN_PUBLIC_URL", URL)
            ::get);
  }

  @Test
  void shouldNameEachWeakOrMissingKeyWithoutItsValue() {
    String weak = "short-but-secret";
    var problems =
        SecretRules.problems(
            Map.of("LECTERN_MASTER_KEY", weak, "BACKUP_ENCRYPTION_KEYS", "k1:" + KEY16 + ",oops")
                ::get);
    assertThat(problems)
        .containsExactly(
            "LECTERN_MASTER_KEY is shorter than 32 bytes",
            "DB_PASSWORD is not set",
            "LECTERN_PUBLIC_URL is not set (the https address clients reach Lectern at)",
            "BACKUP_ENCRYPTION_KEYS key k1 is not id:base64 of a 32-byte key",
            "BACKUP_ENCRYPTION_KEYS key #2 is not id:base64 of a 32-byte key");
    assertThat(String.join(" ", problems)).doesNotContain(weak).doesNotContain(KEY16);
  }

  @Test
  void shouldRequireStrongConsoleKeyPasswordsOnlyWhenAdminCenterIsOn() {
    var off =
        Map.of(
            "LECTERN_MASTER_KEY", LONG,
            "DB_PASSWORD", LONG,
            "LECTERN_PUBLIC_URL", URL,
            "ADMIN_CENTER", "off");
    assertThat(SecretRules.problems(off::get)).isEmpty();
    var weak = new java.util.HashMap<>(off);
    weak.put("ADMIN_CENTER", "on");
    weak.put("ADMIN_CENTER_KEYSTORE_PASSWORD", "keystore-secret");
    assertThat(SecretRules.problems(weak::get))
        .containsExactly(
            "ADMIN_CENTER=on needs ADMIN_CENTER_KEYSTORE_PASSWORD of at least 32 bytes",
            "ADMIN_CENTER=on needs ADMIN_CENTER_LTPA_PASSWORD of at least 32 bytes");
    var strong = new java.util.HashMap<>(weak);
    strong.put("ADMIN_CENTER_KEYSTORE_PASSWORD", LONG);
    strong.put("ADMIN_CENTER_LTPA_PASSWORD", LONG);
    assertThat(SecretRules.problems(strong::get)).isEmpty();
  }

  @Test
  void shouldRequireAnAbsoluteWebAddressAsThePublicUrl() {
    for (String bad :
        new String[] {
          "lectern.district.example",
          "ftp://lectern.district.example",
          "https://",
          "https://x/?a=b",
          "https://x/#top",
          "https://user:pw@x/"
        }) {
      var settings =
          Map.of("LECTERN_MASTER_KEY", LONG, "DB_PASSWORD", LONG, "LECTERN_PUBLIC_URL", bad);
      assertThat(SecretRules.problems(settings::get))
          .as(bad)
          .containsExactly(
              "LECTERN_PUBLIC_URL is not an absolute http(s) URL without query, fragment or user"
                  + " info");
    }
  }
}
