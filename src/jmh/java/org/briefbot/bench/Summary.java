package org.briefbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns bench/run's result files into the Markdown tables of docs/performance.md. */
public final class Summary {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Summary() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    StringBuilder out = new StringBuilder();
    latency(dir.resolve("latency.json"), out);
    if (Files.exists(dir.resolve("latency-hybrid.json"))) {
      latency(dir.resolve("latency-hybrid.json"), out);
    }
    throughput(dir, out);
    loads(dir.resolve("load.json"), dir.resolve("loadreport.jsonl"), out);
    startup(dir.resolve("startup.jsonl"), out);
    System.out.print(out);
  }

  private static void latency(Path file, StringBuilder out) throws IOException {
    Map<String, Map<String, JsonNode>> byArchive = new LinkedHashMap<>();
    for (JsonNode run : JSON.readTree(file.toFile())) {
      String archive =
          run.get("params").get("archive").asText()
              + " ("
              + run.get("params").get("mode").asText()
              + ")";
      String bench = run.get("benchmark").asText().replaceAll(".*\\.", "");
      byArchive
          .computeIfAbsent(archive, k -> new LinkedHashMap<>())
          .put(bench, run.get("primaryMetric"));
    }
    out.append(
        "| archive (mode) | pipeline p50 | pipeline p99 | floor p50 | floor p99 | p50 ratio | p99 ratio | text-only floor p50 / p99 |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    byArchive.forEach(
        (archive, runs) -> {
          double p50 = pct(runs.get("pipeline"), "50.0");
          double p99 = pct(runs.get("pipeline"), "99.0");
          double f50 = pct(runs.get("floor"), "50.0");
          double f99 = pct(runs.get("floor"), "99.0");
          out.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %s | %s | %s | %.2f | %.2f | %s / %s |%n",
                  archive,
                  us(p50),
                  us(p99),
                  us(f50),
                  us(f99),
                  p50 / f50,
                  p99 / f99,
                  us(pct(runs.get("floorTextOnly"), "50.0")),
                  us(pct(runs.get("floorTextOnly"), "99.0"))));
        });
    out.append('\n');
  }

  private static void throughput(Path dir, StringBuilder out) throws IOException {
    List<Double> scores = new ArrayList<>();
    String archive = "";
    for (String threads : List.of("1", "2")) {
      JsonNode run = JSON.readTree(dir.resolve("throughput-" + threads + ".json").toFile()).get(0);
      archive = run.get("params").get("archive").asText();
      scores.add(run.get("primaryMetric").get("score").asDouble());
    }
    out.append(
        String.format(
            Locale.ROOT,
            "| throughput (%s, bm25) | 1 thread | 2 threads | ratio |%n|---|---:|---:|---:|%n",
            archive));
    out.append(
        String.format(
            Locale.ROOT,
            "| answers/s | %.0f | %.0f | %.2f |%n%n",
            scores.get(0),
            scores.get(1),
            scores.get(1) / scores.get(0)));
  }

  private static void loads(Path jmh, Path reports, StringBuilder out) throws IOException {
    out.append("| load (JMH, single shot) | median ms | per 1k articles |\n|---|---:|---:|\n");
    for (JsonNode run : JSON.readTree(jmh.toFile())) {
      String archive = run.get("params").get("archive").asText();
      String bench = run.get("benchmark").asText().replaceAll(".*\\.", "");
      double ms = median(run.get("primaryMetric").get("rawData").get(0));
      out.append(
          String.format(
              Locale.ROOT,
              "| %s %s | %.0f | %.0f |%n",
              bench,
              archive,
              ms,
              ms / (Archives.articles(archive) / 1000.0)));
    }
    out.append(
        "\n| archive | load | heap limit | time ms | passages | entities | index MB | index MB per 1k articles | heap used after GC MB |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String line : Files.readAllLines(reports)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode r = JSON.readTree(line);
      double mb = r.get("indexBytes").asDouble() / 1e6;
      double articles = r.get("articles").asDouble();
      String perThousand =
          articles < 1000 ? "-" : String.format(Locale.ROOT, "%.1f", mb / (articles / 1000));
      String archive =
          r.get("archive").asText() + (r.has("mode") ? " (" + r.get("mode").asText() + ")" : "");
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.0f MB | %d | %d | %d | %.1f | %s | %.0f |%n",
              archive,
              r.get("load").asText(),
              r.get("maxHeapBytes").asDouble() / 1048576,
              r.get("loadMs").asLong(),
              r.get("passages").asLong(),
              r.get("entities").asLong(),
              mb,
              perThousand,
              r.get("heapUsedBytes").asDouble() / 1048576));
    }
    out.append('\n');
  }

  private static void startup(Path file, StringBuilder out) throws IOException {
    out.append(
        "| start-up to first answer (seed, bm25, whole process) | median ms | runs (ms) |\n|---|---:|---|\n");
    for (String line : Files.readAllLines(file)) {
      JsonNode r = JSON.readTree(line);
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s |%n",
              r.get("startup").asText(),
              r.get("medianMs").asLong(),
              r.get("allMs").asText()));
    }
  }

  private static double pct(JsonNode metric, String percentile) {
    return metric == null ? Double.NaN : metric.get("scorePercentiles").get(percentile).asDouble();
  }

  private static String us(double micros) {
    return Double.isNaN(micros)
        ? "-"
        : micros >= 1000
            ? String.format(Locale.ROOT, "%.2f ms", micros / 1000)
            : String.format(Locale.ROOT, "%.0f µs", micros);
  }

  private static double median(JsonNode values) {
    List<Double> sorted = new ArrayList<>();
    values.forEach(v -> sorted.add(v.asDouble()));
    sorted.sort(Double::compare);
    return sorted.get(sorted.size() / 2);
  }
}
