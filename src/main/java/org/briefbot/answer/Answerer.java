package org.briefbot.answer;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.briefbot.entities.Entity;
import org.briefbot.entities.EntityCatalog;
import org.briefbot.index.Candidate;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.SearchRequest;
import org.briefbot.index.TextAnalysis;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;
import org.briefbot.memo.BoundedMemo;
import org.briefbot.retrieval.AnswerJudge;
import org.briefbot.retrieval.Match;
import org.briefbot.retrieval.Mode;
import org.briefbot.retrieval.Retriever;

/**
 * Question in, {@link Answer} out: the best passage with its source and a calibrated confidence,
 * entity notes and alternatives, or an honest "I don't know" with the closest topics. Pure: no I/O
 * beyond the in-memory index, deterministic, safe for concurrent use.
 */
public final class Answerer {
  /** "What happens next?" names no topic; the section alone is a fair but not certain answer. */
  private static final double SECTION_ONLY_CONFIDENCE = 0.6;

  private static final double EXACT_ENTITY_CONFIDENCE = 1.0;
  private static final double LENIENT_ENTITY_CONFIDENCE = 0.9;

  /** An editor's answer to a question worded like the one asked is as sure as a named entity. */
  private static final double CURATED_QUESTION_CONFIDENCE = 1.0;

  private static final int TOPICS_OFFERED = 3;

  /**
   * How far down the chat's story a follow-up's question word ("when?") looks for a passage that
   * holds what it asks for: the answer and the passages it offers.
   */
  private static final int HOLDING_LOOKAHEAD = 4;

  private static final int CARD_ARTICLES = 10;

  /**
   * An alternative holding a sentence of the answer at least this long repeats it; a shorter one
   * ("Yes.") may be in any passage.
   */
  private static final int SHARED_SENTENCE_CHARS = 20;

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** The order {@link #articles()} lists articles in. */
  private static final Comparator<Article> NEWEST_FIRST =
      Comparator.comparing(Article::published).reversed().thenComparing(Article::id);

  private final Map<String, Article> articles;

  /** Newest first, ties by id: sorted once, as declines offer the newest topics. */
  private final List<Article> newestFirst;

  private final EntityCatalog catalog;
  private final PassageIndex index;
  private final TextAnalysis analysis;
  private final Retriever retriever;
  private final KeySentences keySentences;
  private final CuratedQuestions curated;
  private final AnswerSettings settings;
  private final FirstPassageChecks checks;

  /** Per entity name, the titles its card lists; filled as cards are asked for, never changes. */
  private final Map<String, List<String>> newestTitles = new ConcurrentHashMap<>();

  /**
   * Per passage id, the entities its text names: linking an answer's text again for every question
   * that picks it was a twentieth of an answer.
   */
  private final BoundedMemo<String, List<Entity>> mentionsByPassage =
      new BoundedMemo<>(BoundedMemo.DEFAULT_LIMIT);

  /** Ranks with {@code retriever}, in whatever mode it runs. */
  public Answerer(
      List<Article> articles,
      EntityCatalog catalog,
      PassageIndex index,
      Retriever retriever,
      TextAnalysis analysis,
      AnswerSettings settings) {
    Map<String, Article> byId = new LinkedHashMap<>();
    articles.forEach(a -> byId.put(a.id(), a));
    this.articles = byId;
    this.newestFirst = byId.values().stream().sorted(NEWEST_FIRST).toList();
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.retriever = Objects.requireNonNull(retriever, "retriever");
    this.index = Objects.requireNonNull(index, "index");
    this.analysis = Objects.requireNonNull(analysis, "analysis");
    this.keySentences = new KeySentences(analysis, index);
    this.curated = new CuratedQuestions(index, analysis);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.checks = new FirstPassageChecks(keySentences, settings.threshold());
  }

  /** Answers a question with no conversation context. */
  public Answer answer(String question) {
    return answer(question, Optional.empty());
  }

  /**
   * Answers a question; {@code aboutArticle} is the article the conversation was last about, which
   * wins ties ("what happens next?" right after an answer).
   */
  public Answer answer(String question, Optional<String> aboutArticle) {
    return answer(question, aboutArticle, Scope.ARCHIVE);
  }

  /**
   * Answers a question about the article the reader chose ("which story do you mean?"): from that
   * article's passages only, or declined; never from another story. Curated questions and entity
   * cards answer as for {@link #answer(String, Optional)}.
   */
  public Answer answerIn(String question, String article) {
    return answer(question, Optional.of(article), Scope.CHOSEN_STORY);
  }

  /**
   * A follow-up asking the chat's last question with another question word ("when?", "how long?"),
   * of the chat's story, answered from the passage just shown when that holds what the word asks
   * for (a date, a duration, a name) and is among the story's best passages for the question: its
   * key sentence is then the one that says it. Otherwise declined, offering the best passage that
   * holds it: a question word alone says too little to take another passage as its answer.
   */
  public Answer answerInShown(String question, String article, String shownPassageId) {
    String asked = clip(question);
    QuestionShape shape = QuestionShape.of(asked);
    SearchRequest request =
        new SearchRequest(
            shape.topic(), shape.section(), Optional.of(article), settings.candidates());
    List<Match> hits = retriever.searchWithin(request);
    Optional<Match> holding =
        hits.stream()
            .limit(HOLDING_LOOKAHEAD)
            .filter(m -> FirstPassageChecks.holdsWanted(shape, m.passage()))
            .findFirst();
    if (holding.isEmpty()) {
      return declined(question, List.of(), List.of());
    }
    hits = judged(asked, FirstPassageChecks.first(hits, holding.get()));
    double confidence = hits.get(0).confidence();
    if (!holding.get().passage().id().equals(shownPassageId) || confidence < settings.threshold()) {
      return declined(question, hits, closestPassages(hits, shape));
    }
    return passageAnswer(question, shape, hits, confidence);
  }

  /**
   * What the key-sentence model reads about this question's answer, for {@code train}: the passage
   * it is answered with, when that has more than one sentence and their vectors. The passage's
   * match is searched for again, for its sentence cosines: training asks each question once.
   */
  public Optional<KeySentenceRows> keySentenceRows(String question) {
    Answer answer = answer(question);
    if (answer.kind() != Answer.Kind.PASSAGE || !answer.answered()) {
      return Optional.empty();
    }
    String id = answer.best().orElseThrow().passageId();
    QuestionShape shape = QuestionShape.of(clip(question));
    SearchRequest request =
        new SearchRequest(shape.topic(), shape.section(), Optional.empty(), settings.candidates());
    return retriever.search(request).stream()
        .filter(m -> m.passage().id().equals(id))
        .findFirst()
        .filter(m -> m.passage().sentences().size() > 1)
        .filter(m -> m.sentenceSimilarities().length == m.passage().sentences().size())
        .map(
            m ->
                new KeySentenceRows(
                    m.passage().sentences(),
                    keySentences.rows(
                        m.passage(), shape.topic(), shape.wants(), m.sentenceSimilarities())));
  }

  /** Where a question's answer may come from. */
  private enum Scope {
    /** Any article; the conversation's, if any, wins ties. */
    ARCHIVE,
    /** Only the article the reader chose, which the request prefers. */
    CHOSEN_STORY
  }

  private List<Match> search(SearchRequest request, Scope scope) {
    return scope == Scope.CHOSEN_STORY
        ? retriever.searchWithin(request)
        : retriever.search(request);
  }

  private Answer answer(String question, Optional<String> aboutArticle, Scope scope) {
    return answer(question, aboutArticle, scope, true);
  }

  /** {@code respell}: whether a decline is asked again with its typos spelt right. */
  private Answer answer(
      String question, Optional<String> aboutArticle, Scope scope, boolean respell) {
    String asked = clip(question);
    String routed = QuestionShape.askingWordsSpelt(asked);
    if (!routed.equals(asked)) {
      Answer answer = answer(routed, aboutArticle, scope, respell);
      if (answer.answered()) {
        return answer.readFrom(question);
      }
    }
    QuestionShape shape = QuestionShape.of(asked);
    SearchRequest request =
        new SearchRequest(shape.topic(), shape.section(), aboutArticle, settings.candidates());
    Optional<Passage> editors = curated.find(asked);
    if (editors.isPresent()) {
      return curatedAnswer(question, shape, editors.get(), search(request, scope));
    }
    Optional<String> curatedRespelt =
        respell && !curated.isEmpty() ? curatedRespelt(asked) : Optional.empty();
    if (curatedRespelt.isPresent()) {
      return answer(curatedRespelt.get(), aboutArticle, scope, false).readFrom(question);
    }
    Optional<Answer> entity =
        shape.entityName().flatMap(name -> entityAnswer(question, name, false));
    if (entity.isPresent()) {
      return entity.get();
    }
    SearchRequest searched = retriever.mode() == Mode.BM25 ? reranked(request) : request;
    boolean sectionOnly =
        shape.section().isPresent() && keySentences.terms(shape.topic()).isEmpty();
    List<Match> hits = search(searched, scope);
    if (sectionOnly) {
      hits = sectionFirst(hits, shape.section().get());
    } else {
      hits = checks.speakerChecked(shape, checks.kindChecked(shape, judged(asked, hits)));
    }
    double confidence =
        hits.isEmpty() ? 0 : sectionOnly ? SECTION_ONLY_CONFIDENCE : hits.get(0).confidence();
    if (hits.isEmpty() || confidence < settings.threshold()) {
      Optional<Answer> respelt = respell ? respelt(asked, aboutArticle, scope) : Optional.empty();
      if (respelt.isPresent()) {
        return respelt.get().readFrom(question);
      }
      List<Match> closest =
          scope == Scope.ARCHIVE && needsMoreTopics(hits, request)
              ? retriever.search(request)
              : hits;
      return declined(question, closest, sectionOnly ? List.of() : closestPassages(closest, shape));
    }
    return passageAnswer(question, shape, hits, confidence);
  }

  /**
   * {@code asked} with its typos spelt as the articles spell the closest words, when that is a
   * question an editor answered ("what are trrainium chips"): the curated answer, not the entity
   * card or passage the typo would find, as for the question spelt right.
   */
  private Optional<String> curatedRespelt(String asked) {
    String respelt = retriever.respelt(asked);
    return respelt.equals(asked) || curated.find(respelt).isEmpty()
        ? Optional.empty()
        : Optional.of(respelt);
  }

  /**
   * The answer to {@code asked} with its typos spelt as the articles spell the closest words, when
   * it has any and that answers: a question the bot would decline as typed ("how hot did it get in
   * dalas") is answered as a reader who knows the spelling asks it. Only for a decline: the ranking
   * already matches typos to close words, and reads them with the rest of the question.
   */
  private Optional<Answer> respelt(String asked, Optional<String> aboutArticle, Scope scope) {
    String respelt = retriever.respelt(asked);
    if (respelt.equals(asked)) {
      return Optional.empty();
    }
    Answer answer = answer(respelt, aboutArticle, scope, false);
    return answer.answered() ? Optional.of(answer) : Optional.empty();
  }

  /**
   * The matches with the first one's confidence from the answer judge, when the retriever has one:
   * the judge reads the question with the passage, where the ranking's features only count and
   * compare.
   */
  private List<Match> judged(String question, List<Match> hits) {
    Optional<AnswerJudge> judge = retriever.judge();
    if (judge.isEmpty() || hits.isEmpty()) {
      return hits;
    }
    Match first = hits.get(0);
    double confidence =
        judge.get().confidence(question, first.passage().text(), first.confidence());
    return FirstPassageChecks.withFirstConfidence(hits, confidence);
  }

  /** The confidence below which the bot declines. */
  public double threshold() {
    return settings.threshold();
  }

  /**
   * The passages the ranking puts first for {@code question}, best first, each with the signals
   * that ranked it: read-only, for the editors' test pane. The answer itself may still come from a
   * curated question or an entity, which {@link #answer(String)} tells.
   */
  public List<Ranked> explain(String question) {
    String asked = clip(question);
    QuestionShape shape = QuestionShape.of(asked);
    SearchRequest request =
        new SearchRequest(shape.topic(), shape.section(), Optional.empty(), settings.candidates());
    List<Match> hits =
        retriever.search(retriever.mode() == Mode.BM25 ? reranked(request) : request);
    Map<String, Candidate> signals = new LinkedHashMap<>();
    retriever.candidates(request).forEach(c -> signals.put(c.passage().id(), c));
    List<Ranked> ranked = new ArrayList<>(hits.size());
    for (Match hit : hits) {
      Passage p = hit.passage();
      Optional<Candidate> c = Optional.ofNullable(signals.get(p.id()));
      ranked.add(
          new Ranked(
              ranked.size() + 1,
              p.id(),
              p.articleTitle(),
              p.section().label(),
              p.text(),
              hit.score(),
              hit.confidence(),
              c.map(Candidate::lexicalRank).orElse(0),
              c.map(Candidate::lexical).orElse(0.0),
              c.map(Candidate::coverage).orElse(0.0),
              c.map(Candidate::vectorRank).orElse(0),
              c.map(Candidate::similarity).orElse(0.0),
              c.map(Candidate::sentenceSimilarity).orElse(0.0)));
    }
    return ranked;
  }

  /**
   * A question that names a section and nothing else ("so what happens next?") is answered from
   * that section: with no topic words the ranking has nothing to weigh but the routing lift.
   */
  private static List<Match> sectionFirst(List<Match> hits, Section section) {
    List<Match> ordered = new ArrayList<>(hits.size());
    hits.stream().filter(m -> m.passage().section() == section).forEach(ordered::add);
    hits.stream().filter(m -> m.passage().section() != section).forEach(ordered::add);
    return ordered;
  }

  /**
   * Whether the question asks only for a section and names no topic ("what happens next?"): with
   * several articles loaded, nothing in it says which one.
   */
  public boolean asksOnlyForSection(String question) {
    QuestionShape shape = QuestionShape.of(clip(question));
    return shape.section().isPresent() && keySentences.terms(shape.topic()).isEmpty();
  }

  /**
   * The card of an entity by name or alias ("/entity openai"), one typo allowed, or a person by
   * surname alone ("/entity lagarde"); else a decline naming close ones.
   */
  public Answer entity(String question, String name) {
    return entityAnswer(question, name, true)
        .orElseGet(
            () ->
                declined(
                    question,
                    retriever.search(SearchRequest.of(clip(name), settings.candidates())),
                    List.of()));
  }

  /**
   * The share of the text's searchable words (analysed terms, stop words left out) that some
   * passage has; 1 when it has none to search: how well the knowledge speaks the text's language.
   */
  public double knownShare(String text) {
    List<String> terms = analysis.terms(clip(text));
    if (terms.isEmpty()) {
      return 1;
    }
    return terms.stream().filter(index::has).count() / (double) terms.size();
  }

  /**
   * Whether a question's word is spelt right: a stop word, or a word some passage has. A typo of an
   * entity's name is a word the knowledge does not have.
   */
  private boolean knownWord(String word) {
    List<String> terms = analysis.terms(word);
    return terms.isEmpty() || terms.stream().anyMatch(index::has);
  }

  /**
   * The entity a reader names ("ECB", "the fed", "lagarde"): by name or alias, one typo allowed, or
   * a person by surname alone, as {@code /entity} finds it.
   */
  public Optional<Entity> entityNamed(String name) {
    return catalog.findLenient(name).or(() -> catalog.findBySurname(name));
  }

  /** All entities, sorted by name. */
  public List<Entity> entities() {
    return catalog.all();
  }

  /** Articles, newest first; ties by id. */
  public List<Article> articles() {
    return newestFirst;
  }

  public Optional<Article> article(String id) {
    return Optional.ofNullable(articles.get(id));
  }

  /**
   * The loaded articles of these ids, in the order of {@link #articles()}: looked up, not found by
   * walking every article (100,000 of them in a large archive) for a few.
   */
  public List<Article> articles(Collection<String> ids) {
    return ids.stream()
        .distinct()
        .map(articles::get)
        .filter(Objects::nonNull)
        .sorted(NEWEST_FIRST)
        .toList();
  }

  /** All passages of an article by section, then position, for "more from this article". */
  public List<Passage> passagesOf(String articleId) {
    return index.passagesOf(articleId);
  }

  /** How many passages each article has (curated FAQ items left out), by article id. */
  public Map<String, Integer> passageCounts() {
    return index.passageCounts();
  }

  /** One passage by id, e.g. an alternative the reader tapped. */
  public Optional<Passage> passage(String passageId) {
    return index.find(passageId);
  }

  /**
   * A passage the reader picked (a tapped alternative, "tell me more") shown as the answer to
   * {@code question}: key sentence and entity notes as for a found answer. Confidence is 1 because
   * the reader chose it; nothing was guessed.
   */
  public Optional<Answer> chosen(String question, String passageId) {
    return passage(passageId).map(p -> chosenAnswer(question, p));
  }

  private Answer chosenAnswer(String question, Passage p) {
    String asked = clip(question);
    Source source =
        source(p, keySentences.best(p, asked, QuestionShape.of(asked).wants(), new double[0]));
    return new Answer(
        question,
        Answer.Kind.PASSAGE,
        1.0,
        Optional.of(source),
        entityNotes(question, p),
        List.of());
  }

  public EntityCard card(Entity entity) {
    // get first: computeIfAbsent may lock a bin even when the value is there, and cards are read by
    // every answer.
    List<String> titles = newestTitles.get(entity.name());
    if (titles == null) {
      titles =
          newestTitles.computeIfAbsent(entity.name(), name -> newestTitles(entity.articleIds()));
    }
    return new EntityCard(
        entity.name(),
        entity.kind(),
        entity.summary(),
        titles,
        entity.related(),
        entity.description());
  }

  /** Where readers can read an article, when its file gives a link. */
  private Optional<String> link(String articleId) {
    return article(articleId).flatMap(Article::link).map(URI::toString);
  }

  /**
   * Entities whose name or alias is spelt like {@code name} or shares a word with it, closest
   * first: what a reader may have meant by a name the catalog does not know.
   */
  public List<Entity> similarEntities(String name, int limit) {
    return catalog.similar(clip(name), limit);
  }

  /**
   * The titles of the newest {@value #CARD_ARTICLES} articles: in a large archive a well-known
   * entity is in thousands, more than a card can show, and listing them all would make every answer
   * that mentions it cost as much as the archive is large.
   */
  private List<String> newestTitles(List<String> articleIds) {
    Comparator<Article> newestFirstOrder =
        Comparator.comparing(Article::published).reversed().thenComparing(Article::id);
    PriorityQueue<Article> newest = new PriorityQueue<>(newestFirstOrder.reversed());
    List<String> unknown = new ArrayList<>();
    for (String id : articleIds) {
      Article a = articles.get(id);
      if (a == null) {
        unknown.add(id);
        continue;
      }
      newest.add(a);
      if (newest.size() > CARD_ARTICLES) {
        newest.poll();
      }
    }
    List<String> titles =
        new ArrayList<>(newest.stream().sorted(newestFirstOrder).map(Article::title).toList());
    unknown.stream().limit(Math.max(0, CARD_ARTICLES - titles.size())).forEach(titles::add);
    return List.copyOf(titles);
  }

  private String clip(String question) {
    String oneLine = WHITESPACE.matcher(question).replaceAll(" ").strip();
    return oneLine.length() <= settings.maxQuestionChars()
        ? oneLine
        : oneLine.substring(0, settings.maxQuestionChars());
  }

  private Optional<Answer> entityAnswer(String question, String name, boolean lenient) {
    Optional<Entity> exact = catalog.find(name);
    Optional<Entity> found =
        exact.or(() -> lenient ? entityNamed(name) : catalog.findLenient(name));
    if (found.isEmpty() || (found.get().summary().isBlank() && !lenient)) {
      return Optional.empty();
    }
    Entity entity = found.get();
    double confidence = exact.isPresent() ? EXACT_ENTITY_CONFIDENCE : LENIENT_ENTITY_CONFIDENCE;
    String summary =
        entity.summary().isBlank()
            ? entity.name() + (entity.kind().isBlank() ? "" : ": " + entity.kind())
            : entity.summary();
    Source source =
        new Source(
            "entity:" + entity.name(),
            summary,
            summary,
            "entity",
            entity.name(),
            "entity",
            "Entity");
    List<EntityCard> cards = List.of(card(entity));
    List<Alternative> related =
        entity.related().stream()
            .limit(settings.alternatives())
            .flatMap(r -> catalog.find(r).stream())
            .map(r -> (Alternative) new Alternative.Entity(r.name(), confidence))
            .toList();
    return Optional.of(
        new Answer(question, Answer.Kind.ENTITY, confidence, Optional.of(source), cards, related));
  }

  /** A passage as shown, with the sentence to emphasise and its article's link. */
  private Source source(Passage passage, String keySentence) {
    return new Source(
        passage.id(),
        passage.text(),
        keySentence,
        passage.articleId(),
        passage.articleTitle(),
        passage.section().key(),
        passage.section().label(),
        link(passage.articleId()));
  }

  private Answer passageAnswer(
      String question, QuestionShape shape, List<Match> hits, double confidence) {
    Passage best = hits.get(0).passage();
    String keySentence =
        keySentences.best(best, shape.topic(), shape.wants(), hits.get(0).sentenceSimilarities());
    Source source = source(best, keySentence);
    return new Answer(
        question,
        Answer.Kind.PASSAGE,
        confidence,
        Optional.of(source),
        entityNotes(question, best),
        alternatives(hits, keySentence));
  }

  /**
   * The curated passage first, at full confidence, then the ranking's other passages as
   * alternatives.
   */
  private Answer curatedAnswer(
      String question, QuestionShape shape, Passage passage, List<Match> ranked) {
    double[] sentences =
        ranked.stream()
            .filter(m -> m.passage().id().equals(passage.id()))
            .findFirst()
            .map(Match::sentenceSimilarities)
            .orElse(new double[0]);
    List<Match> hits = new ArrayList<>();
    hits.add(new Match(passage, Double.POSITIVE_INFINITY, CURATED_QUESTION_CONFIDENCE, sentences));
    ranked.stream().filter(m -> !m.passage().id().equals(passage.id())).forEach(hits::add);
    return passageAnswer(question, shape, hits, CURATED_QUESTION_CONFIDENCE);
  }

  /** Entities the question names first, then those the passage names; only those with a note. */
  private List<EntityCard> entityNotes(String question, Passage passage) {
    // Keyed by name: an Entity's own hash covers all its article ids, thousands in a large archive.
    Map<String, Entity> entities = new LinkedHashMap<>();
    catalog
        .mentionedInQuestion(question, this::knownWord)
        .forEach(e -> entities.putIfAbsent(e.name(), e));
    passage
        .entities()
        .forEach(name -> catalog.find(name).ifPresent(e -> entities.putIfAbsent(e.name(), e)));
    mentionsByPassage
        .get(passage.id(), id -> catalog.mentionedIn(passage.text()))
        .forEach(e -> entities.putIfAbsent(e.name(), e));
    return entities.values().stream()
        .filter(e -> !e.summary().isBlank())
        .limit(settings.entityNotes())
        .map(this::card)
        .toList();
  }

  /**
   * The other passages worth offering, none repeating the answer: a passage that holds one of the
   * answer's sentences (the key sentence above all) would lead the reader back to what was shown.
   */
  private List<Alternative> alternatives(List<Match> hits, String keySentence) {
    Passage answer = hits.get(0).passage();
    List<String> shown = new ArrayList<>();
    shown.add(answer.text());
    List<String> answerSentences = new ArrayList<>(List.of(keySentence));
    answer.sentences().stream()
        .filter(s -> s.length() >= SHARED_SENTENCE_CHARS)
        .forEach(answerSentences::add);
    List<Alternative> alternatives = new ArrayList<>();
    for (Match hit : hits.subList(1, hits.size())) {
      Passage p = hit.passage();
      if (alternatives.size() < settings.alternatives()
          && worthOffering(hit)
          && !repeats(shown, p.text())
          && answerSentences.stream().noneMatch(p.text()::contains)) {
        shown.add(p.text());
        alternatives.add(
            new Alternative.Passage(
                p.id(),
                p.text(),
                p.articleId(),
                p.articleTitle(),
                p.section().key(),
                hit.confidence()));
      }
    }
    return alternatives;
  }

  /** A curated FAQ answer often quotes a takeaway: offering the quoted part again adds nothing. */
  private static boolean repeats(List<String> shown, String text) {
    return shown.stream().anyMatch(s -> s.contains(text) || text.contains(s));
  }

  /**
   * In BM25 mode, the request cut to the hits the index re-ranks: only those carry coverage, so
   * only they can be the answer or an alternative, and they are the same however many more are
   * asked for. Collecting the other candidates costs a large archive more than the rest of the
   * answer. Hybrid fuses every candidate, so it keeps them all.
   */
  private static SearchRequest reranked(SearchRequest request) {
    int topK = Math.min(request.topK(), PassageIndex.COVERAGE_DEPTH);
    return new SearchRequest(
        request.text(), request.preferSection(), request.preferArticle(), topK);
  }

  /**
   * A decline names the articles of the candidates; the rest are fetched when the re-ranked ones
   * name too few and the knowledge has more.
   */
  private boolean needsMoreTopics(List<Match> hits, SearchRequest request) {
    if (hits.size() < PassageIndex.COVERAGE_DEPTH || request.topK() <= hits.size()) {
      return false;
    }
    long named =
        hits.stream()
            .map(h -> h.passage().articleId())
            .filter(articles::containsKey)
            .distinct()
            .count();
    // A knowledge folder of one or two articles has no more to find: searching again was most of a
    // decline's time on the seed.
    return named < TOPICS_OFFERED && named < articles.size();
  }

  /**
   * The passages of a declined question worth offering, closest first, when the first one's
   * confidence is as high as an alternative's must be (half the threshold): not sure enough to
   * answer with, but close enough to offer, named as such, ahead of the topics. Vague paraphrases
   * land here ("could this start a price war" finds the price-war sentence at 0.19), and so do some
   * out-of-scope questions about covered companies, which is why they are offered and not shown.
   * The passages after it that come as close are offered too, as an answer's "see also" is: in
   * readers' own words the ranking often puts the passage that answers second or third, and the
   * reader can tell which one does. Each text is the passage's key sentence, what came close; a
   * passage or sentence already offered is not offered again; "/passage ID" shows the whole
   * passage.
   */
  private List<Alternative> closestPassages(List<Match> hits, QuestionShape shape) {
    if (hits.isEmpty() || !worthOffering(hits.get(0))) {
      return List.of();
    }
    List<String> passages = new ArrayList<>();
    Set<String> sentences = new HashSet<>();
    List<Alternative> offered = new ArrayList<>();
    for (Match hit : hits) {
      if (offered.size() >= settings.alternatives()) {
        break;
      }
      if (!worthOffering(hit) || repeats(passages, hit.passage().text())) {
        continue;
      }
      Alternative.Passage passage = offered(hit, shape);
      if (sentences.add(passage.text())) {
        passages.add(hit.passage().text());
        offered.add(passage);
      }
    }
    return offered;
  }

  private Alternative.Passage offered(Match hit, QuestionShape shape) {
    Passage p = hit.passage();
    String sentence =
        keySentences.best(p, shape.topic(), shape.wants(), hit.sentenceSimilarities());
    return new Alternative.Passage(
        p.id(), sentence, p.articleId(), p.articleTitle(), p.section().key(), hit.confidence());
  }

  /**
   * Whether a passage that does not answer is close enough to offer: an alternative, or a decline's
   * near miss.
   */
  private boolean worthOffering(Match hit) {
    return hit.confidence() >= checks.nearMiss();
  }

  /**
   * "I don't know", offering the passages that came close, if any, then the articles (then
   * entities) closest to what was asked.
   */
  private Answer declined(String question, List<Match> hits, List<Alternative> cameClose) {
    Map<String, Alternative> topics = new LinkedHashMap<>();
    for (Match hit : hits) {
      Passage p = hit.passage();
      article(p.articleId()).ifPresent(a -> topics.putIfAbsent(a.id(), topic(a, hit.confidence())));
    }
    for (Article a : newestFirst) {
      if (topics.size() >= TOPICS_OFFERED) {
        break;
      }
      topics.putIfAbsent(a.id(), topic(a, 0));
    }
    List<Alternative> closest = new ArrayList<>();
    closest.addAll(cameClose);
    topics.values().stream().limit(TOPICS_OFFERED).forEach(closest::add);
    double confidence = hits.isEmpty() ? 0 : Math.min(hits.get(0).confidence(), 1);
    return new Answer(
        question, Answer.Kind.DECLINED, confidence, Optional.empty(), List.of(), closest);
  }

  private static Alternative topic(Article article, double confidence) {
    return new Alternative.Topic(article.id(), article.title(), confidence);
  }
}
