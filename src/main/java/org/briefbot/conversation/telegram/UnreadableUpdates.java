package org.briefbot.conversation.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Keeps one update the library cannot read from stalling the bot. TelegramBots parses a whole
 * getUpdates batch at once; if one update fails (a field shape it does not know), it logs, backs
 * off and asks again for the same batch, forever. Here each update of a batch is tried on its own
 * first; one that cannot be read is logged with its id and replaced by its bare id, so the offset
 * moves past it and the others are handled.
 */
final class UnreadableUpdates implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(UnreadableUpdates.class);

  /**
   * What TelegramBots parses responses with (a plain mapper), so "readable" means the same to both.
   */
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String path = chain.request().url().encodedPath().toLowerCase(Locale.ROOT);
    if (!path.endsWith("/getupdates") || !response.isSuccessful() || response.body() == null) {
      return response;
    }
    String body = response.body().string();
    return response.newBuilder().body(ResponseBody.create(checked(body), JSON_TYPE)).build();
  }

  /**
   * The body with every unreadable update reduced to its id; as it was if nothing needed changing.
   */
  private static String checked(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return body; // not JSON at all: the library reports that itself
    }
    if (!(root.path("result") instanceof ArrayNode updates)) {
      return body;
    }
    boolean changed = false;
    for (int i = 0; i < updates.size(); i++) {
      if (!readable(updates.get(i))) {
        long id = updates.get(i).path("update_id").asLong();
        ObjectNode bare = JSON.createObjectNode().put("update_id", id);
        updates.set(i, bare);
        changed = true;
      }
    }
    return changed ? root.toString() : body;
  }

  private static boolean readable(JsonNode update) {
    try {
      JSON.treeToValue(update, Update.class);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      log.error(
          "Cannot read update {}, skipping it: {}",
          update.path("update_id").asText("?"),
          e.getMessage().lines().findFirst().orElse(""));
      return false;
    }
  }
}
