package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.config.BriefbotConfig.TelegramConfig.Delivery;
import org.briefbot.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.TelegramUrl;

class TelegramSettingsTest {
  private static final BriefbotConfig.TelegramConfig DEFAULTS =
      BriefbotConfig.defaults().telegram();

  @Test
  void defaultsPollTheRealBotApi() {
    TelegramSettings settings =
        TelegramSettings.from(LiveBot.config(DEFAULTS, List.of()), Map.of());

    assertThat(settings.mode()).isEqualTo(Delivery.POLLING);
    assertThat(settings.apiUrl()).isEqualTo(TelegramUrl.DEFAULT_URL);
    assertThat(settings.webhook()).isEmpty();
    assertThat(settings.contextTtl()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void theEnvironmentOverridesTheConfiguredApiUrl() {
    TelegramSettings settings =
        TelegramSettings.from(
            LiveBot.config(DEFAULTS, List.of()),
            Map.of("TELEGRAM_API_URL", "http://127.0.0.1:8081"));

    assertThat(settings.apiUrl()).isEqualTo(new TelegramUrl("http", "127.0.0.1", 8081, false));
  }

  @ParameterizedTest
  @CsvSource({
    "https://api.example.org/tg/, 'TELEGRAM_API_URL must be scheme://host[:port] without a path (TelegramBots cannot use one): https://api.example.org/tg/'",
    "ftp://api.example.org, 'TELEGRAM_API_URL must look like https://api.telegram.org or http://127.0.0.1:8081: ftp://api.example.org'",
    "127.0.0.1:8081, 'TELEGRAM_API_URL must look like https://api.telegram.org or http://127.0.0.1:8081: 127.0.0.1:8081'"
  })
  void anApiUrlTelegramBotsCannotUseIsRefusedByName(String url, String message) {
    assertThatThrownBy(
            () ->
                TelegramSettings.from(
                    LiveBot.config(DEFAULTS, List.of()), Map.of("TELEGRAM_API_URL", url)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  @Test
  void webhookModeReadsTheSecretFromTheNamedVariable() {
    TelegramSettings settings =
        TelegramSettings.from(
            LiveBot.config(webhook("https://bot.example.org/telegram"), List.of()),
            Map.of("TELEGRAM_WEBHOOK_SECRET", "abc_DEF-123"));

    TelegramSettings.Webhook webhook = settings.webhook().orElseThrow();
    assertThat(webhook)
        .isEqualTo(
            new TelegramSettings.Webhook(
                "https://bot.example.org/telegram", 8443, "/telegram", "abc_DEF-123"));
    assertThat(webhook.toString()).doesNotContain("abc_DEF-123");
  }

  @Test
  void webhookModeWithoutASecretSaysWhichVariableToSet() {
    assertThatThrownBy(
            () ->
                TelegramSettings.from(
                    LiveBot.config(webhook("https://bot.example.org/telegram"), List.of()),
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "webhook mode needs a secret: set the environment variable TELEGRAM_WEBHOOK_SECRET (telegram.webhook.secretEnv)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "semi;colon", "ünï"})
  void aSecretTelegramWouldRefuseIsRefusedFirst(String secret) {
    assertThatThrownBy(
            () ->
                TelegramSettings.from(
                    LiveBot.config(webhook("https://bot.example.org/telegram"), List.of()),
                    Map.of("TELEGRAM_WEBHOOK_SECRET", secret)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "the secret in TELEGRAM_WEBHOOK_SECRET must be 1-256 characters A-Z a-z 0-9 _ - (Telegram's rule)");
  }

  @Test
  void webhookModeNeedsThePublicUrl() {
    assertThatThrownBy(
            () ->
                TelegramSettings.from(
                    LiveBot.config(webhook(""), List.of()), Map.of("TELEGRAM_WEBHOOK_SECRET", "s")))
        .hasMessage(
            "telegram.webhook.url is required in webhook mode: the public HTTPS URL of your proxy");
  }

  @Test
  void contextMinutesMustBePositive() {
    BriefbotConfig.TelegramConfig zero =
        new BriefbotConfig.TelegramConfig(
            Delivery.POLLING, DEFAULTS.apiUrl(), DEFAULTS.webhook(), 0);

    assertThatThrownBy(() -> TelegramSettings.from(LiveBot.config(zero, List.of()), Map.of()))
        .hasMessage("telegram.contextMinutes < 1: 0");
  }

  @Test
  void adminsAndTheLowConfidenceMarkComeFromTheirOwnSections() {
    TelegramSettings settings =
        TelegramSettings.from(LiveBot.config(DEFAULTS, List.of(1717L, 42L)), Map.of());

    assertThat(settings.admins()).containsExactlyInAnyOrder(1717L, 42L);
    assertThat(settings.lowConfidence())
        .isEqualTo(BriefbotConfig.defaults().store().lowConfidence());
    assertThat(TelegramSettings.from(BriefbotConfig.defaults(), Map.of()).admins()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -100777})
  void anAdminMustBeATelegramUserNotAGroup(long id) {
    assertThatThrownBy(
            () -> TelegramSettings.from(LiveBot.config(DEFAULTS, List.of(1717L, id)), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("admins: not a Telegram user id (a positive number): " + id);
  }

  private static BriefbotConfig.TelegramConfig webhook(String url) {
    BriefbotConfig.WebhookConfig w = DEFAULTS.webhook();
    return new BriefbotConfig.TelegramConfig(
        Delivery.WEBHOOK,
        DEFAULTS.apiUrl(),
        new BriefbotConfig.WebhookConfig(url, w.port(), w.path(), w.secretEnv()),
        15);
  }
}
