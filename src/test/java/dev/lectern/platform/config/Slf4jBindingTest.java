package dev.lectern.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The libraries that log through SLF4J (Jedis, the OpenFeature SDK) reach java.util.logging, so
 * Liberty's logs: one API version and a provider of that version. With a 1.7 API beside a 2.x
 * provider, SLF4J falls back to its no-operation logger and every such log is dropped.
 */
class Slf4jBindingTest {

  @Test
  void slf4jLogsGoToJavaUtilLogging() {
    assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
        .isEqualTo("org.slf4j.jul.JDK14LoggerFactory");
  }
}
