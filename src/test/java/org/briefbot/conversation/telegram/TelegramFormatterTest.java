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

        📰 <i>Title with &lt;i&gt;tags&lt;/i&gt; &amp; more</i> · FAQ

        ℹ️ <b>AT&amp;T</b> (telecom &lt;company&gt;): A &quot;phone&quot; company &amp; more.""");
    TelegramHtml.assertValid(rendered.html());
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
    Alternative other =
        new Alternative.Passage(
            "art#faq#2",
            "Another passage about chips and clouds and prices.",
            "art",
            "Article",
            "faq",
            0.5);
    Answer answer =
        new Answer(
            "q", Answer.Kind.PASSAGE, 0.8, Optional.of(source), List.of(openAi), List.of(other));

    List<List<Button>> keyboard =
        formatter.format(new Reply.Answered(answer, Optional.empty())).keyboard();

    assertThat(keyboard)
        .containsExactly(
            List.of(
                new Button(
                    "🔎 Another passage about chips and clouds and…",
                    "/passage art#faq#2",
                    Button.Tap.SEND)),
            List.of(new Button("ℹ️ OpenAI", "/entity OpenAI", Button.Tap.SEND)),
            List.of(new Button("📖 More from this article", "/more art", Button.Tap.SEND)));
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
  void aDeclineThatCameCloseOffersThePassageFirstAsAButton() {
    Alternative closest =
        new Alternative.Passage(
            "art#faq#1", "Prices <may> drop & then rise.", "art", "The chip race", "faq", 0.2);
    Alternative topic = new Alternative.Topic("art", "The chip race", 0.2);
    Answer declined =
        new Answer(
            "q", Answer.Kind.DECLINED, 0.2, Optional.empty(), List.of(), List.of(closest, topic));

    Rendered rendered = formatter.format(new Reply.Answered(declined, Optional.empty()));

    assertThat(rendered.html())
        .isEqualTo(
            Html.escape(TelegramFormatter.NOT_SURE)
                + " The closest I found:\n<i>“Prices &lt;may&gt; drop &amp; then rise.”</i>");
    assertThat(rendered.keyboard())
        .containsExactly(
            List.of(
                new Button(TelegramFormatter.READ_PASSAGE, "/passage art#faq#1", Button.Tap.SEND)),
            List.of(new Button("📰 The chip race", "/more art", Button.Tap.EDIT)));
    TelegramHtml.assertValid(rendered.html());
  }

  @Test
  void anArticleListingIsGroupedBySectionWithoutButtons() {
    Reply.Listing listing =
        new Reply.Listing(
            "The <chip> race",
            List.of(
                new Reply.Item("One.", "Key Takeaways", "/passage a#key_takeaway#0"),
                new Reply.Item("Two & three.", "Key Takeaways", "/passage a#key_takeaway#1"),
                new Reply.Item("Why.", "Why It Matters", "/passage a#why_it_matters#0")));

    Rendered rendered = formatter.format(listing);

    assertThat(rendered.html())
        .isEqualTo(
            """
        <b>The &lt;chip&gt; race</b>

        <i>Key Takeaways</i>
        • One.
        • Two &amp; three.

        <i>Why It Matters</i>
        • Why.""");
    assertThat(rendered.keyboard()).isEmpty();
  }
}
