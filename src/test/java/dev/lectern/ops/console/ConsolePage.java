package dev.lectern.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Browser;
import dev.lectern.testing.Http;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as a person uses it: sign in, pick a screen from the menu, wait for what it shows.
 */
final class ConsolePage {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final List<String> SCREENS =
      List.of(
          "overview",
          "jobs",
          "imports",
          "backups",
          "mode",
          "control-plane",
          "diagnostics",
          "api-keys",
          "accounts",
          "audit");

  private final Browser browser;
  private final Http http;

  ConsolePage(Browser browser, Http http) {
    this.browser = browser;
    this.http = http;
  }

  void signIn(String username, String password) {
    attemptSignIn(username, password);
    waitForText(By.cssSelector("#screen h2"), "Overview");
  }

  void attemptSignIn(String username, String password) {
    browser.open(http.baseUrl() + "/console/");
    WebElement name = browser.waitFor(By.id("username"), PATIENCE);
    name.clear();
    name.sendKeys(username);
    browser.driver().findElement(By.id("password")).sendKeys(password);
    browser.driver().findElement(By.cssSelector("#sign-in button[type=submit]")).click();
  }

  /** Opens a screen through the menu, as a keyboard or mouse user would, and waits for it. */
  void go(String screen) {
    browser.driver().findElement(By.cssSelector("#nav a[href='#" + screen + "']")).click();
    new WebDriverWait(browser.driver(), PATIENCE)
        .until(
            d ->
                screen.equals(d.findElement(By.id("screen")).getDomAttribute("data-screen"))
                    && !d.findElements(By.cssSelector("#screen h2")).isEmpty());
    settle();
  }

  /** Shows the screen again, so it reads the API afresh. */
  void reload(String screen) {
    go(screen.equals("overview") ? "jobs" : "overview");
    go(screen);
  }

  WebElement waitForText(By locator, String text) {
    new WebDriverWait(browser.driver(), PATIENCE)
        .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    return browser.driver().findElement(locator);
  }

  String notice() {
    return browser.waitFor(By.cssSelector("#notices .notice"), PATIENCE).getText();
  }

  WebElement button(String accessibleName) {
    return browser.waitFor(By.cssSelector("button[aria-label='" + accessibleName + "']"), PATIENCE);
  }

  /** Screenshot and accessibility check of what is on screen now. */
  void record(String name) {
    settle();
    browser.screenshot(name);
    assertThat(browser.axeSeriousViolations()).as("axe on " + name).isEmpty();
    assertThat(browser.driver().findElement(By.id("screen")).getText())
        .as("what " + name + " shows")
        .doesNotContainPattern("\\bnull\\b|undefined|NaN|\\[object ");
  }

  /** Waits until the screen has drawn what the API answered and no action is still running. */
  private void settle() {
    new WebDriverWait(browser.driver(), PATIENCE)
        .until(
            d ->
                (Boolean)
                    browser
                        .driver()
                        .executeScript(
                            "return document.readyState === 'complete'"
                                + " && !document.querySelector('#screen[aria-busy]')"
                                + " && !document.querySelector('#screen button:disabled')"));
  }
}
