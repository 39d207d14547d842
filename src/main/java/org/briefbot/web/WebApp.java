package org.briefbot.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.conversation.Library;
import org.briefbot.store.ResilientStore;

/** What the web serves of briefbot itself: the chat page, the API, health and metrics. */
public final class WebApp {
  private WebApp() {}

  /**
   * The mounts for the page at {@code /}, the API under {@code /api}, {@code /health} and {@code
   * /metrics}, answering from {@code library} and recording in {@code store}.
   */
  public static List<Mount> mounts(
      Library library,
      ResilientStore store,
      BriefbotConfig config,
      WebMetrics metrics,
      Clock clock) {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(clock, "clock");
    StaticFiles files = new StaticFiles();
    WebChat chat =
        new WebChat(
            library,
            store,
            Duration.ofMinutes(config.web().contextMinutes()),
            config.store().lowConfidence());
    Api api =
        new Api(
            library,
            chat,
            metrics,
            new RateLimit(config.web().requestsPerMinute(), clock),
            new Cors(config.web().corsOrigins()),
            files,
            config.answer().maxQuestionChars());
    return List.of(
        new Mount("/", files),
        new Mount("/api", api),
        new Mount("/health", new Health(library, store)),
        new Mount("/metrics", metrics.handler()));
  }
}
