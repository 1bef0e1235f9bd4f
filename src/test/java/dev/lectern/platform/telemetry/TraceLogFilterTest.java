package dev.lectern.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A span keeps the names of the query's parameters, never their values. */
class TraceLogFilterTest {

  @Test
  void onlyParameterNamesReachTheSpan() {
    assertThat(TraceLogFilter.parameterNames("filter=email%3D%27a%40b.test%27&limit=10"))
        .isEqualTo("filter=?&limit=?");
    assertThat(TraceLogFilter.parameterNames("flag&x=")).isEqualTo("flag&x=?");
    assertThat(TraceLogFilter.parameterNames("")).isEmpty();
  }
}
