package org.briefbot.desk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.briefbot.config.BriefbotConfig;

/**
 * How the desk runs.
 *
 * @param secretEnv the environment variable the secret comes from, named in the message shown while
 *     the desk is off
 * @param secret the editors' secret; empty turns the desk off
 * @param secureCookie whether the session cookie is marked Secure (behind HTTPS)
 * @param sessionTtl how long a login lasts
 * @param loginAttempts failed logins allowed per client address in {@link #LOGIN_WINDOW}
 * @param faqFolder the curated FAQ folder, {@code knowledge/faq}
 * @param lowConfidence answers at or above this confidence are "confident" (the review queue)
 */
public record DeskSettings(
    String secretEnv,
    Optional<String> secret,
    boolean secureCookie,
    Duration sessionTtl,
    int loginAttempts,
    Path faqFolder,
    double lowConfidence) {
  /** A shorter secret is refused: it could be guessed despite the login throttle. */
  public static final int MIN_SECRET_CHARS = 16;

  /** The period over which failed logins are counted. */
  public static final Duration LOGIN_WINDOW = Duration.ofMinutes(15);

  public DeskSettings {
    Objects.requireNonNull(secretEnv, "secretEnv");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(sessionTtl, "sessionTtl");
    Objects.requireNonNull(faqFolder, "faqFolder");
    if (loginAttempts < 1) {
      throw new IllegalArgumentException("loginAttempts < 1: " + loginAttempts);
    }
  }

  /** The settings of {@code config}, the secret read from {@code env}. */
  public static DeskSettings from(BriefbotConfig config, Map<String, String> env, Path knowledge) {
    BriefbotConfig.DeskConfig desk = config.desk();
    return new DeskSettings(
        desk.secretEnv(),
        Optional.ofNullable(env.get(desk.secretEnv())).filter(s -> !s.isEmpty()),
        desk.secureCookie(),
        Duration.ofMinutes(desk.sessionMinutes()),
        desk.loginAttempts(),
        knowledge.resolve("faq"),
        config.store().lowConfidence());
  }

  /** Why the desk is off, or empty when it is on. */
  Optional<String> off() {
    if (secret.isEmpty()) {
      return Optional.of(
          "The editors' desk is off. To turn it on, set the environment variable "
              + secretEnv
              + " to a secret of at least "
              + MIN_SECRET_CHARS
              + " characters and restart briefbot.");
    }
    if (secret.get().length() < MIN_SECRET_CHARS) {
      return Optional.of(
          "The editors' desk is off: the secret in "
              + secretEnv
              + " is shorter than "
              + MIN_SECRET_CHARS
              + " characters. Set a longer one and restart briefbot.");
    }
    return Optional.empty();
  }
}
