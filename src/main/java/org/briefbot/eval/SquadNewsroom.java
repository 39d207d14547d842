package org.briefbot.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.briefbot.knowledge.Passage;

/**
 * The squad-newsroom benchmark (../shared/benchmarks/squad-newsroom, see its README): articles
 * whose questions are kept per article, so folds can be cut by article.
 *
 * @param dir the benchmark folder
 * @param articles article ids in sorted order
 * @param questions each article's answerable questions
 * @param paragraphs each question's source paragraph texts, from the BEIR qrels
 */
public record SquadNewsroom(
    Path dir,
    List<String> articles,
    Map<String, List<GoldQuestion>> questions,
    Map<String, List<String>> paragraphs) {

  public static SquadNewsroom read(Path dir) {
    Path gold = dir.resolve("gold");
    if (!Files.isDirectory(gold)) {
      throw new IllegalArgumentException("not a squad-newsroom folder (no gold/): " + dir);
    }
    List<String> ids;
    try (var files = Files.list(gold)) {
      ids =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".jsonl"))
              .map(n -> n.substring(0, n.length() - ".jsonl".length()))
              .sorted()
              .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot list " + gold, e);
    }
    Map<String, List<GoldQuestion>> questions = new HashMap<>();
    ids.forEach(id -> questions.put(id, GoldEval.read(gold.resolve(id + ".jsonl"))));
    return new SquadNewsroom(dir, ids, questions, paragraphs(dir));
  }

  /** The knowledge folder. */
  public Path knowledge() {
    return dir.resolve("knowledge");
  }

  /** The first half of the articles in sorted order, or the second. */
  public List<String> half(boolean first) {
    int mid = articles.size() / 2;
    return first ? articles.subList(0, mid) : articles.subList(mid, articles.size());
  }

  public List<GoldQuestion> questionsOf(List<String> ids) {
    return ids.stream().flatMap(id -> questions.get(id).stream()).toList();
  }

  private static Map<String, List<String>> paragraphs(Path dir) {
    if (!Files.isDirectory(dir.resolve("qrels"))) {
      return Map.of();
    }
    BeirData beir = BeirData.read(dir, "test", Optional.empty());
    Map<String, String> texts =
        beir.corpus().stream().collect(Collectors.toMap(Passage::id, Passage::text, (a, b) -> a));
    Map<String, List<String>> byQuestion = new HashMap<>();
    beir.qrels()
        .forEach(
            (query, docs) -> {
              String q = beir.queries().get(query);
              if (q != null) {
                List<String> ps = byQuestion.computeIfAbsent(q, k -> new ArrayList<>());
                docs.keySet().stream().map(texts::get).filter(t -> t != null).forEach(ps::add);
              }
            });
    return byQuestion;
  }
}
