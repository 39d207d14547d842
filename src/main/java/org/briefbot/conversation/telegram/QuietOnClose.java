package org.briefbot.conversation.telegram;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Lets long polling stop at once without a scary log. Stopping within seconds means cancelling the
 * getUpdates in flight (up to 50 s), and TelegramBots logs a cancelled call as an ERROR with a
 * stack trace. So the library's calls are made here, as separate calls on {@code network} that
 * {@link #close()} can cancel, and answered "no updates" from then on.
 */
final class QuietOnClose implements Interceptor {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient network;
  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closing;

  QuietOnClose(OkHttpClient network) {
    this.network = network;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (closing) {
      return noUpdates(chain.request());
    }
    Call call = network.newCall(chain.request());
    inFlight.add(call);
    try {
      return call.execute();
    } catch (IOException e) {
      if (closing) {
        return noUpdates(chain.request());
      }
      throw e;
    } finally {
      inFlight.remove(call);
    }
  }

  /** Cancels the calls in flight; they and any later ones return no updates. */
  void close() {
    closing = true;
    inFlight.forEach(Call::cancel);
  }

  /** An empty getUpdates answer: what a poll gets while it cannot or need not reach Telegram. */
  static Response noUpdates(Request request) {
    return new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .body(ResponseBody.create("{\"ok\":true,\"result\":[]}", JSON))
        .build();
  }
}
