package org.briefbot.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.briefbot.answer.AnswerSettings;
import org.briefbot.answer.Answerer;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.entities.EntityCatalog;
import org.briefbot.index.IndexInput;
import org.briefbot.index.IndexSettings;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.TextAnalysis;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.briefbot.retrieval.Embeddings;
import org.briefbot.retrieval.Mode;
import org.briefbot.retrieval.RetrievalSettings;
import org.briefbot.retrieval.Retriever;
import org.briefbot.transport.Conversation;

/**
 * The answering core, wired: knowledge, entity catalog, index (with passage vectors when the
 * model is on), retriever, answerer and the shared conversation logic. Built once at start-up;
 * closing it releases the index and the model.
 */
public record Core(
    Knowledge knowledge,
    EntityCatalog catalog,
    PassageIndex index,
    Answerer answerer,
    Conversation conversation,
    Retriever retriever,
    Optional<AutoCloseable> model)
    implements AutoCloseable {

  public static Core load(BriefbotConfig config, Path knowledgeDir) {
    Knowledge knowledge = new KnowledgeLoader().load(knowledgeDir);
    EntityCatalog catalog = EntityCatalog.build(knowledge);
    TextAnalysis analysis = new TextAnalysis();
    BriefbotConfig.Retrieval retrieval = config.retrieval();
    IndexSettings settings = IndexSettings.defaults(retrieval.k1(), retrieval.b(), retrieval.fuzzy());
    IndexInput input = new IndexInput(knowledge.passages(), articleContext(knowledge), catalog.synonymGroups());
    Optional<Embeddings> embeddings = retrieval.semantic() ? Optional.of(Models.open(retrieval)) : Optional.empty();
    PassageIndex index = Retriever.buildIndex(input, settings, analysis, embeddings);
    Retriever retriever = new Retriever(index, Mode.of(retrieval.mode()), embeddings, RetrievalSettings.defaults(retrieval.vectorCandidates()));
    BriefbotConfig.Answer a = config.answer();
    AnswerSettings answerSettings = new AnswerSettings(a.threshold(), a.alternatives(), a.entityNotes(), a.maxQuestionChars(), retrieval.candidates());
    Answerer answerer = new Answerer(knowledge.articles(), catalog, retriever, analysis, answerSettings);
    return new Core(knowledge, catalog, index, answerer, new Conversation(answerer, a.maxQuestionChars()), retriever,
        embeddings.map(e -> (AutoCloseable) e));
  }

  /** Hashtags and themes per article: words that describe the article as a whole. */
  private static Map<String, String> articleContext(Knowledge knowledge) {
    Map<String, String> context = new LinkedHashMap<>();
    for (Article article : knowledge.articles()) {
      context.put(article.id(), String.join(", ", article.hashtags()) + "\n" + String.join(", ", article.themes()));
    }
    return context;
  }

  @Override
  public void close() {
    retriever.close();
    index.close();
    model.ifPresent(Models::close);
  }
}
