package org.briefbot.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a curated FAQ file, {@code knowledge/faq/<name>.yaml} (or {@code .yml}):
 *
 * <pre>
 * items:
 *   - questions: ["How much is the AWS deal worth?", "What is the deal size?"]
 *     answer: "Amazon's deal with OpenAI is worth $138 billion ..."
 *     article: aws-openai-trainium               # optional: the article it belongs to
 *     entities: [Amazon Web Services, OpenAI]    # optional: canonical entity names
 *   - question: "What are Trainium chips?"       # one question may be written this way
 *     answer: "..."
 * </pre>
 *
 * <p>Each item needs an answer and at least one question ({@code question}, {@code questions} or
 * both). An item's id is {@code <name>#<position in the file>} (from 0), so fixing one item never
 * renumbers the others. A YAML syntax error skips the whole file (fatal, with its line); an item
 * without answer or question is skipped with a warning while the rest load; an unknown key is
 * ignored with a warning that names it.
 */
public final class FaqFileParser {
  private static final Set<String> KEYS =
      Set.of("question", "questions", "answer", "article", "entities");

  private final YamlListReader reader = new YamlListReader();

  public FileParseResult<FaqItem> parse(Path file, String content) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(content, "content");
    YamlListReader.Result read = reader.read(file, content, "items");
    List<IngestProblem> problems = new ArrayList<>(read.problems());
    List<FaqItem> items = new ArrayList<>();
    String fileId = fileId(file);
    for (YamlListReader.Entry entry : read.entries()) {
      item(file, fileId, entry, problems).ifPresent(items::add);
    }
    return new FileParseResult<>(items, problems);
  }

  /** The file name without ".yaml" or ".yml": the first part of its items' ids. */
  public static String fileId(Path file) {
    return file.getFileName().toString().replaceFirst("(?i)\\.ya?ml$", "");
  }

  private static Optional<FaqItem> item(
      Path file, String fileId, YamlListReader.Entry entry, List<IngestProblem> problems) {
    JsonNode node = entry.node();
    if (!node.isObject()) {
      return skip(file, entry, "item skipped: expected keys 'question' and 'answer'", problems);
    }
    YamlListReader.unknownKeys(node, KEYS)
        .forEach(
            key ->
                problems.add(
                    new IngestProblem(
                        file, entry.line(), "unknown key '" + key + "' ignored", false)));
    Optional<List<String>> questions = questions(node);
    Optional<List<String>> entities = YamlListReader.texts(node, "entities");
    if (questions.isEmpty()
        || YamlListReader.isNotText(node, "answer")
        || YamlListReader.isNotText(node, "article")) {
      return skip(
          file,
          entry,
          "item skipped: 'question' and 'answer' must be text, 'questions' a list of texts",
          problems);
    }
    if (entities.isEmpty()) {
      return skip(file, entry, "item skipped: 'entities' must be a list of names", problems);
    }
    if (questions.get().isEmpty()) {
      return skip(file, entry, "item skipped: no 'question' or 'questions'", problems);
    }
    Optional<String> answer = YamlListReader.text(node, "answer");
    if (answer.isEmpty()) {
      return skip(file, entry, "item skipped: no 'answer'", problems);
    }
    String id = fileId + "#" + entry.index();
    return Optional.of(
        new FaqItem(
            id,
            questions.get(),
            answer.get(),
            YamlListReader.text(node, "article"),
            entities.get()));
  }

  /** "question" and "questions" together, in that order; empty Optional when malformed. */
  private static Optional<List<String>> questions(JsonNode node) {
    if (YamlListReader.isNotText(node, "question")) {
      return Optional.empty();
    }
    return YamlListReader.texts(node, "questions")
        .map(
            more -> {
              List<String> all = new ArrayList<>();
              YamlListReader.text(node, "question").ifPresent(all::add);
              more.stream().filter(question -> !all.contains(question)).forEach(all::add);
              return all;
            });
  }

  private static <T> Optional<T> skip(
      Path file, YamlListReader.Entry entry, String reason, List<IngestProblem> problems) {
    problems.add(new IngestProblem(file, entry.line(), reason, false));
    return Optional.empty();
  }
}
