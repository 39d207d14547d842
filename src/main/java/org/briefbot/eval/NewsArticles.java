package org.briefbot.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.ArticleParser;

/**
 * Articles in the seed's format, each beside the questions readers asked of it (../shared/articles
 * and src/test/resources/tuning/articles: {@code NAME.txt} and {@code NAME.gold.jsonl}), so that
 * folds can be cut by article.
 *
 * @param dirs the folders
 * @param articles each article by id
 * @param questions each article's questions, answerable and out of scope
 */
public record NewsArticles(
    List<Path> dirs, Map<String, Article> articles, Map<String, List<GoldQuestion>> questions) {
  private static final String GOLD = ".gold.jsonl";

  public NewsArticles {
    dirs = List.copyOf(dirs);
    articles = Map.copyOf(articles);
    questions = Map.copyOf(questions);
  }

  /** Every article with questions in {@code dirs}; an id in two folders is refused. */
  public static NewsArticles read(List<Path> dirs) {
    Map<String, Article> articles = new LinkedHashMap<>();
    Map<String, List<GoldQuestion>> questions = new LinkedHashMap<>();
    for (Path dir : dirs) {
      for (Path g : goldFiles(dir)) {
        String name = g.getFileName().toString();
        Path text = dir.resolve(name.substring(0, name.length() - GOLD.length()) + ".txt");
        Article article = parse(text);
        if (articles.putIfAbsent(article.id(), article) != null) {
          throw new IllegalArgumentException("article " + article.id() + " twice, again in " + dir);
        }
        questions.put(article.id(), GoldEval.read(g));
      }
    }
    return new NewsArticles(dirs, articles, questions);
  }

  private static List<Path> goldFiles(Path dir) {
    List<Path> gold;
    try (var files = Files.list(dir)) {
      gold = files.filter(p -> p.getFileName().toString().endsWith(GOLD)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
    if (gold.isEmpty()) {
      throw new IllegalArgumentException("no *" + GOLD + " files in " + dir);
    }
    return gold;
  }

  private static Article parse(Path file) {
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8);
      return new ArticleParser()
          .parse(file, content, Instant.EPOCH)
          .article()
          .orElseThrow(() -> new IllegalArgumentException("not an article: " + file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** Article ids in sorted order. */
  public List<String> ids() {
    return articles.keySet().stream().sorted().toList();
  }

  /** The first half of the ids in sorted order (the smaller, when odd), or the rest. */
  public List<String> half(boolean first) {
    List<String> ids = ids();
    int mid = ids.size() / 2;
    return first ? ids.subList(0, mid) : ids.subList(mid, ids.size());
  }

  /** The articles with these ids, in the given order. */
  public List<Article> articlesOf(List<String> ids) {
    return ids.stream().map(articles::get).toList();
  }

  public List<GoldQuestion> questionsOf(List<String> ids) {
    return ids.stream().flatMap(id -> questions.get(id).stream()).toList();
  }
}
