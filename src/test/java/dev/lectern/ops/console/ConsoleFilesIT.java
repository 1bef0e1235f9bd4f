package dev.lectern.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The console's files as a browser fetches them: complete, typed, under the strict policy. */
class ConsoleFilesIT {

  private static final Pattern REFERENCE =
      Pattern.compile("(?:src|href)=\"([^\"#:]+)\"|from '([^']+)'|import\\('([^']+)'\\)");

  private final Http http = Http.lectern();

  @Test
  void shouldServeEveryFileThePagesReferToUnderAPolicyWithoutInlineScriptsOrStyles() {
    Deque<String> pending = new ArrayDeque<>(Set.of("/console/"));
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      String path = pending.pop();
      if (!seen.add(path)) {
        continue;
      }
      HttpResult file = http.get(path);
      assertThat(file.status()).as(path).isEqualTo(200);
      String policy = file.header("Content-Security-Policy").orElse("");
      assertThat(policy).as(path).contains("script-src 'self';", "style-src 'self';");
      assertThat(policy).as(path).doesNotContain("unsafe-inline", "unsafe-eval");
      assertThat(file.header("X-Frame-Options")).as(path).contains("DENY");
      assertThat(file.body()).as(path).doesNotContain("style=\"", "<script>", "localStorage");
      assertThat(file.body()).as(path).doesNotContain("sessionStorage", "innerHTML", "eval(");
      Matcher references = REFERENCE.matcher(file.body());
      while (references.find()) {
        String target =
            references.group(1) != null
                ? references.group(1)
                : references.group(2) != null ? references.group(2) : references.group(3);
        pending.push(URI.create(http.baseUrl() + path).resolve(target).getRawPath());
      }
    }
    assertThat(seen).as("the page, its stylesheet and every script module").hasSizeGreaterThan(10);
    assertThat(http.get("/console/js/app.js").header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
  }

  @Test
  void shouldAnswerAnUnchangedFileWithNotModified() {
    HttpResult first = http.get("/console/console.css");
    String etag = first.header("ETag").orElseThrow();
    HttpResult again =
        http.send(http.request("/console/console.css").header("If-None-Match", etag).GET());
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void shouldRedirectTheBareConsolePathToItsPage() {
    HttpResult bare = http.get("/console");
    assertThat(bare.status()).isEqualTo(301);
    assertThat(bare.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
  }

  @Test
  void shouldServeNothingOutsideTheConsoleFiles() {
    for (String path :
        new String[] {
          "/console/../WEB-INF/web.xml",
          "/console/%2e%2e/WEB-INF/web.xml",
          "/console/..%2fWEB-INF%2fweb.xml",
          "/console/WEB-INF/web.xml",
          "/console/js/missing.js",
          "/console/index.html.bak",
          "/console/Index.HTML"
        }) {
      HttpResult result = http.get(path);
      assertThat(result.status()).as(path).isIn(400, 404);
      assertThat(result.body()).as(path).doesNotContain("<web-app", "import ");
    }
    HttpResult post =
        http.send(http.request("/console/").POST(HttpRequest.BodyPublishers.ofString("x")));
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.json().getJsonObject("error").getString("code")).isNotBlank();
  }

  @Test
  void shouldRefuseAnOperatorsWriteSentFromTheConsolesOrigin() {
    String admin = http.adminToken();
    String name = "console-op-" + UUID.randomUUID().toString().substring(0, 8);
    http.createAccount(admin, name, "operator", "Operator-password-1");
    String operator = http.login(name, "Operator-password-1");
    HttpResult forged =
        http.send(
            http.request("/api/v1/admin/mode")
                .header("Authorization", "Bearer " + operator)
                .header("Origin", http.baseUrl())
                .header("Referer", http.baseUrl() + "/console/")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"read-only\"}")));
    assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
    assertThat(http.get("/api/v1/admin/mode", admin).json().getString("mode")).isEqualTo("normal");
  }
}
