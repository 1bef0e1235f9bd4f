package dev.lectern.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathShapesTest {

  @Test
  void shouldAcceptPlainPathsAndEncodedCharactersThatAreNotSeparators() {
    assertThat(PathShapes.isAmbiguous("/api/v1/admin/users")).isFalse();
    assertThat(PathShapes.isAmbiguous("/ims/oneroster/rostering/v1p2/users/a%20b")).isFalse();
    assertThat(PathShapes.isAmbiguous("/ims/oneroster/rostering/v1p2/users/%C3%A9")).isFalse();
    assertThat(PathShapes.isAmbiguous("/api/v1/admin/users/")).isFalse();
    assertThat(PathShapes.isAmbiguous(null)).isFalse();
  }

  @Test
  void shouldRefuseMatrixParametersAnywhere() {
    assertThat(PathShapes.isAmbiguous("/api/v1/admin;x=y/users")).isTrue();
    assertThat(PathShapes.isAmbiguous("/api/v1;x/admin/users")).isTrue();
    assertThat(PathShapes.isAmbiguous("/api/v1/admin;/users")).isTrue();
    assertThat(PathShapes.isAmbiguous("/api/v1/admin/users;")).isTrue();
  }

  @Test
  void shouldRefuseEncodedSeparatorsDotsAndControlCharacters() {
    for (String octet : new String[] {"2F", "2f", "5C", "3B", "3b", "2E", "00", "0A", "1F", "7F"}) {
      assertThat(PathShapes.isAmbiguous("/api/v1/admin%" + octet + "users")).as(octet).isTrue();
    }
    assertThat(PathShapes.isAmbiguous("/api/v1/admin\\users")).isTrue();
    assertThat(PathShapes.isAmbiguous("/api/v1/admin/users%")).isTrue();
    assertThat(PathShapes.isAmbiguous("/api/v1/admin/users%2")).isTrue();
  }

  @Test
  void shouldAcceptHostNamesAndAddressesWithAnOptionalPort() {
    for (String host :
        new String[] {
          "localhost",
          "localhost:9080",
          "lectern.example.org",
          "10.0.0.7:443",
          "[::1]:9080",
          "svc_lectern"
        }) {
      assertThat(PathShapes.isHost(host)).as(host).isTrue();
    }
    assertThat(PathShapes.isHost(null)).isTrue();
  }

  @Test
  void shouldRefuseHostsFromWhichNoUrlCanBeBuilt() {
    for (String host :
        new String[] {
          "evil.example/<x>", "a b", "host:port", "host:123456", "", "x@evil", "[zz]"
        }) {
      assertThat(PathShapes.isHost(host)).as(host).isFalse();
    }
  }
}
