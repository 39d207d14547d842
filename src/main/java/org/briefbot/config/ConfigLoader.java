package org.briefbot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code briefbot.yaml}. A file holds only the keys it changes; the rest keep their defaults.
 * Unknown keys fail with their dotted name, so a typo never goes unnoticed.
 */
public final class ConfigLoader {
  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** The defaults overlaid with {@code file}, if given. */
  public BriefbotConfig load(Optional<Path> file) {
    if (file.isEmpty()) {
      return validate(BriefbotConfig.defaults());
    }
    Path path = file.get();
    if (!Files.isRegularFile(path)) {
      throw new ConfigException("Config file not found: " + path);
    }
    ObjectNode merged = yaml.valueToTree(BriefbotConfig.defaults());
    JsonNode overrides = readTree(path);
    if (!overrides.isMissingNode() && !overrides.isNull()) {
      if (!overrides.isObject()) {
        throw new ConfigException(path + ": expected a mapping of settings at the top level");
      }
      overlay(merged, (ObjectNode) overrides, "", path);
    }
    try {
      return validate(yaml.treeToValue(merged, BriefbotConfig.class));
    } catch (JsonProcessingException e) {
      throw new ConfigException(path + ": " + e.getOriginalMessage(), e);
    }
  }

  private JsonNode readTree(Path path) {
    try {
      return yaml.readTree(path.toFile());
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(
          path + ":" + line + ": not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException("Cannot read config file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Copies {@code overrides} onto {@code target}, refusing keys the defaults do not have. */
  private static void overlay(ObjectNode target, ObjectNode overrides, String prefix, Path path) {
    Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix + field.getKey();
      JsonNode current = target.get(field.getKey());
      if (current == null) {
        throw new ConfigException(path + ": unknown config key '" + key + "'");
      }
      if (current.isObject() && field.getValue().isObject()) {
        overlay((ObjectNode) current, (ObjectNode) field.getValue(), key + ".", path);
      } else if (current.isObject() && !field.getValue().isNull()) {
        throw new ConfigException(path + ": config key '" + key + "' must be a mapping");
      } else if (!field.getValue().isNull()) {
        target.set(field.getKey(), field.getValue());
      }
    }
  }

  private static BriefbotConfig validate(BriefbotConfig config) {
    String mode = config.retrieval().mode();
    if (!mode.equals("bm25") && !mode.equals("semantic") && !mode.equals("hybrid")) {
      throw new ConfigException("retrieval.mode must be bm25, semantic or hybrid: " + mode);
    }
    if (!mode.equals("bm25") && !config.retrieval().semantic()) {
      throw new ConfigException(
          "retrieval.mode " + mode + " needs retrieval.semantic: true (the embedding model)");
    }
    if (config.retrieval().vectorCandidates() < 1) {
      throw new ConfigException(
          "retrieval.vectorCandidates < 1: " + config.retrieval().vectorCandidates());
    }
    double threshold = config.answer().threshold();
    if (threshold < 0 || threshold > 1) {
      throw new ConfigException("answer.threshold must be in [0,1]: " + threshold);
    }
    if (config.retrieval().candidates() < 1) {
      throw new ConfigException("retrieval.candidates < 1: " + config.retrieval().candidates());
    }
    String telegramMode = config.telegram().mode();
    if (!telegramMode.equals("polling") && !telegramMode.equals("webhook")) {
      throw new ConfigException("telegram.mode must be polling or webhook: " + telegramMode);
    }
    validateStore(config.store());
    return config;
  }

  private static void validateStore(BriefbotConfig.Store store) {
    String url = store.url();
    if (url == null || !(url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:"))) {
      // The URL may hold a password: name the key, not the value.
      throw new ConfigException("store.url must start with jdbc:sqlite: or jdbc:postgresql:");
    }
    if (store.lowConfidence() < 0 || store.lowConfidence() > 1) {
      throw new ConfigException("store.lowConfidence must be in [0,1]: " + store.lowConfidence());
    }
  }
}
