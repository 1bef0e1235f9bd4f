package dev.lectern.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for console tests, driven through Debian's chromedriver that {@code bin/dev
 * test} installs: both paths are given to Selenium, so it never downloads a driver or a browser.
 * Each instance has its own profile, deleted on close, so no state leaks between tests, and
 * resolves no host name but localhost, so Chromium's own calls to Google services never leave the
 * machine.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String AXE_WEBJAR = "META-INF/resources/webjars/axe-core/";

  /** Runs axe and answers its serious and critical violations, or the error axe failed with. */
  private static final String RUN_AXE =
      """
      const done = arguments[arguments.length - 1];
      axe.run(document, {resultTypes: ['violations']})
        .then(results => done(results.violations
          .filter(v => v.impact === 'serious' || v.impact === 'critical')
          .map(v => ({id: v.id, impact: v.impact, help: v.help,
                      targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
        .catch(e => done(String(e)));
      """;

  /**
   * Selenium ships devtools bindings for a few Chrome versions only and warns on every start when
   * Debian's chromium is not one of them; nothing here uses devtools.
   */
  private static final Logger CDP_VERSION_LOG =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_LOG.setLevel(Level.OFF);
  }

  private static String axeSource;

  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final List<String> cspViolations = new ArrayList<>();

  public Browser() {
    for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(executable)) {
        throw new IllegalStateException(
            executable + " is missing: 'bin/dev test' installs chromium and chromium-driver");
      }
    }
    try {
      profile = Files.createTempDirectory("lectern-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + profile,
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
    options.setCapability("goog:loggingPrefs", logs);
    // Liberty's HTTPS in tests has a key pair made for the run, trusted by nobody.
    options.setAcceptInsecureCerts(true);
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      Directories.deleteRecursively(profile);
      throw e;
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  /** Waits until an element is visible and answers it. */
  public WebElement waitFor(By locator, Duration limit) {
    return new WebDriverWait(driver, limit)
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Saves the page as {@code target/console-screenshots/<name>.png} and answers its path. */
  public Path screenshot(String name) {
    Path file =
        TestEnvironment.projectDir()
            .resolve("target/console-screenshots/" + name + ".png")
            .toAbsolutePath()
            .normalize();
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * The serious and critical accessibility violations axe finds on the current page, one line each:
   * rule, impact, help and the first elements at fault. WebDriver scripts are not subject to the
   * page's Content-Security-Policy, so axe runs on pages that allow no script but their own.
   */
  public List<String> axeSeriousViolations() {
    if (!Boolean.TRUE.equals(driver.executeScript("return typeof axe === 'object'"))) {
      driver.executeScript(axeSource());
    }
    Object result = driver.executeAsyncScript(RUN_AXE);
    if (!(result instanceof List<?> violations)) {
      throw new IllegalStateException("axe failed on " + driver.getCurrentUrl() + ": " + result);
    }
    List<String> lines = new ArrayList<>();
    for (Object violation : violations) {
      Map<?, ?> v = (Map<?, ?>) violation;
      lines.add(
          v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("targets"));
    }
    return lines;
  }

  /**
   * Every Content-Security-Policy violation the browser reported since it started, read from its
   * console log: a listener added by a script would miss those before it was added.
   */
  public List<String> cspViolations() {
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getMessage().contains("Content Security Policy")) {
        cspViolations.add(entry.getMessage());
      }
    }
    return List.copyOf(cspViolations);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      Directories.deleteRecursively(profile);
    }
  }

  private static synchronized String axeSource() {
    if (axeSource == null) {
      ClassLoader loader = Browser.class.getClassLoader();
      Properties pom = new Properties();
      try (InputStream in =
          loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
        if (in == null) {
          throw new IllegalStateException("the axe-core webjar is not on the test classpath");
        }
        pom.load(in);
        try (InputStream axe =
            loader.getResourceAsStream(AXE_WEBJAR + pom.getProperty("version") + "/axe.min.js")) {
          axeSource = new String(axe.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axeSource;
  }
}
