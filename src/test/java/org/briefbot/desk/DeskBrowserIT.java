package org.briefbot.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.briefbot.TestKnowledge;
import org.briefbot.conversation.Conversation;
import org.briefbot.store.AnswerRecord;
import org.briefbot.store.Channel;
import org.briefbot.store.Store;
import org.briefbot.testing.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * An editor's session in a real headless Chromium ({@link Chromium}: Debian's, through its driver):
 * log in, see the charts, add a question's wording to an FAQ item and see the bot answer it after
 * the reload, mark another question out of scope. Leaves screenshots of the desk in
 * target/desk-screenshots/ (docs/img/desk.png is one of them).
 */
class DeskBrowserIT {
  static final Path SCREENSHOTS = Path.of("target/desk-screenshots");

  private static final String WORDING = "How pricey is the cloud pact?";
  private static final String WEATHER = "What will the weather be like in Lisbon on Sunday?";

  @TempDir Path dir;
  private DeskServer server;
  private Chromium chromium;
  private WebDriver browser;

  @BeforeEach
  void start() throws IOException {
    Chromium.assumeInstalled();
    Path knowledge = TestKnowledge.copyShipped(dir.resolve("knowledge"));
    String url = "jdbc:sqlite:" + dir.resolve("briefbot.db");
    server = DeskServer.start(knowledge, url);
    aWeekOfTraffic(url);
    chromium = Chromium.shared(new Dimension(1100, 1500));
    browser = chromium.driver();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /**
   * Questions over the last seven days, recorded by the store at those days as the channels record
   * them, so the charts have days to draw; today's come from the reader's own questions.
   */
  private void aWeekOfTraffic(String url) {
    Conversation conversation = server.library.current();
    List<String> questions =
        List.of(
            "How much is the AWS deal worth?",
            "What are Trainium chips?",
            "Who won the 2018 World Cup?",
            "Is the deal a threat to NVIDIA?",
            WEATHER);
    Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(9));
    for (int daysAgo = 6; daysAgo >= 0; daysAgo--) {
      Clock then = Clock.fixed(today.minus(Duration.ofDays(daysAgo)), ZoneOffset.UTC);
      try (Store store = Store.open(url, then)) {
        for (int i = 0; i <= (daysAgo * 3) % 5; i++) {
          String question = questions.get((daysAgo + i) % questions.size());
          var answer = conversation.answerer().answer(question);
          store.recordAnswer(
              AnswerRecord.of(
                  i % 2 == 0 ? Channel.WEB : Channel.TELEGRAM,
                  daysAgo,
                  i,
                  answer,
                  answer.best().map(b -> b.text()),
                  0.5));
        }
      }
    }
    var pricey = conversation.answerer().answer(WORDING);
    try (Store store = Store.open(url, Clock.systemUTC())) {
      store.recordAnswer(
          AnswerRecord.of(Channel.WEB, 1, 1, pricey, pricey.best().map(b -> b.text()), 0.5));
    }
  }

  private String open(String path) {
    browser.get(server.uri(path).toString());
    return browser.getCurrentUrl();
  }

  private void logIn() {
    assertThat(open("/desk")).endsWith("/desk/login");
    browser.findElement(By.id("secret")).sendKeys(DeskServer.SECRET);
    browser.findElement(By.cssSelector("form[action='/desk/login'] button")).click();
    chromium.waitUntil(d -> d.getCurrentUrl().endsWith("/desk"));
  }

  @Test
  void anEditorLogsInSeesTheChartsAddsAWordingAndMarksAQuestionOutOfScope() {
    logIn();

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
    WebElement chart = browser.findElement(By.id("questions-chart"));
    assertThat(chart.getAttribute("role")).isEqualTo("img");
    assertThat(chart.findElements(By.cssSelector("rect.asked"))).hasSize(30);
    assertThat(chart.getRect().getWidth()).isGreaterThan(300);
    assertThat(browser.findElement(By.id("share-chart")).findElements(By.cssSelector("rect.share")))
        .hasSize(7);
    assertThat(browser.findElement(By.id("per-day")).getAttribute("textContent"))
        .contains("Share answered");
    screenshot("desk.png");

    open("/desk/questions");
    WebElement pricey = group(WORDING);
    pricey.findElement(By.tagName("summary")).click();
    pricey
        .findElement(By.cssSelector("select[name='item'] option[value='aws-openai-trainium#0']"))
        .click();
    pricey.findElement(By.cssSelector("form[action='/desk/faq/add'] button")).click();

    assertThat(chromium.waitUntil(d -> d.findElement(By.cssSelector("p.notice"))).getText())
        .contains("Added the wording to FAQ item aws-openai-trainium#0")
        .contains("the knowledge was reloaded");
    assertThat(browser.findElement(By.id("now-answered")).getText()).contains("$138 billion");

    open("/desk/test");
    browser.findElement(By.id("q")).sendKeys(WORDING);
    browser.findElement(By.cssSelector("form[role='search'] button")).click();
    assertThat(chromium.waitUntil(d -> d.findElement(By.id("verdict"))).getText())
        .contains("from aws-openai-trainium#curated_faq#0");
    assertThat(browser.findElements(By.cssSelector("#candidates tbody tr"))).isNotEmpty();
    screenshot("desk-test-pane.png");

    open("/desk/questions");
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(WORDING);
    WebElement weather = group(WEATHER);
    weather.findElement(By.tagName("summary")).click();
    screenshot("desk-questions.png");
    weather.findElement(By.cssSelector("form[action='/desk/scope'] button")).click();

    chromium.waitUntil(d -> !d.getPageSource().contains("Lisbon"));
    assertThat(browser.getCurrentUrl()).endsWith("/desk/questions");
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Lisbon");
  }

  @Test
  void withoutLoggingInEveryPageLeadsToTheLoginForm() {
    for (String page : List.of("/desk", "/desk/questions", "/desk/review", "/desk/test?q=x")) {
      assertThat(open(page)).endsWith("/desk/login");
      assertThat(browser.findElement(By.tagName("main")).getText())
          .contains("Editors log in with the desk's secret.");
    }
    browser.findElement(By.id("secret")).sendKeys("not the secret at all");
    browser.findElement(By.cssSelector("form[action='/desk/login'] button")).click();
    assertThat(chromium.waitUntil(d -> d.findElement(By.cssSelector("p.problem"))).getText())
        .isEqualTo("Wrong secret.");
  }

  private WebElement group(String question) {
    return browser.findElements(By.cssSelector("li.group")).stream()
        .filter(li -> li.findElement(By.cssSelector("strong.question")).getText().equals(question))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no group for " + question));
  }

  private void screenshot(String name) {
    chromium.screenshot(SCREENSHOTS.resolve(name));
  }
}
