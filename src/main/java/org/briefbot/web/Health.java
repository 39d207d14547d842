package org.briefbot.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.briefbot.conversation.Library;
import org.briefbot.conversation.ServingStatus;
import org.briefbot.store.ResilientStore;

/**
 * {@code /health}: ready (200) when knowledge is loaded (at least one passage serves) and the store
 * answers a ping, else 503 saying which is missing; {@code /health/live}: 200 while the process
 * serves requests at all. Both JSON, for load balancers and people alike.
 */
final class Health implements HttpHandler {
  private final Library library;
  private final ResilientStore store;

  Health(Library library, ResilientStore store) {
    this.library = Objects.requireNonNull(library, "library");
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Exchanges.requireMethod(exchange, Set.of("GET", "HEAD"));
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/health/live")) {
      Exchanges.json(exchange, 200, Map.of("live", true));
    } else if (path.equals("/health")) {
      ready(exchange);
    } else {
      throw new Problem(404, "nothing here: " + path + "; see /health or /health/live");
    }
  }

  private void ready(HttpExchange exchange) throws IOException {
    Map<String, Object> knowledge = knowledge();
    Optional<ResilientStore.Failure> failure = store.check();
    boolean ready = Boolean.TRUE.equals(knowledge.get("loaded")) && failure.isEmpty();
    Map<String, Object> storeState = new LinkedHashMap<>();
    storeState.put("reachable", failure.isEmpty());
    storeState.put("store", store.describe());
    failure.ifPresent(
        f -> {
          storeState.put("error", f.error());
          storeState.put("since", f.since().toString());
        });
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "ready" : "not ready");
    body.put("live", true);
    body.put("ready", ready);
    body.put("knowledge", knowledge);
    body.put("store", storeState);
    Exchanges.json(exchange, ready ? 200 : 503, body);
  }

  private Map<String, Object> knowledge() {
    Map<String, Object> state = new LinkedHashMap<>();
    try {
      Library.Loaded loaded = library.loaded();
      state.put("loaded", loaded.passages() > 0);
      state.put("articles", loaded.articles());
      state.put("passages", loaded.passages());
      state.put("filesWithErrors", loaded.filesWithErrors());
      state.put("retrievalMode", loaded.retrievalMode());
      state.put("serving", serving(library.status()));
    } catch (IllegalStateException e) { // closed while shutting down
      state.put("loaded", false);
      state.put("error", String.valueOf(e.getMessage()));
    }
    return state;
  }

  /** Which mode answers now and how far background embedding has got. */
  private static Map<String, Object> serving(ServingStatus status) {
    Map<String, Object> serving = new LinkedHashMap<>();
    serving.put("mode", status.mode());
    serving.put("configured", status.configured());
    serving.put("embedding", status.embedding());
    serving.put("percentEmbedded", status.percentEmbedded());
    status.timeLeft().ifPresent(t -> serving.put("secondsLeft", t.toSeconds()));
    serving.put("answerJudge", status.answerJudge());
    serving.put("describe", status.describe());
    return serving;
  }
}
