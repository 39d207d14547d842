package org.briefbot.entities;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The few kinds of entity readers are shown. Articles describe an entity in their own words
 * ("President of the European Central Bank", "Central bank of the eurozone"); those words stay as
 * the entity's description, and the kind is read from the noun they are about.
 */
public enum EntityKind {
  COMPANY,
  PERSON,
  ORGANISATION,
  PRODUCT,
  PLACE,
  TOPIC;

  /**
   * What the description is about ends before these: in "Governor of the Bank of Japan" it is a
   * governor, not a bank.
   */
  private static final Pattern QUALIFIER =
      Pattern.compile(
          "\\s(?:of|in|on|for|from|at|to|with|that|which|who|owned by|based in|run by)\\s|[,;:(]",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern WORD = Pattern.compile("[^\\p{L}]+");

  private static final Map<EntityKind, List<String>> NOUNS =
      Map.of(
          PERSON,
          List.of(
              "president",
              "ceo",
              "chief",
              "executive",
              "founder",
              "chairman",
              "chairwoman",
              "chair",
              "politician",
              "minister",
              "secretary",
              "governor",
              "commissioner",
              "judge",
              "senator",
              "economist",
              "analyst",
              "director",
              "lawyer",
              "author",
              "journalist",
              "player",
              "coach",
              "spokesperson",
              "spokesman",
              "spokeswoman",
              "king",
              "queen",
              "scientist",
              "engineer",
              "investor",
              "entrepreneur",
              "businessman",
              "businesswoman",
              "banker",
              "actor",
              "singer",
              "officer",
              "leader",
              "chancellor",
              "mayor",
              "manager",
              "person",
              "diplomat",
              "activist",
              "researcher",
              "professor"),
          ORGANISATION,
          List.of(
              "organisation",
              "organization",
              "agency",
              "bank",
              "banking",
              "union",
              "league",
              "regulator",
              "authority",
              "department",
              "ministry",
              "government",
              "institution",
              "institute",
              "commission",
              "committee",
              "council",
              "association",
              "federation",
              "party",
              "court",
              "university",
              "board",
              "fund",
              "foundation",
              "nonprofit",
              "alliance",
              "coalition",
              "parliament",
              "congress",
              "exchange",
              "body",
              "army"),
          COMPANY,
          List.of(
              "company",
              "corporation",
              "firm",
              "maker",
              "manufacturer",
              "producer",
              "provider",
              "operator",
              "airline",
              "carrier",
              "retailer",
              "conglomerate",
              "startup",
              "subsidiary",
              "developer",
              "designer",
              "business",
              "studio",
              "publisher",
              "broadcaster",
              "insurer",
              "lender",
              "automaker",
              "chipmaker",
              "supplier"),
          PRODUCT,
          List.of(
              "product",
              "platform",
              "service",
              "chip",
              "chips",
              "processor",
              "accelerator",
              "gpu",
              "software",
              "app",
              "application",
              "device",
              "phone",
              "smartphone",
              "vehicle",
              "aircraft",
              "airliner",
              "jet",
              "car",
              "model",
              "drug",
              "medicine",
              "engine",
              "tool",
              "game",
              "browser",
              "console",
              "brand",
              "network"),
          PLACE,
          List.of(
              "country",
              "nation",
              "city",
              "town",
              "region",
              "province",
              "state",
              "territory",
              "continent",
              "island",
              "port",
              "seaport",
              "capital",
              "village",
              "county",
              "area",
              "river",
              "sea",
              "ocean",
              "airport",
              "harbour",
              "harbor",
              "eurozone"));

  /** Nouns in the order they are tried: a person before a company ("chief executive"). */
  private static final List<EntityKind> ORDER =
      List.of(PERSON, ORGANISATION, COMPANY, PRODUCT, PLACE);

  /** The name readers see, e.g. "organisation". */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * A kind an editor wrote ("company", "Organization"), when it is one of these; anything else is a
   * description to read the kind from.
   */
  public static Optional<EntityKind> parse(String label) {
    String key = label.strip().toLowerCase(Locale.ROOT);
    if (key.equals("organization")) {
      return Optional.of(ORGANISATION);
    }
    for (EntityKind kind : values()) {
      if (kind.label().equals(key)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /**
   * The kind a description speaks of: the last word before its qualifier that names a kind
   * ("Central bank of the eurozone": bank; "Narrow-body airliner series": airliner); a topic when
   * none does ("Study of algorithms ...", "Common respiratory virus").
   */
  public static EntityKind of(String description) {
    Optional<EntityKind> parsed = parse(description);
    if (parsed.isPresent()) {
      return parsed.get();
    }
    String head = QUALIFIER.split(description.strip(), 2)[0].toLowerCase(Locale.ROOT);
    String[] words = WORD.split(head);
    for (int i = words.length - 1; i >= 0; i--) {
      Optional<EntityKind> kind = ofNoun(words[i]);
      if (kind.isPresent()) {
        return kind.get();
      }
    }
    return TOPIC;
  }

  private static Optional<EntityKind> ofNoun(String word) {
    for (EntityKind kind : ORDER) {
      if (NOUNS.get(kind).contains(word)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
