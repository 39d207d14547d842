package org.briefbot.synthetic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A few thousand invented companies, people and products shared by all articles of an archive.
 * Entities early in each list are drawn far more often (Zipf), as a newsroom writes about a few big
 * names all the time and about most only now and then.
 */
final class EntityPool {
  /** Notes in the seed are cut at about this length and end with "...". */
  private static final int NOTE_CUT = 300;

  private final List<PoolEntity> companies;
  private final List<PoolEntity> people;
  private final List<PoolEntity> products;

  private EntityPool(
      List<PoolEntity> companies, List<PoolEntity> people, List<PoolEntity> products) {
    this.companies = List.copyOf(companies);
    this.people = List.copyOf(people);
    this.products = List.copyOf(products);
  }

  /** A pool of {@code size} entities (60% companies, 25% people, 15% products) for this seed. */
  static EntityPool create(long seed, int size) {
    if (size < 10) {
      throw new IllegalArgumentException("pool size < 10: " + size);
    }
    Dice dice = Dice.forItem(seed, -1);
    Set<String> taken = new HashSet<>();
    List<PoolEntity> companies = new ArrayList<>();
    List<PoolEntity> people = new ArrayList<>();
    List<PoolEntity> products = new ArrayList<>();
    while (companies.size() < size * 60 / 100) {
      String name = companyName(dice);
      if (taken.add(name.toLowerCase(Locale.ROOT))) {
        companies.add(company(dice, name));
      }
    }
    int peopleWanted =
        Math.min(size * 25 / 100, Vocabulary.FIRST_NAMES.size() * Vocabulary.LAST_NAMES.size() / 2);
    while (people.size() < peopleWanted) {
      String name = dice.pick(Vocabulary.FIRST_NAMES) + " " + dice.pick(Vocabulary.LAST_NAMES);
      if (taken.add(name.toLowerCase(Locale.ROOT))) {
        people.add(person(dice, name, companies));
      }
    }
    while (companies.size() + people.size() + products.size() < size) {
      PoolEntity maker = dice.pickZipf(companies);
      String name =
          capitalise(syllables(dice, 2)) + " " + capitalise(dice.pick(Vocabulary.PRODUCTS));
      if (taken.add(name.toLowerCase(Locale.ROOT))) {
        products.add(product(dice, name, maker));
      }
    }
    return new EntityPool(companies, people, products);
  }

  PoolEntity company(Dice dice) {
    return dice.pickZipf(companies);
  }

  PoolEntity person(Dice dice) {
    return dice.pickZipf(people);
  }

  PoolEntity product(Dice dice) {
    return dice.pickZipf(products);
  }

  int size() {
    return companies.size() + people.size() + products.size();
  }

  private static String companyName(Dice dice) {
    String suffix = dice.pick(Vocabulary.COMPANY_SUFFIXES);
    if (dice.chance(0.25)) {
      // Three words: notes give such companies an acronym, which the catalog turns into an alias.
      return capitalise(syllables(dice, 2)) + " " + capitalise(syllables(dice, 2)) + " " + suffix;
    }
    return capitalise(syllables(dice, dice.between(2, 3))) + " " + suffix;
  }

  private static PoolEntity company(Dice dice, String name) {
    String kind = dice.pick(Vocabulary.KINDS_COMPANY);
    String[] words = name.split(" ");
    String called = words.length == 3 ? name + " (" + initials(words) + ")" : name;
    String note =
        called
            + " is "
            + withArticle(kind.toLowerCase(Locale.ROOT))
            + " headquartered in "
            + dice.pick(Vocabulary.PLACES)
            + ". Founded in "
            + dice.between(1950, 2021)
            + ", it builds "
            + plural(dice.pick(Vocabulary.PRODUCTS))
            + " and services for "
            + dice.pick(Vocabulary.SECTORS)
            + " and "
            + dice.pick(Vocabulary.SECTORS)
            + " customers across "
            + dice.pick(Vocabulary.REGIONS)
            + ". The company employs about "
            + dice.between(2, 180) * 500
            + " people and reports most of its revenue from "
            + dice.pick(Vocabulary.REGIONS)
            + ", where it competes on "
            + dice.pick(Vocabulary.TOPIC_NOUNS)
            + " and "
            + dice.pick(Vocabulary.TOPIC_NOUNS)
            + " with larger rivals that have spent heavily on new capacity.";
    return new PoolEntity(name, kind, shape(dice, name, note), PoolEntity.Type.COMPANY);
  }

  private static PoolEntity person(Dice dice, String name, List<PoolEntity> companies) {
    String kind = dice.pick(Vocabulary.KINDS_PERSON);
    String note =
        name
            + " is "
            + withArticle(kind.toLowerCase(Locale.ROOT))
            + " best known for leading "
            + dice.pickZipf(companies).name()
            + " through its expansion into "
            + dice.pick(Vocabulary.SECTORS)
            + ". Born in "
            + dice.pick(Vocabulary.PLACES)
            + ", "
            + name.split(" ")[0]
            + " previously worked on "
            + dice.pick(Vocabulary.TOPIC_NOUNS)
            + " and "
            + dice.pick(Vocabulary.TOPIC_NOUNS)
            + " at several firms in "
            + dice.pick(Vocabulary.REGIONS)
            + " and has written widely about the economics of "
            + dice.pick(Vocabulary.SECTORS)
            + ".";
    return new PoolEntity(name, kind, shape(dice, name, note), PoolEntity.Type.PERSON);
  }

  private static PoolEntity product(Dice dice, String name, PoolEntity maker) {
    String product = name.substring(name.indexOf(' ') + 1).toLowerCase(Locale.ROOT);
    String kind = capitalise(dice.pick(Vocabulary.SECTORS)) + " " + product;
    String note =
        name
            + " is "
            + withArticle(product)
            + " line developed by "
            + maker.name()
            + " for "
            + dice.pick(Vocabulary.SECTORS)
            + " workloads. First shown in "
            + dice.between(2012, 2025)
            + ", it is designed to lower "
            + dice.pick(Vocabulary.TOPIC_NOUNS)
            + " for large customers and to reduce dependence on suppliers in "
            + dice.pick(Vocabulary.REGIONS)
            + ", and it is sold both directly and through partners.";
    return new PoolEntity(name, kind, shape(dice, name, note), PoolEntity.Type.PRODUCT);
  }

  /**
   * The seed's notes are cut at about 300 characters with "...", and some start "# Name **Name**
   * is".
   */
  private static String shape(Dice dice, String name, String note) {
    String text =
        note.length() > NOTE_CUT ? note.substring(0, NOTE_CUT).stripTrailing() + "..." : note;
    if (dice.chance(0.1)) {
      text = "# " + name + " **" + name + "**" + text.substring(name.length());
    }
    return text;
  }

  private static String syllables(Dice dice, int count) {
    StringBuilder word = new StringBuilder();
    String last = "";
    for (int i = 0; i < count; i++) {
      String syllable = dice.pick(Vocabulary.SYLLABLES);
      if (syllable.equals(last)) {
        syllable =
            Vocabulary.SYLLABLES.get(
                (Vocabulary.SYLLABLES.indexOf(syllable) + 1) % Vocabulary.SYLLABLES.size());
      }
      word.append(syllable);
      last = syllable;
    }
    return word.toString();
  }

  /** "batteries", "chips", "processors". */
  static String plural(String noun) {
    return noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
  }

  /** "an automaker", "a bank". */
  static String withArticle(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  private static String initials(String[] words) {
    StringBuilder initials = new StringBuilder();
    for (String word : words) {
      initials.append(word.charAt(0));
    }
    return initials.toString().toUpperCase(Locale.ROOT);
  }

  static String capitalise(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
