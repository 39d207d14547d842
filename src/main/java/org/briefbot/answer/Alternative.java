package org.briefbot.answer;

import java.util.Objects;

/**
 * Something else worth offering with an answer: another passage, or, for a declined question or an
 * entity card, a topic the bot does know (an article or an entity). Channels render each kind as
 * they see fit; none of them parses an id to tell the kinds apart.
 */
public sealed interface Alternative {
  /**
   * A stable id for logs and stored context: the passage id, {@code topic:ARTICLE} or {@code
   * entity:NAME}.
   */
  String id();

  /** What to show: passage text (the key sentence for a decline's closest passage), or a name. */
  String text();

  /** The source article's title; for an entity, its name. */
  String article();

  /** Section key: the passage's section, {@code topic} or {@code entity}. */
  String section();

  /** How well it matches the question, in [0,1]. */
  double confidence();

  /** Another passage. */
  record Passage(
      String passageId,
      String text,
      String articleId,
      String article,
      String section,
      double confidence)
      implements Alternative {
    public Passage {
      Objects.requireNonNull(passageId, "passageId");
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String id() {
      return passageId;
    }
  }

  /** An article the bot knows, offered by title. */
  record Topic(String articleId, String article, double confidence) implements Alternative {
    public Topic {
      Objects.requireNonNull(articleId, "articleId");
      Objects.requireNonNull(article, "article");
    }

    @Override
    public String id() {
      return "topic:" + articleId;
    }

    @Override
    public String text() {
      return article;
    }

    @Override
    public String section() {
      return "topic";
    }
  }

  /** An entity the bot has a note on, offered by name. */
  record Entity(String name, double confidence) implements Alternative {
    public Entity {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String id() {
      return "entity:" + name;
    }

    @Override
    public String text() {
      return name;
    }

    @Override
    public String article() {
      return name;
    }

    @Override
    public String section() {
      return "entity";
    }
  }
}
