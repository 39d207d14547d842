package org.briefbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.briefbot.answer.Alternative;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The chat page in a real headless Chromium against the real server: ask, see the answer and its
 * source, follow up, vote, open an entity, all by keyboard too, on a phone-sized window, and
 * embedded in another site's page with one script tag.
 */
class ChatPageIT {
  private static final String DEAL = "How much is the AWS deal worth?";
  @TempDir static Path folder;
  private static WebFixture web;
  private Chromium chromium;
  private WebDriver page;

  @BeforeAll
  static void start() {
    Chromium.assumeInstalled();
    web = WebFixture.start(folder, WebFixture.generous());
  }

  @AfterAll
  static void stop() {
    if (web != null) {
      web.close();
    }
  }

  @BeforeEach
  void open() {
    chromium = Chromium.shared(Chromium.DESKTOP);
    page = chromium.driver();
    page.get(web.server.url().toString());
  }

  @AfterEach
  void noScriptErrors() {
    // chat.js reports failures in the page; a script error would leave the log empty or stale.
    assertThat(page.findElements(By.cssSelector(".turn.error"))).isEmpty();
  }

  private List<WebElement> answers() {
    return page.findElements(By.cssSelector("#log .turn.bot"));
  }

  /** Types into the question field and waits for the reply to appear. */
  private WebElement ask(String question) {
    int before = answers().size();
    WebElement field = page.findElement(By.id("question"));
    field.sendKeys(question, Keys.ENTER);
    return awaitAnswer(before);
  }

  private WebElement awaitAnswer(int before) {
    chromium.waitUntil(d -> answers().size() > before);
    return answers().get(answers().size() - 1);
  }

  private String expectedKeySentence(String question) {
    return web.library.current().answerer().answer(question).best().orElseThrow().keySentence();
  }

  @Test
  void asksAndShowsTheAnswerWithItsKeySentenceInBoldAndItsSource() {
    WebElement answer = ask(DEAL);

    assertThat(answer.findElement(By.cssSelector(".passage strong")).getText())
        .isEqualTo(expectedKeySentence(DEAL));
    String title = web.library.current().answerer().articles().get(0).title();
    assertThat(answer.findElement(By.cssSelector(".source")).getText())
        .startsWith("Source: " + title);
    assertThat(page.findElement(By.cssSelector("#log .turn.you")).getText()).isEqualTo(DEAL);
    assertThat(page.findElement(By.id("log")).getAttribute("aria-live")).isEqualTo("polite");
  }

  @Test
  void followsUpWithTheTellMeMoreButton() {
    WebElement first = ask(DEAL);
    String firstText = first.findElement(By.cssSelector(".passage")).getText();

    int before = answers().size();
    first.findElement(By.xpath(".//button[text()='Tell me more']")).click();
    WebElement more = awaitAnswer(before);

    assertThat(page.findElements(By.cssSelector("#log .turn.you")).get(1).getText())
        .isEqualTo("tell me more");
    assertThat(more.findElement(By.cssSelector(".passage")).getText())
        .isNotBlank()
        .isNotEqualTo(firstText);
  }

  @Test
  void twoQuestionsInOneMessageAnswerOneAndOfferTheOtherAsAButtonThatAsksIt() {
    String bitcoin = "Is bitcoin a good buy right now?";
    WebElement answer = ask(bitcoin + " What chips will OpenAI use?");

    assertThat(answer.findElement(By.cssSelector(".passage")).getText()).contains("Trainium");
    chromium.screenshot(Path.of("target", "screenshots", "chat-also-asked.png"));
    int before = answers().size();
    answer.findElement(By.cssSelector("button.also-asked")).click();
    WebElement asked = awaitAnswer(before);

    assertThat(page.findElements(By.cssSelector("#log .turn.you")).get(1).getText())
        .isEqualTo(bitcoin);
    assertThat(web.library.current().answerer().answer(bitcoin).answered()).isFalse();
    assertThat(asked.findElements(By.cssSelector(".passage"))).isEmpty();
    assertThat(asked.findElements(By.cssSelector("button.also-asked"))).isEmpty();
  }

  /** "what's new?" lists the stories as on Telegram; choosing one shows its key points. */
  @Test
  void whatsNewListsTheStoriesAndOneOpensItsKeyPoints() {
    String title = web.library.current().answerer().articles().get(0).title();
    WebElement latest = ask("what's new?");
    int before = answers().size();

    latest.findElement(By.cssSelector("button.choice")).click();
    WebElement points = awaitAnswer(before);
    chromium.screenshot(Path.of("target", "screenshots", "chat-latest.png"));

    assertThat(latest.getText()).startsWith("The latest stories:");
    assertThat(page.findElements(By.cssSelector("#log .turn.you")).get(1).getText())
        .isEqualTo(title);
    assertThat(points.findElement(By.cssSelector(".story .title")).getText()).isEqualTo(title);
    assertThat(points.findElements(By.cssSelector(".story .points li"))).isNotEmpty();
  }

  @Test
  void votesAnAnswerUpAndTheStoreCountsIt() {
    long upBefore = web.store.admin().stats(Instant.EPOCH).upVotes();
    WebElement answer = ask(DEAL);

    WebElement up = answer.findElement(By.cssSelector("button[aria-label=Helpful]"));
    up.click();

    chromium.waitUntil(d -> "true".equals(up.getAttribute("aria-pressed")));
    assertThat(answer.findElement(By.cssSelector(".votes [role=status]")).getText())
        .isEqualTo("Thanks for the feedback");
    assertThat(web.store.admin().stats(Instant.EPOCH).upVotes()).isEqualTo(upBefore + 1);
  }

  @Test
  void anEntityChipOpensItsNoteAndClosingReturnsFocusToTheChip() {
    WebElement answer = ask(DEAL);
    WebElement chip = answer.findElements(By.cssSelector(".chips .chip")).get(0);
    String name = chip.getText();

    chip.click();
    WebElement dialog = page.findElement(By.id("entity"));
    chromium.waitUntil(d -> dialog.isDisplayed());

    assertThat(page.findElement(By.id("entity-name")).getText()).isEqualTo(name);
    assertThat(active().getAttribute("id")).isEqualTo("entity-close");
    new Actions(page).sendKeys(Keys.ESCAPE).perform();
    chromium.waitUntil(d -> !dialog.isDisplayed());
    assertThat(active().getText()).isEqualTo(name);
  }

  private WebElement active() {
    return page.switchTo().activeElement();
  }

  @Test
  void worksWithTheKeyboardAlone() {
    // The page focuses the field as it loads, which on a busy machine is after get() returns.
    chromium.waitUntil(d -> "question".equals(active().getAttribute("id")));
    new Actions(page).sendKeys(DEAL, Keys.ENTER).perform();
    WebElement answer = awaitAnswer(0);
    assertThat(active().getAttribute("id")).isEqualTo("question");

    // Shift-Tab back from the field walks the answer's controls, last first: the vote buttons.
    new Actions(page).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    assertThat(active().getAttribute("aria-label")).isEqualTo("Not helpful");
    new Actions(page).keyDown(Keys.SHIFT).sendKeys(Keys.TAB, Keys.TAB).keyUp(Keys.SHIFT).perform();
    assertThat(active().getText()).isEqualTo("Why?");
    new Actions(page).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    assertThat(active().getText()).isEqualTo("Tell me more");
    new Actions(page).sendKeys(Keys.ENTER).perform();

    WebElement more = awaitAnswer(1);
    assertThat(more.findElement(By.cssSelector(".passage")).getText())
        .isNotEqualTo(answer.findElement(By.cssSelector(".passage")).getText());
    assertThat(active().getAttribute("id")).isEqualTo("question");
  }

  @Test
  void showsMarkupInAQuestionAsText() {
    String hostile = "<img src=x onerror=alert(1)> <b>bold</b>?";
    ask(hostile);

    WebElement asked = page.findElement(By.cssSelector("#log .turn.you"));
    assertThat(asked.getText()).isEqualTo(hostile);
    assertThat(asked.findElements(By.cssSelector("img, b"))).isEmpty();
  }

  @Test
  void fitsAPhoneWithoutSidewaysScrolling() {
    page.manage().window().setSize(Chromium.PHONE);
    page.navigate().refresh();
    ask(DEAL);

    JavascriptExecutor js = (JavascriptExecutor) page;
    long scrollWidth = (Long) js.executeScript("return document.documentElement.scrollWidth");
    long width = (Long) js.executeScript("return document.documentElement.clientWidth");
    assertThat(scrollWidth).isLessThanOrEqualTo(width);
    assertThat(page.findElement(By.id("send")).isDisplayed()).isTrue();
    chromium.screenshot(Path.of("target", "screenshots", "chat-phone.png"));
  }

  @Test
  void opensTheOtherPassagesAndShowsTheirSectionsByTheirHeadings() {
    ask("Which chips will OpenAI use to train its models?");
    WebElement answer = ask(DEAL);
    WebElement others = answer.findElement(By.cssSelector("details"));
    others.findElement(By.tagName("summary")).click();

    assertThat(others.getAttribute("open")).isNotNull();
    List<WebElement> meta = others.findElements(By.cssSelector(".meta"));
    assertThat(meta).isNotEmpty();
    assertThat(meta).allSatisfy(m -> assertThat(m.getText()).doesNotContain("_"));
    others.findElement(By.tagName("summary")).click();
    chromium.screenshot(Path.of("target", "screenshots", "chat-desktop.png"));
  }

  @Test
  void aDeclineThatCameCloseQuotesThePassagesThatDidThenFoldsTheTopics() {
    String question = "what is nvidias share price today";
    List<String> close =
        web.library.current().answerer().answer(question).closestPassages().stream()
            .map(Alternative.Passage::text)
            .toList();
    assertThat(close).hasSizeGreaterThan(1);

    WebElement reply = ask(question);

    assertThat(reply.getText()).contains("I'm not sure my articles answer that.");
    assertThat(reply.findElements(By.cssSelector(".closest q")))
        .extracting(q -> q.getAttribute("textContent"))
        .containsExactlyElementsOf(close);
    assertThat(reply.findElements(By.cssSelector(".closest .meta")))
        .allSatisfy(m -> assertThat(m.getText()).doesNotContain("_").contains(" · "));
    WebElement topics = reply.findElement(By.cssSelector("details"));
    assertThat(topics.findElement(By.tagName("summary")).getAttribute("textContent"))
        .startsWith("Closest topics (");
    chromium.screenshot(Path.of("target", "screenshots", "chat-decline.png"));
  }

  @Test
  void aDeclineWithNothingCloseSaysSoAndQuotesNothing() {
    WebElement reply = ask("What is the capital of Australia?");

    assertThat(reply.getText()).contains("I could not find that in the articles.");
    assertThat(reply.findElements(By.cssSelector(".closest"))).isEmpty();
  }

  /** A reply the bot qualifies says so above it, as on Telegram: here, the one story searched. */
  @Test
  void aNoticeOnHowTheMessageWasReadIsShownAboveTheReply() {
    WebElement reply = ask("/in aws-openai-trainium What is the capital of Australia?");

    assertThat(reply.findElement(By.cssSelector(".notice")).getText())
        .startsWith("I looked only in \"Amazon secures")
        .endsWith("the story you chose.");
    assertThat(ask(DEAL).findElements(By.cssSelector(".notice"))).isEmpty();
  }

  @Test
  void oneScriptTagEmbedsTheChatOnAnotherSitesPage() throws Exception {
    String site =
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>News site</title></head>"
            + "<body><h1>Today's news</h1>"
            + "<script src=\""
            + web.server.url().resolve("/embed.js")
            + "\"></script></body></html>";
    HttpHandler sitePage =
        exchange ->
            Exchanges.send(
                exchange, 200, "text/html; charset=utf-8", site.getBytes(StandardCharsets.UTF_8));
    try (WebServer other =
        WebServer.start(
            BriefbotConfig.defaults().web().onPort(0), List.of(new Mount("/", sitePage)))) {
      // localhost and 127.0.0.1 are different origins: the widget runs cross-site.
      page.get("http://localhost:" + other.port() + "/");
      WebElement frame =
          chromium.waitUntil(d -> d.findElement(By.cssSelector("iframe.briefbot-embed")));
      assertThat(frame.getAttribute("title")).isEqualTo("Ask briefbot about the news");

      page.switchTo().frame(frame);
      try {
        chromium.waitUntil(d -> d.findElement(By.id("question")).isDisplayed());
        assertThat(page.findElement(By.cssSelector(".top")).isDisplayed()).isFalse();
        WebElement answer = ask(DEAL);
        assertThat(answer.findElement(By.cssSelector(".passage strong")).getText())
            .isEqualTo(expectedKeySentence(DEAL));
      } finally {
        page.switchTo().defaultContent();
      }
    }
  }
}
