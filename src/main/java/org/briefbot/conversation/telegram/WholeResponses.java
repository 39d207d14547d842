package org.briefbot.conversation.telegram;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads each response's body before TelegramBots' callback sees it. The library's async client
 * reads the body inside OkHttp's callback, where an IOException (a connection dropped halfway
 * through the body: "unexpected end of stream") is only logged by OkHttp and the request's future
 * never completes: the reply hangs, neither sent nor retried. Read here, the same failure fails the
 * call, and the {@link Outbox} retries it.
 */
final class WholeResponses implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    if (body == null) {
      return response;
    }
    byte[] bytes;
    try (body) {
      bytes = body.bytes();
    }
    return response.newBuilder().body(ResponseBody.create(bytes, body.contentType())).build();
  }
}
