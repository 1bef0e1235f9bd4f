package dev.lectern.ops.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class ThreadDumpIT {

  private final Http http = Http.lectern();

  @Test
  void anAdminGetsEveryThreadWithItsWholeStackAsText() {
    String admin = http.adminToken();
    HttpResult dump =
        http.send(
            http.request("/api/v1/admin/diagnostics/thread-dump")
                .header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(dump.status()).isEqualTo(200);
    assertThat(dump.header("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(dump.body())
        .contains("Full thread dump")
        .contains("java.lang.Thread.State: RUNNABLE")
        .contains("at dev.lectern.ops.diagnostics.ThreadDump.now(")
        // deeper than ThreadInfo.toString's eight frames: the servlet container below the call
        .contains("at com.ibm.ws.webcontainer");
    assertThat(http.get("/api/v1/admin/audit-logs?action=diagnostics.thread_dump", admin).body())
        .contains("diagnostics.thread_dump");
  }
}
