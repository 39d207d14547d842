package org.briefbot.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.briefbot.retrieval.Mode;

/**
 * Every setting of briefbot. {@link #defaults()} is the single source of the defaults; {@code
 * config/briefbot.yaml} documents them and a test keeps the two equal.
 */
public record BriefbotConfig(
    KnowledgeConfig knowledge,
    RetrievalConfig retrieval,
    AnswerConfig answer,
    TelegramConfig telegram,
    List<Long> admins,
    StoreConfig store,
    WebConfig web,
    DeskConfig desk) {

  /** Every setting but the desk's, which keeps its defaults. */
  public BriefbotConfig(
      KnowledgeConfig knowledge,
      RetrievalConfig retrieval,
      AnswerConfig answer,
      TelegramConfig telegram,
      List<Long> admins,
      StoreConfig store,
      WebConfig web) {
    this(knowledge, retrieval, answer, telegram, admins, store, web, defaults().desk());
  }

  /**
   * Where knowledge files live.
   *
   * @param path the knowledge folder
   * @param index folder where the index of the knowledge is kept between runs, so an unchanged
   *     folder is not parsed or indexed again; "" keeps the index in memory only
   */
  public record KnowledgeConfig(String path, String index) {}

  /**
   * How passages are found.
   *
   * @param mode which retrievers rank passages
   * @param semantic whether the sentence-embedding model is loaded at all
   * @param k1 BM25 term-frequency saturation
   * @param b BM25 length normalisation
   * @param fuzzy whether unknown words are matched to close index words ("trainum")
   * @param candidates how many candidates BM25 returns before fusion and answering
   * @param vectorCandidates how many nearest passage vectors HNSW returns before fusion
   * @param embeddingCache folder where passage vectors are kept, keyed by passage text and model
   * @param judge the answer judge's ONNX file (settings beside it as .json), read in hybrid mode
   *     when present; "" never reads one
   */
  public record RetrievalConfig(
      Mode mode,
      boolean semantic,
      double k1,
      double b,
      boolean fuzzy,
      int candidates,
      int vectorCandidates,
      String embeddingCache,
      String judge) {

    /** The answer judge's file, when one is configured. */
    public Optional<Path> judgeFile() {
      return judge.isBlank() ? Optional.empty() : Optional.of(Path.of(judge));
    }

    /** The same settings in another mode; the model is loaded for any mode but bm25. */
    public RetrievalConfig inMode(Mode newMode) {
      return new RetrievalConfig(
          newMode,
          newMode.needsModel(),
          k1,
          b,
          fuzzy,
          candidates,
          vectorCandidates,
          embeddingCache,
          judge);
    }

    /** The same settings without the answer judge: for fitting and measuring the learned models. */
    public RetrievalConfig withoutJudge() {
      return new RetrievalConfig(
          mode, semantic, k1, b, fuzzy, candidates, vectorCandidates, embeddingCache, "");
    }
  }

  /**
   * How answers are chosen and shown.
   *
   * @param threshold confidence below which the bot says it does not know
   * @param alternatives how many other passages to offer
   * @param entityNotes how many entity notes to attach
   * @param maxQuestionChars longer questions are cut to this length before searching
   */
  public record AnswerConfig(
      double threshold, int alternatives, int entityNotes, int maxQuestionChars) {}

  /**
   * The Telegram channel. The token itself comes from the TELEGRAM_BOT_TOKEN environment variable
   * only.
   *
   * @param mode polling or webhook
   * @param apiUrl Bot API base URL; TELEGRAM_API_URL overrides it
   * @param webhook webhook settings, used when mode is webhook
   * @param contextMinutes how long a chat's last answer is kept for follow-ups
   */
  public record TelegramConfig(
      Delivery mode, String apiUrl, WebhookConfig webhook, int contextMinutes) {
    /** How updates reach the bot. */
    public enum Delivery {
      POLLING,
      WEBHOOK
    }
  }

  /**
   * @param url public HTTPS URL Telegram posts updates to (the proxy in front of us)
   * @param port local port to listen on
   * @param path local path to listen on
   * @param secretEnv name of the environment variable holding the secret token
   */
  public record WebhookConfig(String url, int port, String path, String secretEnv) {}

  /**
   * Where feedback, the unanswered log, chat context and usage counts are kept.
   *
   * @param url JDBC URL: {@code jdbc:sqlite:FILE} (relative to the working directory) or {@code
   *     jdbc:postgresql://HOST:PORT/DB?user=...&password=...} for replicas sharing state
   * @param lowConfidence answers below this confidence are put in the unanswered log too
   */
  public record StoreConfig(String url, double lowConfidence) {}

  /**
   * The web server of {@code serve}: the API, the chat page, {@code /health}, {@code /metrics} and
   * the Telegram webhook in webhook mode.
   *
   * @param host the address to listen on; 127.0.0.1 keeps it to this machine (a proxy in front)
   * @param port the port to listen on; {@code --port} overrides it; 0 picks a free one
   * @param threads requests handled at once; more wait in the server's queue
   * @param corsOrigins origins (scheme://host[:port]) whose pages may call the API from a browser
   * @param requestsPerMinute API requests one client (address) may make per minute; 0: no limit
   * @param contextMinutes how long a web conversation's last answer is kept for follow-ups
   */
  public record WebConfig(
      String host,
      int port,
      int threads,
      List<String> corsOrigins,
      int requestsPerMinute,
      int contextMinutes) {
    public WebConfig {
      corsOrigins = List.copyOf(corsOrigins);
    }

    /** The same settings on another port, e.g. from {@code --port}. */
    public WebConfig onPort(int newPort) {
      return new WebConfig(host, newPort, threads, corsOrigins, requestsPerMinute, contextMinutes);
    }
  }

  /** This config with other retrieval settings, e.g. another mode. */
  public BriefbotConfig withRetrieval(RetrievalConfig other) {
    return new BriefbotConfig(knowledge, other, answer, telegram, admins, store, web, desk);
  }

  /** This config with other web settings, e.g. another port. */
  public BriefbotConfig withWeb(WebConfig other) {
    return new BriefbotConfig(knowledge, retrieval, answer, telegram, admins, store, other, desk);
  }

  /**
   * The editors' desk, served at {@code /desk} by {@code serve}.
   *
   * @param secretEnv name of the environment variable holding the editors' secret; the desk is off
   *     (answers 503 saying how to turn it on) while it is unset
   * @param secureCookie mark the session cookie Secure: set it when an HTTPS proxy is in front
   * @param sessionMinutes how long a login lasts
   * @param loginAttempts failed logins allowed per client address in 15 minutes
   */
  public record DeskConfig(
      String secretEnv, boolean secureCookie, int sessionMinutes, int loginAttempts) {}

  public static BriefbotConfig defaults() {
    return new BriefbotConfig(
        new KnowledgeConfig("knowledge", "data/index"),
        new RetrievalConfig(
            Mode.HYBRID,
            true,
            0.9,
            0.4,
            true,
            50,
            100,
            "data/embeddings",
            "models/answer-judge.onnx"),
        new AnswerConfig(0.27, 3, 3, 1000),
        new TelegramConfig(
            TelegramConfig.Delivery.POLLING,
            "https://api.telegram.org",
            new WebhookConfig("", 8443, "/telegram", "TELEGRAM_WEBHOOK_SECRET"),
            15),
        List.of(),
        new StoreConfig("jdbc:sqlite:data/briefbot.db", 0.5),
        new WebConfig("127.0.0.1", 8080, 16, List.of(), 60, 15),
        new DeskConfig("BRIEFBOT_DESK_SECRET", false, 480, 5));
  }
}
