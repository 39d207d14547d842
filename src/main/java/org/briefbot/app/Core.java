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
 * model is on), retriever, answerer and the shared conversation logic. Immutable: a knowledge
 * change builds a new one ({@link LiveCore}). Closing it releases the index, and the model when
 * this core opened it ({@code ownedModel}); a model shared by several cores is closed by its owner.
 */
public record Core(
    Knowledge knowledge,
    EntityCatalog catalog,
    PassageIndex index,
    Answerer answerer,
    Conversation conversation,
    Retriever retriever,
    Optional<Embeddings> ownedModel)
    implements AutoCloseable {

  public static Core load(BriefbotConfig config, Path knowledgeDir) {
    return build(config, new KnowledgeLoader().load(knowledgeDir));
  }

  /** The core over knowledge already loaded; opens (and owns) the model when the config wants one. */
  public static Core build(BriefbotConfig config, Knowledge knowledge) {
    Optional<Embeddings> model = openModel(config);
    return build(config, knowledge, model, model);
  }

  /** The core over knowledge already loaded, using a model its caller owns (live reloads share one). */
  public static Core build(BriefbotConfig config, Knowledge knowledge, Optional<Embeddings> sharedModel) {
    return build(config, knowledge, sharedModel, Optional.empty());
  }

  /** The embedding model the config asks for, if any; the caller closes it. */
  public static Optional<Embeddings> openModel(BriefbotConfig config) {
    return config.retrieval().semantic() ? Optional.of(Models.open(config.retrieval())) : Optional.empty();
  }

  private static Core build(BriefbotConfig config, Knowledge knowledge, Optional<Embeddings> embeddings, Optional<Embeddings> owned) {
    EntityCatalog catalog = EntityCatalog.build(knowledge);
    TextAnalysis analysis = new TextAnalysis();
    BriefbotConfig.Retrieval retrieval = config.retrieval();
    IndexSettings settings = IndexSettings.defaults(retrieval.k1(), retrieval.b(), retrieval.fuzzy());
    IndexInput input = new IndexInput(knowledge.passages(), articleContext(knowledge), catalog.synonymGroups());
    PassageIndex index = Retriever.buildIndex(input, settings, analysis, embeddings);
    Retriever retriever = new Retriever(index, Mode.of(retrieval.mode()), embeddings, RetrievalSettings.defaults(retrieval.vectorCandidates()));
    BriefbotConfig.Answer a = config.answer();
    AnswerSettings answerSettings = new AnswerSettings(a.threshold(), a.alternatives(), a.entityNotes(), a.maxQuestionChars(), retrieval.candidates());
    Answerer answerer = new Answerer(knowledge.articles(), catalog, retriever, analysis, answerSettings);
    return new Core(knowledge, catalog, index, answerer, new Conversation(answerer, a.maxQuestionChars()), retriever, owned);
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
    ownedModel.ifPresent(Embeddings::close);
  }
}
