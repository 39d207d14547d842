package org.briefbot.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.briefbot.transport.Conversation;

/**
 * The answering core, wired: knowledge, entity catalog, index, answerer and the shared
 * conversation logic. Immutable: a knowledge change builds a new one ({@link LiveCore}); closing
 * it releases the index.
 */
public record Core(Knowledge knowledge, EntityCatalog catalog, PassageIndex index, Answerer answerer, Conversation conversation)
    implements AutoCloseable {

  public static Core load(BriefbotConfig config, Path knowledgeDir) {
    return build(config, new KnowledgeLoader().load(knowledgeDir));
  }

  /** The core over knowledge already loaded, e.g. by a live reload that remembers the last good files. */
  public static Core build(BriefbotConfig config, Knowledge knowledge) {
    EntityCatalog catalog = EntityCatalog.build(knowledge);
    TextAnalysis analysis = new TextAnalysis();
    BriefbotConfig.Retrieval retrieval = config.retrieval();
    IndexSettings settings = IndexSettings.defaults(retrieval.k1(), retrieval.b(), retrieval.fuzzy());
    IndexInput input = new IndexInput(knowledge.passages(), articleContext(knowledge), catalog.synonymGroups());
    PassageIndex index = PassageIndex.build(input, settings, analysis);
    BriefbotConfig.Answer a = config.answer();
    AnswerSettings answerSettings = new AnswerSettings(a.threshold(), a.alternatives(), a.entityNotes(), a.maxQuestionChars(), retrieval.candidates());
    Answerer answerer = new Answerer(knowledge.articles(), catalog, index, analysis, answerSettings);
    return new Core(knowledge, catalog, index, answerer, new Conversation(answerer, a.maxQuestionChars()));
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
    index.close();
  }
}
