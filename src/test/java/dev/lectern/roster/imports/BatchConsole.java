package dev.lectern.roster.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Browser;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Liberty's adminCenter and batch API on a server of its own, signed in with Lectern's accounts:
 * the keys it needs (a keystore made with the JDK's keytool, LTPA keys Liberty writes), and what
 * each kind of account may do there.
 */
final class BatchConsole {

  private static final String PASSWORD = "a-console-password-" + UUID.randomUUID();

  private BatchConsole() {}

  /** Turns adminCenter on for the server, with keys of its own under target/. */
  static LecternServer adminCenterOn(LecternServer server, String name) throws Exception {
    Path dir = TestEnvironment.projectDir().resolve("target/admin-center/" + name);
    Files.createDirectories(dir);
    Path keystore = dir.resolve("admin-center.p12");
    Files.deleteIfExists(keystore);
    // Liberty writes the LTPA keys sealed with this run's password; an earlier run's would not
    // open.
    Files.deleteIfExists(dir.resolve("ltpa.keys"));
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "default",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IOException(
          "keytool failed: " + new String(keytool.getInputStream().readAllBytes()));
    }
    return server
        .with("ADMIN_CENTER", "on")
        .with("ADMIN_CENTER_KEYSTORE", keystore.toString())
        .with("ADMIN_CENTER_KEYSTORE_PASSWORD", PASSWORD)
        .with("ADMIN_CENTER_LTPA_KEYS", dir.resolve("ltpa.keys").toString())
        .with("ADMIN_CENTER_LTPA_PASSWORD", PASSWORD);
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }

  /**
   * Admins and operators read Lectern's jobs; students, disabled admins and bearer tokens are
   * refused; and nobody starts a job there, not even an admin: jobs start as Lectern's dispatcher.
   */
  static void onlyEnabledAdminsAndOperatorsRead(LecternServer server, Http http, String admin)
      throws Exception {
    int port = server.httpsPort();
    String jobs = "/ibm/api/batch/jobinstances";
    HttpResult asAdmin = BatchApi.get(port, jobs, basic("admin", TestEnvironment.adminPassword()));
    assertThat(asAdmin.status()).as(asAdmin.toString()).isEqualTo(200);
    assertThat(asAdmin.body()).contains("lectern-import", "lectern$dispatcher");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String password = "Console-password-" + suffix;
    http.createAccount(admin, "batch-op-" + suffix, "operator", password);
    assertThat(BatchApi.get(port, jobs, basic("batch-op-" + suffix, password)).status())
        .isEqualTo(200);
    http.createAccount(admin, "batch-student-" + suffix, "student", password);
    assertThat(BatchApi.get(port, jobs, basic("batch-student-" + suffix, password)).status())
        .isEqualTo(401);
    String other = http.createAccount(admin, "batch-admin-" + suffix, "admin", password);
    assertThat(BatchApi.get(port, jobs, basic("batch-admin-" + suffix, password)).status())
        .isEqualTo(200);
    http.disableAccount(admin, other);
    assertThat(BatchApi.get(port, jobs, basic("batch-admin-" + suffix, password)).status())
        .as("a disabled admin, at the next request")
        .isEqualTo(401);
    assertThat(BatchApi.get(port, jobs, "Bearer " + admin).status()).isIn(401, 403);
    assertThat(BatchApi.get(port, jobs, basic("batch-op-" + suffix, "wrong")).status())
        .isEqualTo(401);
    HttpResult failures =
        http.get(
            "/api/v1/admin/audit-logs?action=auth.login&outcome=failure&actor=batch-op-" + suffix,
            admin);
    assertThat(failures.json().getInt("total"))
        .as("a failed console sign-in, audited")
        .isPositive();
    HttpResult start =
        BatchApi.post(
            port,
            jobs,
            basic("admin", TestEnvironment.adminPassword()),
            "{\"applicationName\":\"lectern\",\"jobXMLName\":\"lectern-import\"}");
    assertThat(start.status()).as(start.toString()).isIn(401, 403);
    HttpResult console = BatchApi.get(port, "/adminCenter/", null);
    assertThat(console.status()).as("adminCenter asks for a sign-in").isIn(200, 302);
    javaBatchToolShowsTheImport(server, "admin", TestEnvironment.adminPassword());
    javaBatchToolShowsTheImport(server, "batch-op-" + suffix, password);
  }

  /**
   * A lockdown ends a console sign-in at its next request, as it ends the API's tokens: the
   * browser's adminCenter cookie reads the batch API before, and is refused after.
   */
  static void lockdownEndsConsoleSignIns(LecternServer server, Http http) throws Exception {
    String base = "https://localhost:" + server.httpsPort();
    try (Browser browser = new Browser()) {
      signIn(browser, base, "admin", TestEnvironment.adminPassword());
      String cookie =
          browser.driver().manage().getCookies().stream()
              .filter(c -> c.getName().startsWith("LtpaToken"))
              .map(c -> c.getName() + "=" + c.getValue())
              .findFirst()
              .orElseThrow(() -> new AssertionError("adminCenter set no sign-in cookie"));
      String jobs = "/ibm/api/batch/jobinstances";
      assertThat(BatchApi.getWithCookie(server.httpsPort(), jobs, cookie).status()).isEqualTo(200);
      HttpResult lockdown = http.postJson("/api/v1/admin/auth/lockdown", "{}", http.adminToken());
      assertThat(lockdown.status()).as(lockdown.toString()).isEqualTo(200);
      assertThat(BatchApi.getWithCookie(server.httpsPort(), jobs, cookie).status())
          .as("the console's cookie after a lockdown")
          .isEqualTo(401);
    }
  }

  private static void signIn(Browser browser, String base, String user, String password) {
    browser.open(base + "/adminCenter/");
    browser.waitFor(By.name("j_username"), Duration.ofSeconds(60)).sendKeys(user);
    WebElement secret = browser.driver().findElement(By.name("j_password"));
    secret.sendKeys(password);
    secret.submit();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .until(d -> !d.getCurrentUrl().contains("login"));
  }

  /** adminCenter in a browser: the account signs in and its Java Batch tool lists the import. */
  static void javaBatchToolShowsTheImport(LecternServer server, String user, String password) {
    String base = "https://localhost:" + server.httpsPort();
    try (Browser browser = new Browser()) {
      signIn(browser, base, user, password);
      browser.open(base + "/ibm/adminCenter/javaBatch-1.0/");
      String shot = "admincenter-java-batch-" + (user.equals("admin") ? "admin" : "operator");
      try {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(90))
            .until(d -> d.findElement(By.tagName("body")).getText().contains("lectern-import"));
      } finally {
        browser.screenshot(shot);
      }
    }
  }
}
