package dev.lectern.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicUrlsTest {

  @Test
  void shouldEndEveryPublicUrlWithASlash() {
    assertThat(PublicUrls.normalized("https://lectern.district.example"))
        .contains("https://lectern.district.example/");
    assertThat(PublicUrls.normalized("https://district.example/lectern/"))
        .contains("https://district.example/lectern/");
    assertThat(PublicUrls.normalized(" http://localhost:9080 ")).contains("http://localhost:9080/");
  }

  @Test
  void shouldRefuseWhatIsNoWebAddressOfItsOwn() {
    for (String bad :
        new String[] {"", "lectern", "ftp://x", "https://", "https://x/?q=1", "https://x/#f"}) {
      assertThat(PublicUrls.normalized(bad)).as(bad).isEmpty();
    }
    assertThat(PublicUrls.normalized(null)).isEmpty();
  }
}
