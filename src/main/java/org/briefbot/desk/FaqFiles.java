package org.briefbot.desk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.briefbot.knowledge.FaqFileParser;
import org.briefbot.knowledge.FaqItem;

/**
 * Writes the curated FAQ files of {@code knowledge/faq} in their format (see {@link
 * FaqFileParser}): a question's wording added to an item, or a new item in {@value #DESK_FILE}.
 * Each write replaces the file atomically (a temporary file beside it, then a rename), so the
 * knowledge watcher and a reload never read half a file. A changed file is written in a canonical
 * layout that keeps its leading comment and every item and key, including ones the parser skips;
 * comments between items are not kept.
 */
final class FaqFiles {
  /** The file new items go to. */
  static final String DESK_FILE = "desk.yaml";

  static final int MAX_QUESTION_CHARS = 300;
  static final int MAX_ANSWER_CHARS = 1_200;

  private static final Pattern ITEM_ID = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)#(\\d{1,5})");

  private static final String DESK_HEADER =
      "# Curated questions added on the editors' desk (/desk). Format: see"
          + " org.briefbot.knowledge.FaqFileParser.\n";

  private final Path folder;
  private final ObjectMapper yaml =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());
  private final FaqFileParser parser = new FaqFileParser();

  FaqFiles(Path folder) {
    this.folder = folder;
  }

  /** An item to choose from: its id and first question. */
  record Choice(String id, String question) {}

  /** What a write did: the item written and the file it is in. */
  record Written(String itemId, Path file) {}

  /** A write refused, with the reason to show the editor. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  /** Every item of every FAQ file, by file name then position. */
  synchronized List<Choice> choices() {
    List<Choice> choices = new ArrayList<>();
    for (Path file : files()) {
      try {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        for (FaqItem item : parser.parse(file, content).items()) {
          choices.add(new Choice(item.id(), item.questions().get(0)));
        }
      } catch (IOException e) {
        // An unreadable file offers no items; the knowledge report names it.
      }
    }
    return choices;
  }

  private List<Path> files() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> listed = Files.list(folder)) {
      return listed
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".+\\.ya?ml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Adds {@code question} to the questions of item {@code itemId} ("file#position"). */
  synchronized Written addQuestion(String itemId, String question) throws Refused {
    String wording = question(question);
    Matcher id = ITEM_ID.matcher(itemId);
    if (!id.matches()) {
      throw new Refused("No FAQ item " + itemId + ": pick one from the list.");
    }
    Path file = existing(id.group(1)).orElseThrow(() -> new Refused("No FAQ file for " + itemId));
    ObjectNode root = read(file);
    JsonNode items = root.get("items");
    int position = Integer.parseInt(id.group(2));
    if (items == null || !items.isArray() || position >= items.size()) {
      throw new Refused("No FAQ item " + itemId + " in " + file.getFileName());
    }
    if (!(items.get(position) instanceof ObjectNode item)) {
      throw new Refused("FAQ item " + itemId + " is not a mapping; fix the file by hand.");
    }
    ArrayNode questions = questionList(item, itemId);
    for (JsonNode known : questions) {
      if (known.asText().equalsIgnoreCase(wording)) {
        throw new Refused("FAQ item " + itemId + " already has the wording \"" + wording + "\".");
      }
    }
    questions.add(wording);
    write(file, root, header(file));
    return new Written(itemId, file);
  }

  /** The item's "questions" list, created when it has a single "question" only. */
  private static ArrayNode questionList(ObjectNode item, String itemId) throws Refused {
    JsonNode questions = item.get("questions");
    if (questions == null || questions.isNull()) {
      return item.putArray("questions");
    }
    if (!questions.isArray()) {
      throw new Refused("FAQ item " + itemId + " has 'questions' that is not a list.");
    }
    return (ArrayNode) questions;
  }

  /**
   * Creates an item in {@value #DESK_FILE}; {@code article} is the article it belongs to, if any.
   */
  synchronized Written addItem(String question, String answer, Optional<String> article)
      throws Refused {
    String wording = question(question);
    String text = answer == null ? "" : answer.strip();
    if (text.isEmpty()) {
      throw new Refused("Write the answer the bot should give.");
    }
    if (text.length() > MAX_ANSWER_CHARS) {
      throw new Refused(
          "The answer is " + text.length() + " characters; keep it to " + MAX_ANSWER_CHARS + ".");
    }
    Path file = folder.resolve(DESK_FILE);
    ObjectNode root = Files.exists(file) ? read(file) : yaml.createObjectNode();
    JsonNode existing = root.get("items");
    ArrayNode items =
        existing instanceof ArrayNode array ? array : root.putArray("items"); // replaces a non-list
    ObjectNode item = items.addObject();
    item.putArray("questions").add(wording);
    item.put("answer", text);
    article.ifPresent(a -> item.put("article", a));
    write(file, root, Files.exists(file) ? header(file) : DESK_HEADER);
    return new Written(FaqFileParser.fileId(file) + "#" + (items.size() - 1), file);
  }

  /** The wording to write: one line, not blank, not too long. */
  static String question(String question) throws Refused {
    String wording = question == null ? "" : question.strip().replaceAll("\\s+", " ");
    if (wording.isEmpty()) {
      throw new Refused("Write the question's wording.");
    }
    if (wording.length() > MAX_QUESTION_CHARS) {
      throw new Refused(
          "The wording is "
              + wording.length()
              + " characters; shorten it to "
              + MAX_QUESTION_CHARS
              + " or fewer.");
    }
    return wording;
  }

  /** The wording as {@link #question} writes it, or "" when it would be refused. */
  static String questionOrEmpty(String question) {
    try {
      return question(question);
    } catch (Refused e) {
      return "";
    }
  }

  private Optional<Path> existing(String fileId) {
    return files().stream().filter(f -> FaqFileParser.fileId(f).equals(fileId)).findFirst();
  }

  private ObjectNode read(Path file) throws Refused {
    try {
      JsonNode root = yaml.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (root instanceof ObjectNode object) {
        return object;
      }
      throw new Refused(file.getFileName() + " has no 'items:' list; fix it by hand first.");
    } catch (JsonProcessingException e) {
      throw new Refused(
          file.getFileName()
              + " is not valid YAML; fix it by hand first: "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new Refused("Cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The comment lines the file starts with, kept when it is rewritten. */
  private static String header(Path file) {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      StringBuilder header = new StringBuilder();
      lines.takeWhile(l -> l.startsWith("#")).forEach(l -> header.append(l).append('\n'));
      return header.toString();
    } catch (IOException e) {
      return "";
    }
  }

  private void write(Path file, ObjectNode root, String header) throws Refused {
    try {
      Files.createDirectories(folder);
      String content = header + yaml.writeValueAsString(root);
      Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
      try {
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        move(temporary, file);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new Refused("Cannot write " + file + ": " + e.getMessage());
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
