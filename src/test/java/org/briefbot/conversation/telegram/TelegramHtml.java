package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Checks that text is a message Telegram accepts with parse_mode HTML. */
final class TelegramHtml {
  /** The tags briefbot uses, all of which Telegram supports. */
  private static final Set<String> OURS = Set.of("b", "i", "a");

  private static final Pattern TAG = Pattern.compile("</?([a-zA-Z-]+)[^>]*>");

  private TelegramHtml() {}

  /**
   * Asserts that {@code html} fits in one message and is well formed: every tag known and closed,
   * every '&lt;' and '&amp;' escaped (an XML parser is stricter than Telegram on exactly these
   * points). Returns the text a reader sees.
   */
  static String assertValid(String html) {
    assertThat(html.length())
        .as("message length")
        .isLessThanOrEqualTo(MessageSplitter.TELEGRAM_LIMIT);
    return text(html);
  }

  /**
   * The text a reader sees in well-formed Telegram HTML of any length; fails if it is not well
   * formed.
   */
  static String text(String html) {
    Matcher m = TAG.matcher(html);
    while (m.find()) {
      assertThat(OURS).as("tag in " + html).contains(m.group(1));
    }
    try {
      String xml = "<r>" + html + "</r>";
      Document doc =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      return doc.getDocumentElement().getTextContent();
    } catch (Exception e) {
      throw new AssertionError("not valid Telegram HTML (" + e.getMessage() + "):\n" + html, e);
    }
  }
}
