package org.briefbot.conversation.telegram;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.config.BriefbotConfig.TelegramConfig.Delivery;
import org.briefbot.config.ConfigException;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The Telegram channel's settings, from {@code telegram:}, {@code admins:} and {@code
 * store.lowConfidence} in the config and from the environment, checked before anything starts: a
 * wrong value names its key.
 *
 * @param mode polling or webhook
 * @param apiUrl where the Bot API is
 * @param webhook where to listen and what secret to expect; present in webhook mode only
 * @param contextTtl how long a chat's last answer is remembered for follow-ups
 * @param admins Telegram user ids allowed to use the admin commands
 * @param lowConfidence answers below this confidence also go to the unanswered log
 */
public record TelegramSettings(
    Delivery mode,
    TelegramUrl apiUrl,
    Optional<Webhook> webhook,
    Duration contextTtl,
    Set<Long> admins,
    double lowConfidence) {
  /** The environment variable that overrides {@code telegram.apiUrl}. */
  public static final String API_URL_ENV = "TELEGRAM_API_URL";

  /** Telegram's rule for {@code secret_token}. */
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

  /**
   * @param publicUrl the HTTPS URL Telegram posts to (the proxy in front of us)
   * @param port the local port; 0 picks a free one
   * @param path the local path
   * @param secret what Telegram must send in X-Telegram-Bot-Api-Secret-Token
   */
  public record Webhook(String publicUrl, int port, String path, String secret) {
    @Override
    public String toString() {
      return "Webhook[publicUrl="
          + publicUrl
          + ", port="
          + port
          + ", path="
          + path
          + ", secret="
          + Redactor.MASK
          + "]";
    }
  }

  public TelegramSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(webhook, "webhook");
    if ((mode == Delivery.WEBHOOK) != webhook.isPresent()) {
      throw new IllegalArgumentException("webhook settings are for webhook mode only: " + mode);
    }
    if (contextTtl.isNegative() || contextTtl.isZero()) {
      throw new IllegalArgumentException("contextTtl <= 0: " + contextTtl);
    }
    admins = Set.copyOf(admins);
  }

  /**
   * The settings from {@code config}, with {@code env} supplying TELEGRAM_API_URL and the webhook
   * secret.
   */
  public static TelegramSettings from(BriefbotConfig config, Map<String, String> env) {
    BriefbotConfig.TelegramConfig telegram = config.telegram();
    Delivery mode = telegram.mode();
    Optional<String> apiUrlOverride =
        Optional.ofNullable(env.get(API_URL_ENV)).filter(s -> !s.isBlank());
    TelegramUrl apiUrl =
        apiUrl(
            apiUrlOverride.orElse(telegram.apiUrl()),
            apiUrlOverride.isPresent() ? API_URL_ENV : "telegram.apiUrl");
    if (telegram.contextMinutes() < 1) {
      throw new ConfigException("telegram.contextMinutes < 1: " + telegram.contextMinutes());
    }
    Optional<Webhook> webhook =
        mode == Delivery.WEBHOOK ? Optional.of(webhook(telegram.webhook(), env)) : Optional.empty();
    return new TelegramSettings(
        mode,
        apiUrl,
        webhook,
        Duration.ofMinutes(telegram.contextMinutes()),
        admins(config.admins()),
        config.store().lowConfidence());
  }

  /** Telegram user ids are positive; a group id or a typo here would lock an admin out silently. */
  private static Set<Long> admins(java.util.List<Long> ids) {
    for (Long id : ids) {
      if (id == null || id <= 0) {
        throw new ConfigException("admins: not a Telegram user id (a positive number): " + id);
      }
    }
    return Set.copyOf(ids);
  }

  /**
   * {@code scheme://host[:port]}. TelegramBots builds every URL from scheme, host and port, so a
   * path (a Bot API server under a prefix) cannot work and is refused rather than ignored.
   */
  static TelegramUrl apiUrl(String url, String key) {
    String wanted =
        key + " must look like https://api.telegram.org or http://127.0.0.1:8081: " + url;
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new ConfigException(wanted);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new ConfigException(wanted);
    }
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
        || uri.getRawQuery() != null) {
      throw new ConfigException(
          key
              + " must be scheme://host[:port] without a path (TelegramBots cannot use one): "
              + url);
    }
    int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return TelegramUrl.builder()
        .schema(scheme)
        .host(uri.getHost())
        .port(port)
        .testServer(false)
        .build();
  }

  private static Webhook webhook(BriefbotConfig.WebhookConfig config, Map<String, String> env) {
    if (config.url().isBlank()) {
      throw new ConfigException(
          "telegram.webhook.url is required in webhook mode: the public HTTPS URL of your proxy");
    }
    if (config.port() < 0 || config.port() > 65_535) {
      throw new ConfigException("telegram.webhook.port not in 0..65535: " + config.port());
    }
    if (!config.path().startsWith("/")) {
      throw new ConfigException("telegram.webhook.path must start with '/': " + config.path());
    }
    String secret = env.getOrDefault(config.secretEnv(), "");
    if (secret.isBlank()) {
      throw new ConfigException(
          "webhook mode needs a secret: set the environment variable "
              + config.secretEnv()
              + " (telegram.webhook.secretEnv) to 1-256 characters A-Z a-z 0-9 _ -");
    }
    if (!SECRET.matcher(secret).matches()) {
      throw new ConfigException(
          "the secret in "
              + config.secretEnv()
              + " must be 1-256 characters A-Z a-z 0-9 _ - (Telegram's rule)");
    }
    return new Webhook(config.url(), config.port(), config.path(), secret);
  }
}
