package org.briefbot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Logging set up in code, found by logback through {@code META-INF/services}: reading an XML
 * configuration costs about a quarter of a second of start-up. Logs go to standard error (standard
 * output carries only answers); {@code BRIEFBOT_LOG_LEVEL} sets briefbot's level (default INFO),
 * other libraries log warnings and errors. {@code -Dlogback.configurationFile=FILE} still wins.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
  private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    String level =
        Optional.ofNullable(System.getenv("BRIEFBOT_LOG_LEVEL"))
            .filter(s -> !s.isBlank())
            .orElse("INFO");
    context.getLogger("org.briefbot").setLevel(Level.toLevel(level, Level.INFO));
    // DJL (the embedding model's tokenizer) warns that it finds no GPU; we never use one.
    context.getLogger("ai.djl.util.cuda").setLevel(Level.ERROR);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
