package org.briefbot.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.briefbot.config.BriefbotConfig.WebConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server of briefbot: the JDK's, on {@code web.host}:{@code web.port}, with {@code
 * web.threads} named threads. It serves the {@link Mount}s it is given, the longest matching prefix
 * first; a path no mount covers gets a JSON 404. Mounts can be added while it runs (the Telegram
 * webhook is mounted once the bot starts).
 */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  /**
   * The JDK server's limit on receiving one request, headers and body, in seconds: a client slower
   * than this is disconnected and its thread freed. A system property the server reads once, when
   * the first server of the process starts; set here unless already set.
   */
  static final String MAX_REQUEST_SECONDS = "sun.net.httpserver.maxReqTime";

  static final long DEFAULT_MAX_REQUEST_SECONDS = 10;

  /**
   * Whether the JDK server sets TCP_NODELAY on its connections; off by default, and then a
   * response's last small segment waits for the client's delayed acknowledgement: 40 ms added to
   * every request on a kept-alive connection (GET /api/articles: 46 ms against 0.6 ms,
   * docs/performance.md). Read once, like {@link #MAX_REQUEST_SECONDS}; set here unless already
   * set.
   */
  static final String NO_DELAY = "sun.net.httpserver.nodelay";

  /** How long closing lets requests in flight finish, in whole seconds (the JDK server's unit). */
  private static final int STOP_SECONDS = 1;

  private final HttpServer server;
  private final ExecutorService threads;
  private final List<Mount> mounts = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();

  private WebServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Starts listening on {@code config}'s host and port (0: any free one) and serving {@code
   * mounts}.
   *
   * @throws UncheckedIOException when the address cannot be listened on, e.g. the port is taken
   */
  public static WebServer start(WebConfig config, List<Mount> mounts) {
    Objects.requireNonNull(config, "config");
    if (System.getProperty(MAX_REQUEST_SECONDS) == null) {
      System.setProperty(MAX_REQUEST_SECONDS, String.valueOf(DEFAULT_MAX_REQUEST_SECONDS));
    }
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    ExecutorService threads = Executors.newFixedThreadPool(config.threads(), new Named());
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
    } catch (IOException e) {
      threads.shutdownNow();
      throw new UncheckedIOException(
          "Cannot listen on "
              + config.host()
              + ":"
              + config.port()
              + " (web.host, web.port): "
              + e.getMessage(),
          e);
    }
    WebServer web = new WebServer(server, threads);
    mounts.forEach(web::add);
    server.setExecutor(threads);
    server.createContext("/", web.counted(Exchanges.guard(web::dispatch)));
    server.start();
    return web;
  }

  /**
   * Serves {@code mount} from now on, until the returned handle is closed.
   *
   * @throws IllegalArgumentException when a mount with the same prefix is served already
   */
  public AutoCloseable mount(Mount mount) {
    add(mount);
    return () -> mounts.remove(mount);
  }

  private synchronized void add(Mount mount) {
    Objects.requireNonNull(mount, "mount");
    if (mounts.stream().anyMatch(m -> m.pathPrefix().equals(mount.pathPrefix()))) {
      throw new IllegalArgumentException("already mounted: " + mount.pathPrefix());
    }
    mounts.add(mount);
  }

  /** {@code handler}, counted in {@link #inFlight} while it runs (the exchange ends within it). */
  private HttpHandler counted(HttpHandler handler) {
    return exchange -> {
      inFlight.incrementAndGet();
      try {
        handler.handle(exchange);
      } finally {
        inFlight.decrementAndGet();
      }
    };
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Optional<Mount> mount =
        mounts.stream()
            .filter(m -> m.covers(path))
            .max(Comparator.comparingInt(m -> m.pathPrefix().length()));
    if (mount.isEmpty()) {
      throw new Problem(404, "nothing here: " + path);
    }
    mount.get().handler().handle(exchange);
  }

  /** The port listened on, e.g. when 0 was asked for. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Where to open the page, e.g. {@code http://127.0.0.1:8080/}. */
  public URI url() {
    String host = server.getAddress().getHostString();
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + shown + ":" + port() + "/");
  }

  /**
   * Stops taking requests, lets those in flight finish (a second at most), stops the threads. With
   * none in flight it stops at once: the JDK 17 server waits out the whole second even when idle.
   */
  @Override
  public void close() {
    server.stop(inFlight.get() == 0 ? 0 : STOP_SECONDS);
    threads.shutdown();
    try {
      if (!threads.awaitTermination(2, TimeUnit.SECONDS)) {
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
    log.debug("Web server stopped");
  }

  /** Threads named "briefbot-web-N", so a thread dump says whose they are. */
  private static final class Named implements ThreadFactory {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      return new Thread(task, "briefbot-web-" + next.incrementAndGet());
    }
  }
}
