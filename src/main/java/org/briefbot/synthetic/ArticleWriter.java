package org.briefbot.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes one article in the seed's plain-text format: title, hashtags, then the seed's headings
 * with the seed's junk characters ("π Key Takeaways", "π·οΈ Themes"), empty "Mentioned Entities"
 * now and then, entity notes cut off with "...", FAQ answers without their questions, and no line
 * end after the last line.
 */
final class ArticleWriter {
  static final String KEY_TAKEAWAYS = "\u03c0 Key Takeaways";
  static final String THEMES = "\u03c0\u00b7\u03bf\u0388 Themes";
  static final String RELATED = "\u03c0 Related People & Topics";

  private final EntityPool pool;

  ArticleWriter(EntityPool pool) {
    this.pool = pool;
  }

  /** A written article: its file name stem and its text. */
  record Written(String id, String text) {}

  Written write(Dice dice, int number) {
    Cast cast = Cast.draw(pool, dice);
    String title = fill(dice.pick(Sentences.TITLES), cast, dice);
    List<String> lines = new ArrayList<>();
    lines.add(title);
    lines.add(hashtags(cast, dice));
    lines.add(KEY_TAKEAWAYS);
    distinct(dice, Sentences.TAKEAWAYS, dice.between(3, 5))
        .forEach(t -> lines.add("- " + fill(t, cast, dice)));
    lines.add(THEMES);
    lines.add(themes(dice));
    lines.add(RELATED);
    for (PoolEntity entity : cast.related(pool, dice)) {
      lines.add(entity.name());
      lines.add(entity.kind());
      lines.add(entity.note());
    }
    lines.add("Entity Intersection Graph");
    lines.add("Connections for " + cast.lead().name() + ":");
    lines.add("Mentioned Entities");
    if (dice.chance(0.5)) {
      lines.add(cast.partner().name() + ", " + cast.person().name());
    }
    lines.add("Deep Analysis");
    lines.add("Why It Matters");
    lines.add(paragraph(dice, Sentences.ANALYSIS, dice.between(4, 5), cast));
    lines.add("Context & Background");
    distinct(dice, Sentences.BACKGROUND, dice.between(3, 5))
        .forEach(t -> lines.add("- " + fill(t, cast, dice)));
    lines.add("What Happens Next");
    lines.add(paragraph(dice, Sentences.NEXT, dice.between(3, 4), cast));
    lines.add("Frequently Asked Questions");
    distinct(dice, Sentences.FAQ, dice.between(4, 6)).forEach(t -> lines.add(fill(t, cast, dice)));
    return new Written(
        String.format(Locale.ROOT, "%06d-%s", number, slug(title)), String.join("\n", lines));
  }

  private String hashtags(Cast cast, Dice dice) {
    List<String> tags =
        List.of(
            cast.lead().name(),
            cast.partner().name(),
            cast.product().name(),
            cast.sector(),
            cast.deal(),
            dice.pickZipf(Vocabulary.TOPIC_NOUNS));
    StringBuilder line = new StringBuilder();
    for (String tag : tags) {
      line.append(line.length() == 0 ? "#" : " #").append(tag);
    }
    return line.toString();
  }

  private static String themes(Dice dice) {
    String first = dice.pickZipf(Vocabulary.THEMES);
    String second = dice.pickZipf(Vocabulary.THEMES);
    return first.equals(second) ? first : first + ", " + second;
  }

  private static String paragraph(Dice dice, List<String> templates, int count, Cast cast) {
    List<String> sentences = new ArrayList<>();
    distinct(dice, templates, count).forEach(t -> sentences.add(fill(t, cast, dice)));
    return String.join(" ", sentences);
  }

  /** {@code count} different templates in a random order. */
  private static List<String> distinct(Dice dice, List<String> templates, int count) {
    List<String> left = new ArrayList<>(templates);
    List<String> chosen = new ArrayList<>();
    while (chosen.size() < count && !left.isEmpty()) {
      chosen.add(left.remove(dice.below(left.size())));
    }
    return chosen;
  }

  static String fill(String template, Cast cast, Dice dice) {
    StringBuilder out = new StringBuilder(template.length() + 64);
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}') {
        out.append(slot(template.charAt(i + 1), cast, dice));
        i += 2;
      } else {
        out.append(c);
      }
    }
    String text = out.toString();
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String slot(char name, Cast cast, Dice dice) {
    return switch (name) {
      case 'A' -> cast.lead().name();
      case 'B' -> cast.partner().name();
      case 'P' -> cast.person().name();
      case 'X' -> cast.product().name();
      case 'D' -> cast.deal();
      case 'S' -> cast.sector();
      case 'N' -> Integer.toString(cast.amount());
      case 'Y' -> Integer.toString(cast.year());
      case 'T' -> dice.pickZipf(Vocabulary.TOPIC_NOUNS);
      case 'J' -> dice.pickZipf(Vocabulary.ADJECTIVES);
      case 'j' -> EntityPool.withArticle(dice.pickZipf(Vocabulary.ADJECTIVES));
      case 'R' -> dice.pickZipf(Vocabulary.REGIONS);
      case 'K' -> dice.pickZipf(Vocabulary.ANALYSTS);
      case 'V' -> dice.pickZipf(Vocabulary.VERBS);
      case 'M' -> Integer.toString(dice.between(3, 36));
      default -> throw new IllegalArgumentException("unknown slot {" + name + "}");
    };
  }

  private static String slug(String title) {
    String slug =
        title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    String[] words = slug.split("-");
    return String.join("-", java.util.Arrays.copyOf(words, Math.min(words.length, 6)));
  }
}
