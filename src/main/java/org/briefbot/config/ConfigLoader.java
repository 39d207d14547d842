package org.briefbot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.briefbot.retrieval.Mode;

/**
 * Reads {@code briefbot.yaml}. A file holds only the keys it changes; the rest keep their defaults.
 * Unknown keys fail with their dotted name, so a typo never goes unnoticed.
 */
public final class ConfigLoader {
  private final ObjectMapper yaml =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          // Modes are enums parsed here, once; the file spells them in lower case.
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .build();

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
    } catch (InvalidFormatException e) {
      throw new ConfigException(path + ": " + invalidValue(e), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(path + ": " + e.getOriginalMessage(), e);
    }
  }

  /** "config key 'retrieval.mode' must be one of bm25, semantic, hybrid: fast". */
  private static String invalidValue(InvalidFormatException e) {
    String key =
        e.getPath().stream()
            .map(JsonMappingException.Reference::getFieldName)
            .collect(Collectors.joining("."));
    if (!e.getTargetType().isEnum()) {
      return "config key '" + key + "': " + e.getOriginalMessage();
    }
    String allowed =
        Arrays.stream(e.getTargetType().getEnumConstants())
            .map(constant -> constant.toString().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    return "config key '" + key + "' must be one of " + allowed + ": " + e.getValue();
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
    for (Map.Entry<String, JsonNode> field : overrides.properties()) {
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
    Mode mode = config.retrieval().mode();
    if (mode.needsModel() && !config.retrieval().semantic()) {
      throw new ConfigException(
          "retrieval.mode " + mode.key() + " needs retrieval.semantic: true (the embedding model)");
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
    validateStore(config.store());
    validateWeb(config.web());
    validateDesk(config.desk());
    return config;
  }

  private static void validateDesk(BriefbotConfig.DeskConfig desk) {
    if (desk.secretEnv() == null || desk.secretEnv().isBlank()) {
      throw new ConfigException("desk.secretEnv must name an environment variable");
    }
    if (desk.sessionMinutes() < 1) {
      throw new ConfigException("desk.sessionMinutes < 1: " + desk.sessionMinutes());
    }
    if (desk.loginAttempts() < 1) {
      throw new ConfigException("desk.loginAttempts < 1: " + desk.loginAttempts());
    }
  }

  private static void validateWeb(BriefbotConfig.WebConfig web) {
    if (web.host() == null || web.host().isBlank()) {
      throw new ConfigException("web.host must not be empty, e.g. 127.0.0.1");
    }
    if (web.port() < 0 || web.port() > 65535) {
      throw new ConfigException("web.port must be in [0,65535]: " + web.port());
    }
    if (web.threads() < 1) {
      throw new ConfigException("web.threads < 1: " + web.threads());
    }
    if (web.requestsPerMinute() < 0) {
      throw new ConfigException("web.requestsPerMinute < 0: " + web.requestsPerMinute());
    }
    if (web.contextMinutes() < 1) {
      throw new ConfigException("web.contextMinutes < 1: " + web.contextMinutes());
    }
    for (String origin : web.corsOrigins()) {
      if (origin == null || !origin.matches("https?://[^/\\s]+")) {
        throw new ConfigException(
            "web.corsOrigins: an origin is scheme://host[:port] with no path: " + origin);
      }
    }
  }

  private static void validateStore(BriefbotConfig.StoreConfig store) {
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
