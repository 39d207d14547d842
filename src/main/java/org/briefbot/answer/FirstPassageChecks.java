package org.briefbot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;
import org.briefbot.retrieval.Match;

/**
 * What the question asks for, checked against the passages ranked first: a "who runs ..." question
 * needs someone in the role, a sum needs a sum, "what did X say" needs X's words. The ranking's
 * features count shared words and names, and a passage about the right company is full of both.
 * These checks lower a first passage that cannot hold the answer to a near miss, and answer with
 * one of the first few passages, at least as sure as the threshold, when it names whom a "who runs"
 * question asks for, or reports the words of X in "what did X say?". Deterministic and safe for
 * concurrent use.
 */
final class FirstPassageChecks {
  /** An alternative is offered when its confidence reaches this share of the answer threshold. */
  private static final double ALTERNATIVE_SHARE = 0.5;

  /**
   * How far down the ranking a passage naming whom a "who runs ..." question asks for is looked for
   * when the first passage names no one in that role: the first passages a decline offers.
   */
  private static final int ROLE_LOOKAHEAD = 2;

  private final KeySentences keySentences;
  private final double threshold;

  FirstPassageChecks(KeySentences keySentences, double threshold) {
    this.keySentences = keySentences;
    this.threshold = threshold;
  }

  /**
   * The matches, the first one no surer than a near miss when it cannot hold what the question asks
   * for (see {@link #mustHold}), or is a note that never names what a quantity question counts (see
   * {@link #namesWhatIsCounted}), or names someone in another office than the one asked for (see
   * {@link #namesTheTitleAsked}), and at least as sure as the threshold when it names who leads or
   * founded what the question asks about (see {@link #namesWhoIsAsked}). The ranking's features
   * count names and shared words, and a note about a company or a person is full of both: without
   * this, "Who is the CEO of OpenAI?" was answered with OpenAI's note, which names no chief
   * executive, and "how old is ..." with the note on that person.
   */
  List<Match> kindChecked(QuestionShape shape, List<Match> hits) {
    if (hits.isEmpty() || shape.wants().isEmpty()) {
      return hits;
    }
    Match first = hits.get(0);
    AnswerKind kind = shape.wants().get();
    if (kind.isSomeoneInRole()
        && first.confidence() < threshold
        && namesWhoIsAsked(kind, first.passage(), shape.topic())) {
      return withFirstConfidence(hits, threshold);
    }
    if (kind.isSomeoneInRole() && !holds(kind, first.passage(), shape.topic())) {
      Optional<Match> named = namedFurtherDown(kind, shape.topic(), hits);
      if (named.isPresent()) {
        return first(hits, named.get());
      }
    }
    if (kind == AnswerKind.LEADER && !namesTheTitleAsked(first.passage(), shape.topic())) {
      return nearMissAtMost(hits);
    }
    return holdsWhatIsAsked(kind, first.passage(), shape.topic())
            && namesWhatIsCounted(kind, first.passage(), shape.topic())
        ? hits
        : nearMissAtMost(hits);
  }

  /** The matches, the first one no surer than a near miss: offered, never answered with. */
  private List<Match> nearMissAtMost(List<Match> hits) {
    return hits.get(0).confidence() > nearMiss() ? withFirstConfidence(hits, nearMiss()) : hits;
  }

  /** The confidence a passage needs to be offered as close: half the threshold. */
  double nearMiss() {
    return threshold * ALTERNATIVE_SHARE;
  }

  /**
   * Whether the passage names someone in the role asked about (who leads, who founded) and every
   * other word of the question. Readers ask for "the boss" where writers name a "chief executive",
   * and the ranking's confidence counts only shared words: "whos the boss at pallendra" was
   * declined at 0.11 with the note that says who its chief executive is. A passage naming what is
   * led and someone leading it answers.
   */
  private boolean namesWhoIsAsked(AnswerKind kind, Passage passage, String question) {
    return holds(kind, passage, question)
        && namesTheTitleAsked(passage, question)
        && keySentences.hasAllWords(passage, WantedKind.withoutLeading(question));
  }

  /**
   * Whether the passage names the title the question asks for, when it asks for one ("who is the
   * CEO of ..." by "chief executive"): a passage naming someone in another role ("the head of the
   * 737 MAX program") does not answer it, though it names someone in charge.
   */
  private static boolean namesTheTitleAsked(Passage passage, String question) {
    return Titles.asked(question)
        .map(title -> passage.sentences().stream().anyMatch(s -> title.matcher(s).find()))
        .orElse(true);
  }

  private static boolean holdsWhatIsAsked(AnswerKind kind, Passage passage, String question) {
    return !mustHold(kind, passage) || holds(kind, passage, question);
  }

  /** Whether a sentence of the passage holds the kind the question wants, if it wants one. */
  static boolean holdsWanted(QuestionShape shape, Passage passage) {
    return shape.wants().map(kind -> holds(kind, passage, shape.topic())).orElse(true);
  }

  /** Whether a sentence of the passage holds the kind of answer asked for. */
  private static boolean holds(AnswerKind kind, Passage passage, String question) {
    return passage.sentences().stream().anyMatch(s -> kind.answeredBy(s, question));
  }

  /**
   * Whether an entity note names what a quantity question counts: a note on a company gives its
   * founding year and size, and "how much profit did it make", "how many staff does it employ" or
   * "what is its share price" found it by the company's name alone. A question word the note lacks
   * is the quantity it does not give. Dates are left out: readers ask when something "came" or
   * "turned up" where the note says "arrived" or "was first found".
   */
  private boolean namesWhatIsCounted(AnswerKind kind, Passage passage, String question) {
    return !kind.isQuantity()
        || passage.section() != Section.ENTITY_NOTE
        || keySentences.hasAllWords(passage, WantedKind.withoutMeasure(question));
  }

  /**
   * Whether a passage must hold the kind asked for to answer: someone named in a role for "who runs
   * ...", and a sum of money for "how much does it cost", always (money is written with a currency
   * a pattern reads; "what is the minimum wage in france" found "France raised its minimum pension
   * age from 62 to 64"); another value (a number, a date, an age) or who founded or owns it when
   * the passage is an entity note, which describes its entity and is what questions about an
   * attribute the article never gives find. Elsewhere such a value can answer in words ("each
   * week"), and a founder in other verbs ("composed", "proclaimed"): requiring either lost right
   * answers.
   */
  private static boolean mustHold(AnswerKind kind, Passage passage) {
    return kind == AnswerKind.LEADER
        || kind == AnswerKind.AMOUNT
        || ((kind.isValue() || kind.isSomeoneInRole()) && passage.section() == Section.ENTITY_NOTE);
  }

  /**
   * The first of the {@value #ROLE_LOOKAHEAD} passages after the first that names whom the question
   * asks for, at least as sure as the threshold, as the first passage would be.
   */
  private Optional<Match> namedFurtherDown(AnswerKind kind, String question, List<Match> hits) {
    return hits.stream()
        .skip(1)
        .limit(ROLE_LOOKAHEAD)
        .filter(m -> namesWhoIsAsked(kind, m.passage(), question))
        .findFirst()
        .map(m -> m.withConfidence(Math.max(m.confidence(), threshold)));
  }

  /**
   * The matches for "what did X say?": a passage that reports X's words first, the first of the
   * {@value #ROLE_LOOKAHEAD} after the first one when that one does not, and at least as sure as
   * the threshold, as for who leads; else an entity note first is no surer than a near miss. A note
   * says who X is, never what X said: "what did lagarde say" was answered with Christine Lagarde's
   * note, and the takeaway "President Christine Lagarde said the bank is well positioned" came
   * second. "what did X say about Y" keeps the passage's own confidence: X's words on something
   * else do not answer it.
   */
  List<Match> speakerChecked(QuestionShape shape, List<Match> hits) {
    Optional<Quotes.Speaker> speaker = Quotes.speakerAsked(shape.topic());
    if (hits.isEmpty() || speaker.isEmpty()) {
      return hits;
    }
    List<String> words = speaker.get().words();
    Optional<Match> said =
        hits.stream()
            .limit(1 + ROLE_LOOKAHEAD)
            .filter(m -> reportsWordsOf(m, words))
            .findFirst()
            .map(
                m ->
                    speaker.get().aboutSomething()
                        ? m
                        : m.withConfidence(Math.max(m.confidence(), threshold)));
    if (said.isPresent()) {
      return first(hits, said.get());
    }
    return hits.get(0).passage().section() == Section.ENTITY_NOTE ? nearMissAtMost(hits) : hits;
  }

  private static boolean reportsWordsOf(Match match, List<String> speaker) {
    return match.passage().section() != Section.ENTITY_NOTE
        && match.passage().sentences().stream().anyMatch(s -> Quotes.reportsWordsOf(s, speaker));
  }

  /** The matches with {@code match} moved first, as given. */
  static List<Match> first(List<Match> hits, Match match) {
    List<Match> changed = new ArrayList<>(hits.size());
    changed.add(match);
    hits.stream().filter(m -> !m.passage().id().equals(match.passage().id())).forEach(changed::add);
    return changed;
  }

  /** The matches, the first one with {@code confidence}. */
  static List<Match> withFirstConfidence(List<Match> hits, double confidence) {
    List<Match> changed = new ArrayList<>(hits);
    changed.set(0, hits.get(0).withConfidence(confidence));
    return changed;
  }
}
