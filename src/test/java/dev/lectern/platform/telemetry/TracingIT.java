package dev.lectern.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.OtlpReceiver;
import dev.lectern.testing.OtlpReceiver.ReceivedSpan;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A server exporting traces to a collector inside the test: a request's span carries its request id
 * and reaches the collector with the trace id its log lines and access-log line show, its
 * statements are child spans, a job is a span of its own. Then the collector hangs: requests keep
 * their pace and the failed exports make one log line, not one per batch.
 */
class TracingIT {

  private static final Pattern FAILURES =
      Pattern.compile("lectern_telemetry_export_failures_total\\{[^}]*} ([0-9.]+)");

  @Test
  void requestsAndJobsAreTracedAndAHungCollectorCostsNothing() {
    try (OtlpReceiver collector = new OtlpReceiver();
        LecternServer server =
            new LecternServer("traces")
                .with("OTEL_SDK_DISABLED", "false")
                .with("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint())
                .with("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .with("OTEL_EXPORTER_OTLP_TIMEOUT", "1000")
                .with("OTEL_BSP_SCHEDULE_DELAY", "200")
                .start()
                .awaitReady()) {
      Http http = server.http();
      String token = http.adminToken();

      String requestId = "trace-" + UUID.randomUUID();
      HttpResult raised =
          http.send(
              http.request("/api/v1/admin/logging/dev.lectern.platform.telemetry")
                  .header("Authorization", "Bearer " + token)
                  .header("X-Request-ID", requestId)
                  .header("Content-Type", "application/json")
                  .PUT(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"level\":\"FINE\",\"revertAfter\":\"PT1S\",\"reason\":\"tracing\"}")));
      assertThat(raised.status()).isEqualTo(200);

      ReceivedSpan request =
          awaitSpan(collector, s -> requestId.equals(s.attributes().get("lectern.request.id")));
      assertThat(request.name()).isEqualTo("PUT /api/v1/admin/logging/{logger}");
      assertThat(request.resource()).containsEntry("service.name", "lectern");
      assertThat(raised.header("io.openliberty.trace"))
          .hasValue(request.traceId() + ":" + request.spanId());
      awaitSpan(
          collector,
          s ->
              s.parentSpanId().equals(request.spanId())
                  && "postgresql".equals(s.attributes().get("db.system")));
      Eventually.within(
          Duration.ofSeconds(10),
          () ->
              server
                  .messages()
                  .lines()
                  .anyMatch(
                      line ->
                          line.contains("\"ext_requestId\":\"" + requestId + "\"")
                              && line.contains("\"ext_traceId\":\"" + request.traceId() + "\"")
                              && line.contains("\"ext_spanId\":\"" + request.spanId() + "\"")
                              && line.contains("logging.set")),
          () -> "no audit log line of " + requestId + " with trace " + request.traceId());
      assertThat(server.messages().lines())
          .anyMatch(
              line ->
                  line.contains("liberty_accesslog")
                      && line.contains(requestId)
                      && line.contains(request.traceId()));

      // the query string (a OneRoster filter may hold an e-mail address) is not on the span
      String filtered = "trace-" + UUID.randomUUID();
      HttpResult users =
          http.send(
              http.request(
                      "/ims/oneroster/rostering/v1p2/users?filter=email%3D%27someone%40example.test%27")
                  .header("Authorization", "Bearer " + token)
                  .header("X-Request-ID", filtered));
      assertThat(users.status()).isEqualTo(200);
      ReceivedSpan read =
          awaitSpan(collector, s -> filtered.equals(s.attributes().get("lectern.request.id")));
      assertThat(read.attributes()).containsEntry("url.query", "filter=?");
      assertThat(read.attributes().values()).noneMatch(value -> value.contains("someone"));

      HttpResult sweep = http.postJson("/api/v1/admin/retention/run?dryRun=true", "", token);
      assertThat(sweep.status()).isEqualTo(202);
      String job = sweep.json().getString("id");
      ReceivedSpan jobSpan =
          awaitSpan(collector, s -> job.equals(s.attributes().get("lectern.job.id")));
      assertThat(jobSpan.name()).isEqualTo("job retention");
      assertThat(jobSpan.attributes()).containsEntry("lectern.job.state", "completed");
      assertThat(collector.spans())
          .anyMatch(s -> s.parentSpanId().equals(jobSpan.spanId()) && s.name().equals("SELECT"));

      // a failure before the application started (a slow machine) was not Lectern's to throttle
      int loggedBefore = exporterLines(server).size();
      collector.hang();
      for (int i = 0; i < 50; i++) {
        long start = System.nanoTime();
        assertThat(http.get("/api/v1/health").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .as("request %d with a hung collector", i)
            .isLessThan(Duration.ofSeconds(2));
      }
      Eventually.within(
          Duration.ofSeconds(30),
          () -> exportFailures(http) >= 3 && !exporterLines(server).isEmpty(),
          () -> "export failures: " + exportFailures(http) + ", logged: " + exporterLines(server));
      assertThat(exporterLines(server).size() - loggedBefore)
          .as("export failures logged while at least 3 failed")
          .isLessThanOrEqualTo(1);
    }
  }

  private static ReceivedSpan awaitSpan(
      OtlpReceiver collector, java.util.function.Predicate<ReceivedSpan> wanted) {
    Eventually.within(
        Duration.ofSeconds(15),
        () -> collector.spans().stream().anyMatch(wanted),
        () -> collector.spans().size() + " spans received, none wanted");
    Optional<ReceivedSpan> span = collector.spans().stream().filter(wanted).findFirst();
    return span.orElseThrow();
  }

  /** Log lines of the OpenTelemetry exporters. */
  private static List<String> exporterLines(LecternServer server) {
    return server
        .messages()
        .lines()
        .filter(l -> l.contains("\"module\":\"io.opentelemetry.exporter"))
        .toList();
  }

  private static double exportFailures(Http http) {
    Matcher matcher = FAILURES.matcher(http.get("/metrics?scope=application").body());
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }
}
