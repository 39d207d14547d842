package org.briefbot.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for browser tests (failsafe {@code *IT}), driven by Selenium through
 * Debian's chromedriver: {@code apt-get install chromium chromium-driver} ({@code .ci/run} does).
 * Each instance has a fresh profile under {@code target/chromium/}, and {@link #close()} quits the
 * browser and stops the driver; tests take the JVM's one browser, {@link #shared}, reset for them.
 * Tests call {@link #assumeInstalled()} first, so that a machine without the driver skips them, as
 * store tests skip without PostgreSQL.
 *
 * <pre>{@code
 * Chromium.assumeInstalled();
 * Chromium chromium = Chromium.shared(Chromium.DESKTOP);
 * WebDriver page = chromium.driver();
 * page.get(url);
 * chromium.waitUntil(d -> d.findElement(By.id("log")).isDisplayed());
 * }</pre>
 */
public final class Chromium implements AutoCloseable {
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path BROWSER = Path.of("/usr/bin/chromium");

  /** A laptop's window. */
  public static final Dimension DESKTOP = new Dimension(1280, 800);

  /** A phone's window (a 6.1" phone in CSS pixels). */
  public static final Dimension PHONE = new Dimension(390, 844);

  /** Long enough for a cold JVM's first answer on a busy machine; waits end as soon as met. */
  public static final Duration WAIT = Duration.ofSeconds(30);

  private static Chromium shared; // guarded by Chromium.class

  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private Chromium(ChromeDriverService service, ChromeDriver driver) {
    this.service = service;
    this.driver = driver;
  }

  /** Skips the calling test when chromedriver is not installed. */
  public static void assumeInstalled() {
    assumeTrue(
        Files.isExecutable(DRIVER),
        DRIVER + " is not installed (apt-get install chromium chromium-driver): skipped");
  }

  /**
   * This JVM's browser with a window of {@code size}, on a blank page and without cookies or cached
   * files: started on first use (a start costs seconds and most of a core), quit when the JVM
   * exits. Callers do not close it. Browser tests run one at a time in a JVM, as failsafe runs its
   * classes, so one test's page is never another's.
   */
  public static synchronized Chromium shared(Dimension size) {
    if (shared == null) {
      Chromium started = start(size);
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "chromium-quit"));
      shared = started;
    }
    shared.reset(size);
    return shared;
  }

  private void reset(Dimension size) {
    driver.get("about:blank");
    // Cookies are kept per host, not per port: a desk session would outlive its test's server.
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
    driver.manage().window().setSize(size);
  }

  /** A headless Chromium with a window of {@code size} and a fresh profile. */
  public static Chromium start(Dimension size) {
    Path profile = freshProfile();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=" + size.getWidth() + "," + size.getHeight());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(java.io.OutputStream.nullOutputStream())
            .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(WAIT);
      return new Chromium(service, driver);
    } catch (RuntimeException e) {
      service.stop();
      throw e;
    }
  }

  private static Path freshProfile() {
    try {
      Path parent = Files.createDirectories(Path.of("target", "chromium"));
      return Files.createTempDirectory(parent, "profile-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a Chromium profile under target/", e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** Waits up to {@link #WAIT} for {@code condition} to hold (be true or non-null). */
  public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition::apply);
  }

  /** A PNG of the window as it is now. */
  public byte[] screenshot() {
    return driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
  }

  /** Saves a PNG of the window to {@code file}, creating its folder. */
  public Path screenshot(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.write(file, screenshot());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write screenshot " + file, e);
    }
  }

  /** Quits the browser and stops the driver. */
  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
    }
  }
}
