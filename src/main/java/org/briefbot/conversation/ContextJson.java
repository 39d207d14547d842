package org.briefbot.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.briefbot.answer.Alternative;
import org.briefbot.answer.Answer;
import org.briefbot.answer.EntityCard;
import org.briefbot.answer.Source;

/**
 * A chat's {@link Context} as JSON text, so that it can live in a database shared by replicas: a
 * follow-up handled by another instance reads what this one wrote. The format is ours and
 * versioned; text in any other shape (an older version, a row edited by hand) reads as no context,
 * which costs the reader only a follow-up.
 */
public final class ContextJson {
  /** Bump when the shape changes; contexts live minutes, so old ones are simply not read. */
  // 2: alternatives carry their type (passage, topic, entity) instead of an id prefix.
  static final int VERSION = 2;

  private static final String PASSAGE = "passage";
  private static final String TOPIC = "topic";
  private static final String ENTITY = "entity";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ContextJson() {}

  public static String write(Context context) {
    ObjectNode root = JSON.createObjectNode();
    root.put("v", VERSION);
    root.set("thread", answer(context.thread()));
    if (!context.latest().equals(context.thread())) {
      root.set("latest", answer(context.latest())); // usually the same answer: written once
    }
    context.shown().forEach(root.putArray("shown")::add);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers is always JSON", e);
    }
  }

  /**
   * The context {@link #write} wrote, or empty when {@code json} is not in this version's shape.
   */
  public static Optional<Context> read(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || root.path("v").asInt() != VERSION) {
        return Optional.empty();
      }
      Answer thread = answer(root.required("thread"));
      Answer latest = root.has("latest") ? answer(root.get("latest")) : thread;
      return Optional.of(new Context(thread, latest, strings(root.required("shown"))));
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty(); // a missing field, a wrong type, a decline where an answer must be
    }
  }

  private static ObjectNode answer(Answer answer) {
    ObjectNode node = JSON.createObjectNode();
    node.put("question", answer.question());
    node.put("kind", answer.kind().name());
    node.put("confidence", answer.confidence());
    answer.best().ifPresent(best -> node.set("best", source(best)));
    ArrayNode entities = node.putArray("entities");
    answer.entities().forEach(card -> entities.add(card(card)));
    ArrayNode alternatives = node.putArray("alternatives");
    answer.alternatives().forEach(alternative -> alternatives.add(alternative(alternative)));
    return node;
  }

  private static Answer answer(JsonNode node) {
    Optional<Source> best =
        node.has("best") ? Optional.of(source(node.get("best"))) : Optional.empty();
    List<EntityCard> entities = new ArrayList<>();
    node.required("entities").forEach(card -> entities.add(card(card)));
    List<Alternative> alternatives = new ArrayList<>();
    node.required("alternatives")
        .forEach(alternative -> alternatives.add(alternative(alternative)));
    return new Answer(
        text(node, "question"),
        Answer.Kind.valueOf(text(node, "kind")),
        node.required("confidence").asDouble(),
        best,
        entities,
        alternatives);
  }

  private static ObjectNode source(Source source) {
    return JSON.createObjectNode()
        .put("passageId", source.passageId())
        .put("text", source.text())
        .put("keySentence", source.keySentence())
        .put("articleId", source.articleId())
        .put("article", source.article())
        .put("section", source.section())
        .put("sectionLabel", source.sectionLabel())
        .put("link", source.link().orElse(""));
  }

  private static Source source(JsonNode node) {
    return new Source(
        text(node, "passageId"),
        text(node, "text"),
        text(node, "keySentence"),
        text(node, "articleId"),
        text(node, "article"),
        text(node, "section"),
        text(node, "sectionLabel"),
        // Context stored before links existed has none.
        Optional.ofNullable(node.get("link")).map(JsonNode::asText).filter(l -> !l.isEmpty()));
  }

  private static ObjectNode card(EntityCard card) {
    ObjectNode node =
        JSON.createObjectNode()
            .put("name", card.name())
            .put("kind", card.kind())
            .put("summary", card.summary())
            .put("description", card.description());
    card.articles().forEach(node.putArray("articles")::add);
    card.related().forEach(node.putArray("related")::add);
    return node;
  }

  private static EntityCard card(JsonNode node) {
    return new EntityCard(
        text(node, "name"),
        text(node, "kind"),
        text(node, "summary"),
        strings(node.required("articles")),
        strings(node.required("related")),
        Optional.ofNullable(node.get("description")).map(JsonNode::asText).orElse(""));
  }

  private static ObjectNode alternative(Alternative alternative) {
    ObjectNode node = JSON.createObjectNode();
    if (alternative instanceof Alternative.Passage passage) {
      node.put("type", PASSAGE)
          .put("passageId", passage.passageId())
          .put("text", passage.text())
          .put("articleId", passage.articleId())
          .put("article", passage.article())
          .put("section", passage.section());
    } else if (alternative instanceof Alternative.Topic topic) {
      node.put("type", TOPIC).put("articleId", topic.articleId()).put("article", topic.article());
    } else if (alternative instanceof Alternative.Entity entity) {
      node.put("type", ENTITY).put("name", entity.name());
    }
    return node.put("confidence", alternative.confidence());
  }

  private static Alternative alternative(JsonNode node) {
    double confidence = node.required("confidence").asDouble();
    String type = text(node, "type");
    switch (type) {
      case TOPIC:
        return new Alternative.Topic(text(node, "articleId"), text(node, "article"), confidence);
      case ENTITY:
        return new Alternative.Entity(text(node, "name"), confidence);
      case PASSAGE:
        return new Alternative.Passage(
            text(node, "passageId"),
            text(node, "text"),
            text(node, "articleId"),
            text(node, "article"),
            text(node, "section"),
            confidence);
      default:
        throw new IllegalArgumentException("unknown alternative type: " + type);
    }
  }

  /** A field that must be there and be text: "required" alone would read a number as its digits. */
  private static String text(JsonNode node, String field) {
    JsonNode value = node.required(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " is not text: " + value);
    }
    return value.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
