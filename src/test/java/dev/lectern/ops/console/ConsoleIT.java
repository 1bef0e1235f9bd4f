package dev.lectern.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.roster.imports.CsvPackage;
import dev.lectern.testing.Browser;
import dev.lectern.testing.Http;
import dev.lectern.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ops console in a real browser against the server under test: what an admin does on call, what
 * an operator may only look at. Every screen is photographed into target/console-screenshots and
 * checked with axe; the pages must run without one Content-Security-Policy violation.
 */
class ConsoleIT {

  private static final List<String> WRITE_CONTROLS =
      List.of(
          "#take-backup",
          "#run-drill",
          "#mode-form",
          "#key-form",
          "#account-form",
          "#upload",
          "#log-form",
          "#window-form");

  private final Http http = Http.lectern();

  @Test
  void shouldLetAnAdminImportBackUpDrillAndSwitchTheModeFromTheConsole() throws IOException {
    try (Browser browser = new Browser()) {
      ConsolePage console = new ConsolePage(browser, http);
      console.signIn("admin", TestEnvironment.adminPassword());
      browser.waitFor(By.id("overall-status"), ConsolePage.PATIENCE);
      console.record("overview");

      console.go("imports");
      Path empty = packageFile("empty.zip", new byte[0]);
      browser.driver().findElement(By.id("import-file")).sendKeys(empty.toString());
      browser.driver().findElement(By.id("upload")).click();
      assertThat(console.notice())
          .as("the server's message and the request id")
          .contains("The upload is empty.", "request id");
      Path valid = packageFile("district.zip", CsvPackage.district12("bulk").zip());
      browser.driver().findElement(By.id("import-file")).sendKeys(valid.toString());
      browser.driver().findElement(By.id("upload")).click();
      console.waitForText(By.id("import-job-state"), "completed");
      assertThat(readInt(browser, "upload-progress")).isEqualTo(100);
      console.record("imports");

      console.go("jobs");
      console.waitForText(By.id("job-list"), "import");
      console.record("jobs");

      console.go("backups");
      int before = browser.driver().findElements(By.cssSelector("#backup-list tbody tr")).size();
      browser.driver().findElement(By.id("take-backup")).click();
      assertThat(console.notice()).contains("Backup queued as job");
      until(
          browser,
          () -> {
            console.reload("backups");
            return browser.driver().findElements(By.cssSelector("#backup-list tbody tr")).size()
                > before;
          });
      String newest =
          browser.driver().findElement(By.cssSelector("#backup-list tbody tr td")).getText();
      console.button("Verify backup " + newest).click();
      console.waitForText(By.cssSelector("#notices .notice"), newest + ": verified");
      console.button("Drill backup " + newest).click();
      console.waitForText(By.cssSelector("#notices .notice"), "Drill of " + newest + " queued");
      until(
          browser,
          () -> {
            console.reload("backups");
            return browser.driver().findElements(By.cssSelector("#drill-list tbody tr")).stream()
                .map(WebElement::getText)
                .anyMatch(row -> row.contains(newest) && row.contains("SUCCESS"));
          });
      long restoresBefore = restoreJobs();
      console.button("Restore backup " + newest).click();
      browser.waitFor(By.id("restore-confirm"), ConsolePage.PATIENCE);
      console.record("backups-restore-confirmation");
      browser.driver().findElement(By.id("restore-cancel")).click();
      assertThat(browser.driver().findElements(By.id("restore-form"))).isEmpty();
      assertThat(restoreJobs()).as("cancelled at the confirmation").isEqualTo(restoresBefore);
      console.record("backups");

      console.go("mode");
      setMode(browser, console, "read-only");
      console.record("mode");
      setMode(browser, console, "normal");

      console.go("diagnostics");
      console.waitForText(By.id("schema-version"), "Schema version");
      browser.driver().findElement(By.id("log-logger")).sendKeys("dev.lectern.ops.console");
      browser.driver().findElement(By.id("log-reason")).sendKeys("console test");
      browser.driver().findElement(By.cssSelector("#log-form button")).click();
      console.waitForText(By.id("log-levels"), "dev.lectern.ops.console");
      console.record("diagnostics");
      console.button("Reset dev.lectern.ops.console").click();
      console.waitForText(By.cssSelector("#notices .notice"), "back at its configured level");
      for (String screen : List.of("control-plane", "api-keys", "accounts", "audit")) {
        console.go(screen);
        console.record(screen);
      }
      assertThat(browser.cspViolations()).isEmpty();
    } finally {
      http.send(
          http.request("/api/v1/admin/mode")
              .header("Authorization", "Bearer " + http.adminToken())
              .header("Content-Type", "application/json")
              .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"mode\":\"normal\"}")));
    }
  }

  @Test
  void shouldShowAnOperatorEveryScreenWithoutOneWriteControlAndTurnAStudentAway() {
    String name = "console-operator-" + UUID.randomUUID().toString().substring(0, 8);
    String student = "console-student-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = http.adminToken();
    http.createAccount(admin, name, "operator", "Operator-password-1");
    http.createAccount(admin, student, "student", "Student-password-1");
    try (Browser browser = new Browser()) {
      ConsolePage console = new ConsolePage(browser, http);
      console.attemptSignIn(student, "Student-password-1");
      assertThat(console.notice()).contains("The console is for admin and operator accounts.");
      assertThat(browser.driver().findElement(By.id("nav")).isDisplayed()).isFalse();
      console.signIn(name, "Operator-password-1");
      for (String screen : ConsolePage.SCREENS) {
        console.go(screen);
        for (String control : WRITE_CONTROLS) {
          assertThat(browser.driver().findElements(By.cssSelector(control)))
              .as(screen + " " + control)
              .isEmpty();
        }
        List<String> buttons =
            browser.driver().findElements(By.cssSelector("#screen button")).stream()
                .map(WebElement::getText)
                .filter(text -> !List.of("Report", "Search", "Newer", "Older").contains(text))
                .toList();
        assertThat(buttons).as("buttons an operator sees on " + screen).isEmpty();
        console.record("operator-" + screen);
      }
      assertThat(browser.cspViolations()).isEmpty();
    }
  }

  private void setMode(Browser browser, ConsolePage console, String mode) {
    new Select(browser.driver().findElement(By.id("mode-choice"))).selectByValue(mode);
    browser.driver().findElement(By.id("mode-reason")).sendKeys("console test");
    browser.driver().findElement(By.cssSelector("#mode-form button")).click();
    console.waitForText(By.id("mode-in-force"), mode);
  }

  private long restoreJobs() {
    return http.get("/api/v1/admin/jobs?type=restore&limit=1", http.adminToken())
        .json()
        .getJsonNumber("total")
        .longValue();
  }

  private static int readInt(Browser browser, String id) {
    return Integer.parseInt(browser.driver().findElement(By.id(id)).getDomProperty("value"));
  }

  private static void until(Browser browser, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(120))
        .pollingEvery(java.time.Duration.ofSeconds(2))
        .until(d -> condition.getAsBoolean());
  }

  private static Path packageFile(String name, byte[] content) throws IOException {
    Path dir = TestEnvironment.projectDir().resolve("target/console-uploads");
    Files.createDirectories(dir);
    return Files.write(dir.resolve(name), content);
  }
}
