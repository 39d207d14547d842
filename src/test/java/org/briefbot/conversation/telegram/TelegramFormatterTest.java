package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.briefbot.answer.Alternative;
import org.briefbot.answer.Answer;
import org.briefbot.answer.EntityCard;
import org.briefbot.answer.Source;
import org.briefbot.conversation.Reply;
import org.junit.jupiter.api.Test;

/** Formatting on hand-made answers whose text is hostile to HTML. */
class TelegramFormatterTest {
  private final TelegramFormatter formatter = new TelegramFormatter();

  @Test
  void linksTheSourceTitleToTheArticleEscapingTheAddress() {
    Source source =
        new Source(
            "a#faq#0",
            "Text.",
            "Text.",
            "a",
            "Title & more",
            "faq",
            "FAQ",
            Optional.of("https://example.com/a?x=1&y=\"2\""));
    Answer answer =
        new Answer("q", Answer.Kind.PASSAGE, 0.9, Optional.of(source), List.of(), List.of());

    String html = formatter.format(new Reply.Answered(answer, Optional.empty())).html();

    assertThat(html)
        .contains(
            "📰 <a href=\"https://example.com/a?x=1&amp;y=&quot;2&quot;\"><i>Title &amp; more</i></a>"
                + " · FAQ");
    TelegramHtml.assertValid(html);
  }

  @Test
  void escapesEverythingAndEmphasisesTheKeySentence() {
    Source source =
        new Source(
            "a#faq#0",
            "Chips <b>matter</b> & so do \"prices\". AT&T <script> is not involved.",
            "AT&T <script> is not involved.",
            "a",
            "Title with <i>tags</i> & more",
            "faq",
            "FAQ");
    EntityCard card =
        new EntityCard(
            "AT&T", "telecom <company>", "A \"phone\" company & more.", List.of(), List.of());
    Answer answer =
        new Answer("q", Answer.Kind.PASSAGE, 0.9, Optional.of(source), List.of(card), List.of());

    Rendered rendered =
        formatter.format(new Reply.Answered(answer, Optional.of("Your <message> was long")));

    assertThat(rendered.html())
        .isEqualTo(
            """
        <i>Your &lt;message&gt; was long</i>

        Chips &lt;b&gt;matter&lt;/b&gt; &amp; so do &quot;prices&quot;. <b>AT&amp;T &lt;script&gt; is not involved.</b>

        📰 <i>Title with &lt;i&gt;tags&lt;/i&gt; &amp; more</i> · FAQ""");
    TelegramHtml.assertValid(rendered.html());
  }

  @Test
  void aKeySentenceThatRefersBackIsLedInByTheSentenceNamingWhatItMeans() {
    String named = "Abu al-Qasim al-Zahrawi pioneered the preparation of medicines by sublimation.";
    String key = "His Liber servitoris explains how to prepare the simples.";
    String text = "A".repeat(200) + ". " + named + " " + key + " " + "B".repeat(200) + ".";
    Source source = new Source("art#bg#0", text, key, "art", "Article", "bg", "Background");
    Answer answer =
        new Answer("q", Answer.Kind.PASSAGE, 0.9, Optional.of(source), List.of(), List.of());

    Reply.Answered reply = new Reply.Answered(answer, Optional.empty());

    assertThat(reply.cut()).isTrue();
    assertThat(reply.shown()).isEqualTo(named + " " + key);
    assertThat(formatter.format(reply).html())
        .startsWith(named + " <b>" + key + "</b>\n\n📰 <i>Article</i>");
  }

  @Test
  void aKeySentenceLedInToTheWholePassageShowsItAllWithNoButtonForMore() {
    String named =
        "Abu al-Qasim al-Zahrawi pioneered the preparation of medicines, " + "C".repeat(150) + ".";
    String key =
        "His Liber servitoris explains how to prepare the simples, " + "D".repeat(100) + ".";
    Source source =
        new Source("art#bg#0", named + " " + key, key, "art", "Article", "bg", "Background");
    Answer answer =
        new Answer("q", Answer.Kind.PASSAGE, 0.9, Optional.of(source), List.of(), List.of());

    Reply.Answered reply = new Reply.Answered(answer, Optional.empty());

    assertThat(reply.cut()).isFalse();
    assertThat(reply.shown()).isEqualTo(named + " " + key);
  }

  @Test
  void aLongPassageIsLedByItsKeySentenceAloneWithTheWholePassageBehindAButton() {
    String key = "The deal is worth $138 billion.";
    String text = "A".repeat(200) + ". " + key + " " + "B".repeat(200) + ".";
    Source source =
        new Source("art#faq#0", text, key, "art", "Article", "faq", "Frequently Asked Questions");
    Answer answer =
        new Answer("q", Answer.Kind.PASSAGE, 0.9, Optional.of(source), List.of(), List.of());

    Rendered lead = formatter.format(new Reply.Answered(answer, Optional.empty()));
    Rendered whole =
        formatter.format(
            new Reply.Answered(answer, Optional.empty(), Reply.Layout.WHOLE, List.of()));

    assertThat(lead.html())
        .isEqualTo(
            "<b>The deal is worth $138 billion.</b>\n\n📰 <i>Article</i> · Frequently Asked Questions");
    assertThat(lead.keyboard().get(0))
        .containsExactly(
            new Button(TelegramFormatter.WHOLE_PASSAGE, "/whole art#faq#0", Button.Tap.EDIT),
            new Button(TelegramFormatter.MORE_FROM_ARTICLE, "/more art", Button.Tap.SEND));
    assertThat(whole.html()).startsWith("AAA").contains("<b>" + key + "</b> BBB");
    assertThat(whole.keyboard().get(0))
        .containsExactly(
            new Button(TelegramFormatter.MORE_FROM_ARTICLE, "/more art", Button.Tap.SEND));
  }

  @Test
  void anAnswerHasAlternativeEntityAndMoreButtons() {
    Source source =
        new Source(
            "art#background#0",
            "Text.",
            "Text.",
            "art",
            "Article",
            "background",
            "Context & Background");
    EntityCard openAi =
        new EntityCard("OpenAI", "company", "Research lab.", List.of("Article"), List.of());
    Answer answer =
        new Answer("q", Answer.Kind.PASSAGE, 0.8, Optional.of(source), List.of(openAi), List.of());
    Reply.Offer other =
        new Reply.Offer(
            "Frequently Asked Questions: Another passage about chips", "/passage art#faq#2");

    List<List<Button>> keyboard =
        formatter
            .format(new Reply.Answered(answer, Optional.empty(), Reply.Layout.LEAD, List.of(other)))
            .keyboard();

    assertThat(keyboard)
        .containsExactly(
            List.of(new Button("📖 More from this article", "/more art", Button.Tap.SEND)),
            List.of(
                new Button(
                    "🔎 Frequently Asked Questions: Another passage…",
                    "/passage art#faq#2",
                    Button.Tap.SEND)),
            List.of(new Button("ℹ️ OpenAI", "/entity OpenAI", Button.Tap.SEND)));
  }

  @Test
  void theMessagesOtherQuestionsAreTheFirstButtonsOfAnyReply() {
    Source source = new Source("art#faq#0", "Text.", "Text.", "art", "Article", "faq", "FAQ");
    Answer answer =
        new Answer("q", Answer.Kind.PASSAGE, 0.8, Optional.of(source), List.of(), List.of());
    Answer declined =
        new Answer("q", Answer.Kind.DECLINED, 0.1, Optional.empty(), List.of(), List.of());
    List<String> others =
        List.of("Who signed it?", "And what does the deal mean for NVIDIA's data centre business?");

    for (Answer replied : List.of(answer, declined)) {
      List<List<Button>> keyboard =
          formatter
              .format(
                  new Reply.Answered(
                      replied, Optional.empty(), Reply.Layout.LEAD, List.of(), others))
              .keyboard();

      assertThat(keyboard.subList(0, 2))
          .containsExactly(
              List.of(new Button("❓ Who signed it?", "/ask Who signed it?", Button.Tap.SEND)),
              List.of(
                  new Button(
                      "❓ And what does the deal mean for NVIDIA's data…",
                      "/ask " + others.get(1),
                      Button.Tap.SEND)));
    }
  }

  @Test
  void aDeclineSaysSoAndOffersTopicsThatReplaceIt() {
    Alternative topic = new Alternative.Topic("art", "The chip race", 0.1);
    Alternative entity = new Alternative.Entity("NVIDIA", 0.1);
    Answer declined =
        new Answer(
            "q", Answer.Kind.DECLINED, 0.1, Optional.empty(), List.of(), List.of(topic, entity));

    Rendered rendered = formatter.format(new Reply.Answered(declined, Optional.empty()));

    assertThat(rendered.html())
        .isEqualTo(
            Html.escape(TelegramFormatter.DECLINED) + "\nThese are the closest topics I know:");
    assertThat(rendered.keyboard())
        .containsExactly(
            List.of(new Button("📰 The chip race", "/more art", Button.Tap.EDIT)),
            List.of(new Button("ℹ️ NVIDIA", "/entity NVIDIA", Button.Tap.EDIT)));
  }

  @Test
  void aDeclineThatCameCloseQuotesTheClosestAndOffersEachPassageThatDidAsAButton() {
    Alternative closest =
        new Alternative.Passage(
            "art#faq#1", "Prices <may> drop & then rise.", "art", "The chip race", "faq", 0.2);
    Alternative other =
        new Alternative.Passage(
            "art#next#2", "The regulator rules in June.", "art", "The chip race", "next", 0.15);
    Alternative topic = new Alternative.Topic("art", "The chip race", 0.2);
    Answer declined =
        new Answer(
            "q",
            Answer.Kind.DECLINED,
            0.2,
            Optional.empty(),
            List.of(),
            List.of(closest, other, topic));

    Rendered rendered = formatter.format(new Reply.Answered(declined, Optional.empty()));

    assertThat(rendered.html())
        .isEqualTo(
            Html.escape(TelegramFormatter.NOT_SURE)
                + " The closest I found:\n<i>“Prices &lt;may&gt; drop &amp; then rise.”</i>");
    assertThat(rendered.keyboard())
        .containsExactly(
            List.of(
                new Button(
                    TelegramFormatter.READ_PASSAGE, "/passage art#faq#1 q", Button.Tap.SEND)),
            List.of(
                new Button(
                    "🔎 The regulator rules in June.", "/passage art#next#2 q", Button.Tap.SEND)),
            List.of(new Button("📰 The chip race", "/more art", Button.Tap.EDIT)));
    TelegramHtml.assertValid(rendered.html());
  }

  @Test
  void anArticlesKeyPointsAreBulletsWithAButtonPerSection() {
    Reply.Article article =
        new Reply.Article(
            "The <chip> race",
            "2024-11-03",
            List.of(
                new Reply.Item("One.", "Key Takeaways", "/passage a#key_takeaway#0"),
                new Reply.Item("Two & three.", "Key Takeaways", "/passage a#key_takeaway#1")),
            List.of(
                new Reply.Item("Why It Matters", "", "/section a why_it_matters"),
                new Reply.Item("What Happens Next", "", "/section a what_happens_next"),
                new Reply.Item("Frequently Asked Questions", "", "/section a faq")));

    Rendered rendered = formatter.format(article);

    assertThat(rendered.html())
        .isEqualTo(
            """
        <b>The &lt;chip&gt; race</b>
        <i>2024-11-03</i>

        • One.
        • Two &amp; three.""");
    assertThat(rendered.keyboard())
        .containsExactly(
            List.of(
                new Button("📑 Why It Matters", "/section a why_it_matters", Button.Tap.SEND),
                new Button(
                    "📑 What Happens Next", "/section a what_happens_next", Button.Tap.SEND)),
            List.of(
                new Button("📑 Frequently Asked Questions", "/section a faq", Button.Tap.SEND)));
  }
}
