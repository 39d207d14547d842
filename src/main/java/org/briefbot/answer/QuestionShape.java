package org.briefbot.answer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private record Route(Section section, Pattern phrase) {}

  private static final List<Route> ROUTES =
      List.of(
          route(
              Section.WHAT_HAPPENS_NEXT,
              "what (happens|will happen|comes|is|'s|s) next|what happens now|next steps?|what('s| is) the outlook"
                  + "|outlook|what to expect|what should (i|we) expect|what will happen"),
          route(
              Section.WHY_IT_MATTERS,
              "why (does|did|do|would|should) (it|this|that|the deal|this deal|that deal) matter"
                  + "|why (is|was) (it|this|that|the deal|this deal|that deal) (so )?(important|significant|a big deal)"
                  + "|why (it|this) matters|why should (i|we|anyone) care|what is the significance( of)?"
                  + "|significance( of)?|why does this matter|so what(?=\\W*$)"),
          route(
              Section.BACKGROUND,
              "(some |any |the )?(background|context|history)( on| of| about| to)?|how did (we|it|this) get here"));

  private static final Pattern ENTITY_REQUEST =
      Pattern.compile(
          "^(?:(?:what|who|which)(?:'s| is| are| was| were)|what do you know about|tell me (?:more )?about"
              + "|(?:info|information|details) (?:on|about)|explain|define)\\s+(.+?)[?.!]*$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ARTICLE =
      Pattern.compile("^(?:the|a|an)\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern END_PUNCTUATION = Pattern.compile("[?.!]+$");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern ASKS_SOMETHING =
      Pattern.compile("\\b(how|why|when|where|which|what|who|does|did|is|are)\\b");

  private static Route route(Section section, String phrases) {
    return new Route(
        section, Pattern.compile("\\b(?:" + phrases + ")\\b", Pattern.CASE_INSENSITIVE));
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
