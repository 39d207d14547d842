package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.briefbot.app.LiveLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.config.BriefbotConfig.TelegramConfig.Delivery;
import org.briefbot.store.ResilientStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A bot that cannot start says why, without the token, and leaves nothing running. */
class StartupIT {
  private static LiveLibrary library;

  /** Never used: the start fails before anything is recorded. */
  private final ResilientStore store =
      ResilientStore.open("jdbc:sqlite::memory:", Clock.systemUTC());

  @BeforeAll
  static void loadCore() {
    library = LiveBot.library(Path.of("knowledge"));
  }

  @AfterAll
  static void closeCore() {
    library.close();
  }

  @Test
  void aTokenTelegramRefusesStopsTheStartWithAPlainMessage() {
    try (FakeBotApi api = new FakeBotApi()) {
      api.failNext("getMe", 401, "Unauthorized");
      TelegramSettings settings =
          TelegramSettings.from(
              BriefbotConfig.defaults(), Map.of("TELEGRAM_API_URL", api.baseUrl()));

      assertThatThrownBy(() -> TelegramBot.start(library, store, settings, LiveBot.TOKEN))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Telegram getMe failed: Error executing org.telegram.telegrambots.meta.api.methods.GetMe query: [401] Unauthorized");
      assertThat(api.count("getMe")).isEqualTo(1); // a refusal is not retried
      assertThat(LiveBot.ourThreads()).isEmpty();
    }
  }

  @Test
  void aWebhookTelegramRefusesStopsListeningAgain() {
    try (FakeBotApi api = new FakeBotApi()) {
      api.failNext(
          "setWebhook", 400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
      BriefbotConfig.TelegramConfig defaults = BriefbotConfig.defaults().telegram();
      BriefbotConfig.WebhookConfig webhook =
          new BriefbotConfig.WebhookConfig(
              "http://insecure.example.org/hook", 0, "/hook", "SECRET_VAR");
      BriefbotConfig.TelegramConfig telegram =
          new BriefbotConfig.TelegramConfig(Delivery.WEBHOOK, defaults.apiUrl(), webhook, 15);
      TelegramSettings settings =
          TelegramSettings.from(
              LiveBot.config(telegram, List.of()),
              Map.of("TELEGRAM_API_URL", api.baseUrl(), "SECRET_VAR", "s3cret"));

      assertThatThrownBy(() -> TelegramBot.start(library, store, settings, LiveBot.TOKEN))
          .hasMessageEndingWith(
              "[400] Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
      assertThat(LiveBot.ourThreads()).isEmpty();
    }
  }
}
