package org.briefbot.answer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.briefbot.entities.EntityLinker;
import org.briefbot.knowledge.Section;

/**
 * What a question's wording says before any search: whether it asks for a section of an article
 * ("why does it matter?"), whether it asks what or who something is, and what kind of answer it
 * wants.
 *
 * @param topic the question with any routing phrase removed; what is searched
 * @param section the section it asks for, if any
 * @param entityName the name in "what is X" / "tell me about X", if the question has that shape
 * @param wants the kind of answer it asks for ("how much": an amount), if its wording says; decides
 *     which sentence of the answer is emphasised
 */
record QuestionShape(
    String topic,
    Optional<Section> section,
    Optional<String> entityName,
    Optional<AnswerKind> wants) {

  /**
   * A section and the phrases that ask for it; {@code slips}, the words of those phrases that are
   * still read with a typist's slip ("why does it mater?"). Not "context" or "history": one slip
   * from those are other words ("contest", "content") that a question may use anywhere.
   */
  private record Route(Section section, Pattern phrase, List<String> slips) {}

  private static final List<Route> ROUTES =
      List.of(
          route(
              Section.WHAT_HAPPENS_NEXT,
              "what (happens?|will happen|comes|is|'s|s) next|what happens now|next steps?|what('s| is) the outlook"
                  + "|outlook|what to expect|what should (i|we) expect|what will happen",
              "happens",
              "happen",
              "outlook",
              "expect"),
          route(
              Section.WHY_IT_MATTERS,
              "why (does|did|do|would|should) (it|this|that|the deal|this deal|that deal) matter"
                  + "|why (is|was) (it|this|that|the deal|this deal|that deal) (so )?(important|significant|a big deal)"
                  + "|why (it|this) matters|why should (i|we|anyone) care|what is the significance( of)?"
                  + "|significance( of)?|why does this matter|so what(?=\\W*$)",
              "matter",
              "matters",
              "important",
              "significant",
              "significance"),
          route(
              Section.BACKGROUND,
              "(some |any |the )?(background|context|history)( on| of| about| to)?|how did (we|it|this) get here",
              "background"));

  private static final Pattern ENTITY_REQUEST =
      Pattern.compile(
          "^(?:(?:what|who|which)(?:'s| is| are| was| were)|what do you know about|tell me (?:more )?about"
              + "|(?:info|information|details) (?:on|about)|explain|define)\\s+(.+?)[?.!]*$",
          Pattern.CASE_INSENSITIVE);

  /** The words of {@link #ENTITY_REQUEST} read with a slip, as a section's are. */
  private static final List<String> ENTITY_REQUEST_SLIPS =
      List.of("define", "explain", "information", "details");

  private static final Pattern ARTICLE =
      Pattern.compile("^(?:the|a|an)\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern END_PUNCTUATION = Pattern.compile("[?.!]+$");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern ASKS_SOMETHING =
      Pattern.compile("\\b(how|why|when|where|which|what|who|does|did|is|are)\\b");

  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  private static Route route(Section section, String phrases, String... slips) {
    return new Route(
        section,
        Pattern.compile("\\b(?:" + phrases + ")\\b", Pattern.CASE_INSENSITIVE),
        List.of(slips));
  }

  /**
   * {@code question} with a slip in the words that ask for a section or what something is spelt
   * right ("what hsppens next?" becomes "what happens next?", "dfine ML" "define ML"), when that
   * spelling asks for one; otherwise as asked. These phrases are the bot's own vocabulary, as its
   * commands are: the search would read the slip as a word the articles lack and decline.
   */
  static String askingWordsSpelt(String question) {
    String text = question.strip();
    if (ROUTES.stream().anyMatch(r -> r.phrase().matcher(text).find())
        || ENTITY_REQUEST.matcher(text).matches()) {
      return question;
    }
    for (Route route : ROUTES) {
      String spelt = spelt(text, route.slips());
      if (!spelt.equals(text) && route.phrase().matcher(spelt).find()) {
        return spelt;
      }
    }
    String spelt = spelt(text, ENTITY_REQUEST_SLIPS);
    return !spelt.equals(text) && ENTITY_REQUEST.matcher(spelt).matches() ? spelt : question;
  }

  /** {@code text} with each word one slip from one of {@code words} written as that word. */
  private static String spelt(String text, List<String> words) {
    StringBuilder out = new StringBuilder();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String word = m.group().toLowerCase(Locale.ROOT);
      String meant =
          words.contains(word)
              ? m.group()
              : words.stream()
                  .filter(w -> EntityLinker.spelledAlike(word, w))
                  .findFirst()
                  .orElse(m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(meant));
    }
    m.appendTail(out);
    return out.toString();
  }

  static QuestionShape of(String question) {
    String text = question.strip();
    for (Route route : ROUTES) {
      Matcher m = route.phrase().matcher(text);
      if (m.find()) {
        String rest = (text.substring(0, m.start()) + " " + text.substring(m.end())).strip();
        // "what happens next?" leaves "?": no topic, and nothing for the embedding model to match.
        String topic = rest.codePoints().anyMatch(Character::isLetterOrDigit) ? rest : "";
        return new QuestionShape(
            topic, Optional.of(route.section()), Optional.empty(), WantedKind.of(text));
      }
    }
    return new QuestionShape(text, Optional.empty(), entityName(text), WantedKind.of(text));
  }

  private static Optional<String> entityName(String text) {
    Matcher m = ENTITY_REQUEST.matcher(text);
    if (!m.matches()) {
      return Optional.of(END_PUNCTUATION.matcher(text).replaceAll("").strip())
          .filter(QuestionShape::looksLikeName);
    }
    String name = ARTICLE.matcher(m.group(1).strip()).replaceFirst("");
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  /** A bare name such as "openai" or "Annapurna Labs?" is an entity request too. */
  private static boolean looksLikeName(String text) {
    // Patterns compiled once: String.matches and split compile theirs on every question. find(),
    // not matches() with ".*" around the words, which backtracked over the whole question.
    return !text.isEmpty()
        && WHITESPACE.split(text).length <= 4
        && !ASKS_SOMETHING.matcher(text.toLowerCase(Locale.ROOT)).find();
  }
}
