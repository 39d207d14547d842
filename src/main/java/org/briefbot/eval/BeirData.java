package org.briefbot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;

/**
 * A benchmark in BEIR layout: {@code corpus.jsonl}, {@code queries.jsonl}, {@code qrels/NAME.tsv}.
 *
 * @param corpus documents as passages: title and text together as the passage text, the way BEIR's
 *     BM25 baselines index them ("flat"); a document's title is its own, not an article's
 * @param queries query id to text, in file order, only those with judgements
 * @param qrels query id to relevant document ids and grades
 */
public record BeirData(
    List<Passage> corpus, Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads a benchmark folder.
   *
   * @param split qrels file name without ".tsv", e.g. "test"
   * @param set only queries whose {@code metadata.set} is this (StackFAQ's A/B halves), if given
   */
  public static BeirData read(Path dir, String split, Optional<String> set) {
    Map<String, Map<String, Integer>> qrels =
        readQrels(dir.resolve("qrels").resolve(split + ".tsv"));
    Map<String, String> queries = new LinkedHashMap<>();
    for (JsonNode q : jsonLines(dir.resolve("queries.jsonl"))) {
      String id = q.path("_id").asText();
      boolean inSet = set.isEmpty() || set.get().equals(q.path("metadata").path("set").asText());
      if (qrels.containsKey(id) && inSet) {
        queries.put(id, q.path("text").asText());
      }
    }
    List<Passage> corpus = new ArrayList<>();
    for (JsonNode d : jsonLines(dir.resolve("corpus.jsonl"))) {
      String id = d.path("_id").asText();
      String title = d.path("title").asText("");
      String text =
          title.isBlank() ? d.path("text").asText("") : title + "\n" + d.path("text").asText("");
      corpus.add(new Passage(id, id, "", Section.DOCUMENT, 0, text, List.of(), List.of()));
    }
    qrels.keySet().retainAll(queries.keySet());
    return new BeirData(corpus, queries, qrels);
  }

  private static Map<String, Map<String, Integer>> readQrels(Path file) {
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = in.readLine(); // header: query-id, corpus-id, score
      while ((line = in.readLine()) != null) {
        String[] cols = line.split("\t");
        if (cols.length >= 3 && Integer.parseInt(cols[2].strip()) > 0) {
          qrels
              .computeIfAbsent(cols[0], k -> new LinkedHashMap<>())
              .put(cols[1], Integer.parseInt(cols[2].strip()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read qrels " + file, e);
    }
    return qrels;
  }

  private static List<JsonNode> jsonLines(Path file) {
    List<JsonNode> nodes = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          nodes.add(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    return nodes;
  }
}
