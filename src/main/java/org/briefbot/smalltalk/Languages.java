package org.briefbot.smalltalk;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The language detector: which language a text is in, when it is sure. */
final class Languages {
  /**
   * The detector samples n-grams at random: a fixed seed makes the same message get the same reply.
   */
  private static final long SEED = 20_251_103L;

  /** The detector must give the language at least this probability, and English less than... */
  private static final double SURE = 0.9;

  /** ...this one. */
  private static final double ENGLISH_AT_MOST = 0.05;

  private final LanguageDetector detector;
  private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();

  private Languages(LanguageDetector detector) {
    this.detector = detector;
  }

  /**
   * The detector every conversation shares. Its 71 language profiles are read-only data from the
   * jar, like a compiled pattern; reading them again at every knowledge reload would cost each
   * reload for nothing. Loaded on the first message that needs it.
   */
  static Languages shared() {
    return Holder.LANGUAGES;
  }

  private static final class Holder {
    static final Languages LANGUAGES = load();
  }

  private static Languages load() {
    try {
      return new Languages(
          LanguageDetectorBuilder.create(NgramExtractors.standard())
              .withProfiles(new LanguageProfileReader().readAllBuiltIn())
              .seed(SEED)
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the language profiles: " + e.getMessage(), e);
    }
  }

  /**
   * The English name of the language {@code text} is in ("German"), when the detector is sure it is
   * one and that it is not English.
   */
  Optional<String> nonEnglish(String text) {
    List<DetectedLanguage> guesses =
        detector.getProbabilities(texts.forText(text)).stream()
            .sorted(Comparator.comparingDouble(DetectedLanguage::getProbability).reversed())
            .toList();
    boolean englishLikely =
        guesses.stream()
            .anyMatch(
                g ->
                    g.getLocale().getLanguage().equals("en")
                        && g.getProbability() > ENGLISH_AT_MOST);
    if (guesses.isEmpty() || englishLikely || guesses.get(0).getProbability() < SURE) {
      return Optional.empty();
    }
    String code = guesses.get(0).getLocale().getLanguage();
    return Optional.of(Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH))
        .filter(name -> !name.isBlank() && !name.equals(code));
  }
}
