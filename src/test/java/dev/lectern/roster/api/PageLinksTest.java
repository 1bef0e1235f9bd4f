package dev.lectern.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageLinksTest {

  private static final String URL = "http://h:1/ims/oneroster/rostering/v1p2/users";

  @Test
  void middlePageHasAllFourLinksWithOtherParametersKept() {
    String header =
        PageLinks.header(
            URL, "filter=role%3D%27student%27&limit=10&offset=20&sort=familyName", 10, 20, 95);
    String base = URL + "?filter=role%3D%27student%27&sort=familyName&limit=10&offset=";
    assertThat(header)
        .isEqualTo(
            "<"
                + base
                + "0>; rel=\"first\", <"
                + base
                + "10>; rel=\"prev\", <"
                + base
                + "30>; rel=\"next\", <"
                + base
                + "90>; rel=\"last\"");
  }

  @Test
  void firstAndLastPagesLeaveOutPrevAndNext() {
    assertThat(PageLinks.header(URL, null, 100, 0, 50))
        .isEqualTo(
            "<"
                + URL
                + "?limit=100&offset=0>; rel=\"first\", <"
                + URL
                + "?limit=100&offset=0>; rel=\"last\"");
    assertThat(PageLinks.header(URL, "offset=40&limit=20", 20, 40, 60))
        .doesNotContain("rel=\"next\"")
        .contains("offset=20>; rel=\"prev\"")
        .contains("offset=40>; rel=\"last\"");
  }

  @Test
  void emptyCollectionPointsFirstAndLastAtZero() {
    assertThat(PageLinks.header(URL, "limit=5", 5, 0, 0))
        .isEqualTo(
            "<"
                + URL
                + "?limit=5&offset=0>; rel=\"first\", <"
                + URL
                + "?limit=5&offset=0>; rel=\"last\"");
  }

  @Test
  void charactersNotAllowedInAQueryAreEncoded() {
    assertThat(PageLinks.header(URL, "filter=givenName='a b'<>\"&limit=1&&offset=0", 1, 0, 1))
        .startsWith(
            "<" + URL + "?filter=givenName='a%20b'%3C%3E%22&limit=1&offset=0>; rel=\"first\"");
    assertThat(PageLinks.header(URL, "fields=givenName%2Cé", 1, 0, 1))
        .startsWith("<" + URL + "?fields=givenName%2C%C3%A9&limit=1&offset=0>");
  }

  @Test
  void parametersOnlyNamedLikeLimitAreKept() {
    assertThat(PageLinks.header(URL, "limits=3&xoffset=4", 2, 0, 1))
        .startsWith("<" + URL + "?limits=3&xoffset=4&limit=2&offset=0>");
  }
}
