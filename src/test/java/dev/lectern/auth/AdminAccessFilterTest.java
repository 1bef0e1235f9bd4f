package dev.lectern.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminAccessFilterTest {

  @Test
  void shouldProtectTheAdminAndCacheTreesOnly() {
    assertThat(AdminAccessFilter.isProtected("api/v1/admin")).isTrue();
    assertThat(AdminAccessFilter.isProtected("/api/v1/admin/users/1")).isTrue();
    assertThat(AdminAccessFilter.isProtected("api/v1/cache/stats")).isTrue();
    assertThat(AdminAccessFilter.isProtected("api/v1/administrators")).isFalse();
    assertThat(AdminAccessFilter.isProtected("api/v1/health")).isFalse();
    assertThat(AdminAccessFilter.isProtected("api/v1/auth/login")).isFalse();
  }
}
