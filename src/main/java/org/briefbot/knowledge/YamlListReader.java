package org.briefbot.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a curated YAML file whose top level is one list ({@code items:} or {@code entities:}),
 * keeping each entry's line so problems can point editors at it. JsonNode has no location, so the
 * file is streamed and each entry is read as a tree on its own.
 */
final class YamlListReader {
  /** SnakeYAML's pointer into the file: " in 'reader', line 2, column 15:". */
  private static final Pattern MARK =
      Pattern.compile("^\\s*in '[^']*', line (\\d+), column \\d+:?\\s*$");

  private static final Pattern UNCLOSED =
      Pattern.compile("^while (?:parsing a flow|scanning a quoted)");

  private final ObjectMapper mapper =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** One entry of the list and the line it starts on. */
  record Entry(int line, int index, JsonNode node) {}

  /** The entries, or a fatal problem; a syntax error anywhere fails the whole file. */
  record Result(List<Entry> entries, List<IngestProblem> problems) {}

  Result read(Path file, String content, String listKey) {
    List<IngestProblem> problems = new ArrayList<>();
    try (JsonParser parser = mapper.createParser(content)) {
      List<Entry> entries = readTopLevel(parser, file, listKey, problems);
      return new Result(entries, problems);
    } catch (JsonProcessingException e) {
      problems.add(syntaxProblem(file, e));
    } catch (IOException e) {
      problems.add(new IngestProblem(file, 0, "cannot read YAML: " + e.getMessage(), true));
    }
    return new Result(List.of(), problems);
  }

  private static List<Entry> readTopLevel(
      JsonParser parser, Path file, String listKey, List<IngestProblem> problems)
      throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      problems.add(new IngestProblem(file, 0, "the file is empty", false));
      return List.of();
    }
    if (first != JsonToken.START_OBJECT) {
      return fail(
          problems, file, parser, "expected a mapping with a top-level '" + listKey + ":' list");
    }
    Optional<List<Entry>> entries = Optional.empty();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      int keyLine = lineOf(parser.currentTokenLocation());
      JsonToken value = parser.nextToken();
      if (key.equals(listKey) && value == JsonToken.START_ARRAY) {
        entries = Optional.of(readEntries(parser));
      } else if (key.equals(listKey) && value == JsonToken.VALUE_NULL) {
        entries = Optional.of(List.of());
      } else if (key.equals(listKey)) {
        return fail(problems, file, parser, "'" + listKey + "' must be a list");
      } else {
        problems.add(
            new IngestProblem(file, keyLine, "unknown top-level key '" + key + "' ignored", false));
        parser.skipChildren();
      }
    }
    if (entries.isEmpty()) {
      problems.add(new IngestProblem(file, 0, "no top-level '" + listKey + ":' list", true));
      return List.of();
    }
    return entries.get();
  }

  private static List<Entry> readEntries(JsonParser parser) throws IOException {
    List<Entry> entries = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      int line = lineOf(parser.currentTokenLocation());
      JsonNode node = parser.readValueAsTree();
      entries.add(new Entry(line, entries.size(), node == null ? NullNode.getInstance() : node));
    }
    return entries;
  }

  private static List<Entry> fail(
      List<IngestProblem> problems, Path file, JsonParser parser, String reason) {
    problems.add(new IngestProblem(file, lineOf(parser.currentTokenLocation()), reason, true));
    return List.of();
  }

  private static int lineOf(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }

  /**
   * SnakeYAML's message spans lines with code excerpts and carets; its unindented lines are the
   * context ("while scanning a quoted scalar") and the problem, each followed by the line it points
   * at. The problem's line is the one to fix, unless the context is an unclosed quote or bracket
   * (the problem then shows up lines later, or at the end of the file): then the context's line is.
   */
  static IngestProblem syntaxProblem(Path file, JsonProcessingException e) {
    List<String> said = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (String line : e.getOriginalMessage().split("\\R")) {
      Matcher mark = MARK.matcher(line);
      if (mark.matches() && !said.isEmpty()) {
        lines.set(said.size() - 1, Integer.parseInt(mark.group(1)));
      } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        said.add(line.strip());
        lines.add(0);
      }
    }
    if (said.isEmpty()) {
      return new IngestProblem(file, lineOf(e.getLocation()), "YAML syntax error", true);
    }
    int problem = said.size() - 1;
    boolean unclosed =
        UNCLOSED.matcher(said.get(0)).find() || said.get(problem).contains("end of stream");
    int line =
        (unclosed || lines.get(problem) == 0) && lines.get(0) > 0
            ? lines.get(0)
            : lines.get(problem);
    String reason = said.get(problem) + (problem > 0 ? " (" + said.get(0) + ")" : "");
    return new IngestProblem(
        file, line > 0 ? line : lineOf(e.getLocation()), "YAML syntax error: " + reason, true);
  }

  // ---- field access shared by the FAQ and entity parsers ----

  /** The keys of an entry that the format does not know, in file order. */
  static List<String> unknownKeys(JsonNode node, Set<String> known) {
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        unknown.add(name);
      }
    }
    return unknown;
  }

  /** A scalar value as normalized text; empty when missing, null or blank. */
  static Optional<String> text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isValueNode() || value.isNull()) {
      return Optional.empty();
    }
    String text = Text.normalize(value.asText());
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /**
   * True when the key holds something other than a scalar (a list or mapping where text belongs).
   */
  static boolean isNotText(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull() && !value.isValueNode();
  }

  /**
   * A list of texts: a YAML list of scalars, or one scalar as a list of one; empty when missing.
   * Empty Optional when the value has another shape (a mapping, or a list holding lists).
   */
  static Optional<List<String>> texts(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.of(List.of());
    }
    if (value.isValueNode()) {
      return Optional.of(nonBlank(List.of(value.asText())));
    }
    if (!value.isArray()) {
      return Optional.empty();
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isValueNode()) {
        return Optional.empty();
      }
      texts.add(element.isNull() ? "" : element.asText());
    }
    return Optional.of(nonBlank(texts));
  }

  private static List<String> nonBlank(List<String> texts) {
    return texts.stream()
        .map(Text::normalize)
        .filter(text -> !text.isEmpty())
        .collect(Collectors.toList());
  }
}
