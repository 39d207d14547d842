package org.briefbot.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import io.prometheus.client.Histogram;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.briefbot.conversation.Library;

/**
 * What {@code /metrics} tells Prometheus, in its text format: questions and the share answered,
 * answer latency, knowledge reloads and Telegram requests given up on. One registry per instance
 * (no global one): a test's server and a replica's never mix counts.
 */
public final class WebMetrics {
  /**
   * Latency buckets in seconds: a BM25 or hybrid answer takes milliseconds, so the resolution is
   * there; the last ones catch a cold start or a stalled store.
   */
  private static final double[] BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5
  };

  private final CollectorRegistry registry = new CollectorRegistry();
  private final LongAdder questions = new LongAdder();
  private final LongAdder answered = new LongAdder();
  private final Histogram latency =
      Histogram.build()
          .name("briefbot_answer_seconds")
          .help("Time to answer a web question (context, answer, store), in seconds.")
          .buckets(BUCKETS)
          .register(registry);
  private final Counter reloads =
      Counter.build()
          .name("briefbot_reloads_total")
          .help("Knowledge reloads; result=swapped when the new knowledge serves, failed if not.")
          .labelNames("result")
          .register(registry);
  private final AtomicReference<Telegram> telegram =
      new AtomicReference<>(new Telegram(() -> 0, () -> 0, () -> 0));

  /** Where Telegram's counts come from, once the bot runs. */
  private record Telegram(LongSupplier questions, LongSupplier answered, LongSupplier failures) {}

  public WebMetrics() {
    new Counts().register(registry);
  }

  /** A web question answered in {@code took}; {@code wasAnswered} false for a decline. */
  void asked(boolean wasAnswered, Duration took) {
    questions.increment();
    if (wasAnswered) {
      answered.increment();
    }
    latency.observe(took.toNanos() / 1e9);
  }

  /** Counts a reload, for the reload listener. */
  public void reloaded(Library.Reloaded result) {
    reloads.labels(result.swapped() ? "swapped" : "failed").inc();
  }

  /**
   * Where Telegram's counts come from, once the bot runs: questions replied to, of those answered,
   * and requests given up on.
   */
  public void telegram(LongSupplier questions, LongSupplier answered, LongSupplier sendFailures) {
    telegram.set(
        new Telegram(
            Objects.requireNonNull(questions, "questions"),
            Objects.requireNonNull(answered, "answered"),
            Objects.requireNonNull(sendFailures, "sendFailures")));
  }

  /** Everything registered, in the Prometheus text format 0.0.4. */
  String scrape() {
    StringWriter out = new StringWriter();
    try {
      TextFormat.write004(out, registry.metricFamilySamples());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write metrics to a string", e);
    }
    return out.toString();
  }

  /** The {@code /metrics} handler. */
  HttpHandler handler() {
    return exchange -> serve(exchange);
  }

  private void serve(HttpExchange exchange) throws IOException {
    Exchanges.requireMethod(exchange, Set.of("GET", "HEAD"));
    if (!exchange.getRequestURI().getPath().equals("/metrics")) {
      throw new Problem(404, "nothing here: " + exchange.getRequestURI().getPath());
    }
    Exchanges.send(
        exchange, 200, TextFormat.CONTENT_TYPE_004, scrape().getBytes(StandardCharsets.UTF_8));
  }

  /** Counts read at scrape time, per channel, and the answered share of all of them. */
  private final class Counts extends Collector {
    @Override
    public List<MetricFamilySamples> collect() {
      Telegram bot = telegram.get();
      long webAsked = questions.sum();
      long webAnswered = answered.sum();
      long botAsked = bot.questions().getAsLong();
      long botAnswered = bot.answered().getAsLong();
      CounterMetricFamily asked =
          new CounterMetricFamily(
              "briefbot_questions_total",
              "Questions replied to (answered or declined), by channel.",
              List.of("channel"));
      asked.addMetric(List.of("web"), webAsked);
      asked.addMetric(List.of("telegram"), botAsked);
      CounterMetricFamily yes =
          new CounterMetricFamily(
              "briefbot_answered_total",
              "Questions answered (not declined) with a passage or an entity note, by channel.",
              List.of("channel"));
      yes.addMetric(List.of("web"), webAnswered);
      yes.addMetric(List.of("telegram"), botAnswered);
      long all = webAsked + botAsked;
      return List.of(
          asked,
          yes,
          new GaugeMetricFamily(
              "briefbot_answered_share",
              "Share of all questions answered since the start; 0 before the first.",
              all == 0 ? 0 : (webAnswered + botAnswered) / (double) all),
          new CounterMetricFamily(
              "briefbot_telegram_send_failures_total",
              "Telegram requests (replies, callback answers) given up on after their retries.",
              bot.failures().getAsLong()));
    }
  }
}
