package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private static final String TOKEN = "123456:ABC-def_GHI";
  private final Redactor redactor = new Redactor(TOKEN);

  @Test
  void takesTheTokenOutOfUrls() {
    assertThat(redactor.redact("POST https://api.telegram.org/bot" + TOKEN + "/sendMessage failed"))
        .isEqualTo("POST https://api.telegram.org/bot<redacted>/sendMessage failed");
    assertThat(redactor.redact("GET /bot123456%3AABC-def_GHI/getMe"))
        .isEqualTo("GET /bot<redacted>/getMe");
  }

  @Test
  void aScrubbedExceptionPrintsLikeTheOriginalWithoutTheToken() {
    IOException cause =
        new IOException(
            "unexpected end of stream on https://api.telegram.org/bot" + TOKEN + "/getUpdates");
    IllegalStateException failure =
        new IllegalStateException("call to /bot" + TOKEN + "/x failed", cause);

    Throwable scrubbed = redactor.scrub(failure);

    StringWriter printed = new StringWriter();
    scrubbed.printStackTrace(new PrintWriter(printed));
    assertThat(printed.toString())
        .doesNotContain(TOKEN)
        .contains("java.lang.IllegalStateException: call to /bot<redacted>/x failed")
        .contains("Caused by: java.io.IOException: unexpected end of stream")
        .contains("RedactorTest.aScrubbedExceptionPrintsLikeTheOriginalWithoutTheToken");
  }
}
