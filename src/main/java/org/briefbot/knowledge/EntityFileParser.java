package org.briefbot.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a curated entity file, {@code knowledge/entities/<name>.yaml} (or {@code .yml}):
 *
 * <pre>
 * entities:
 *   - name: Amazon Web Services                  # required: the canonical name
 *     aliases: [AWS, Amazon Web Services Inc.]   # optional: other names readers use
 *     kind: company                              # optional: company, person, product, topic ...
 *     summary: "Amazon's cloud computing subsidiary ..."   # optional; "" when articles supply it
 * </pre>
 *
 * <p>A YAML syntax error skips the whole file (fatal, with its line); an entry without a name is
 * skipped with a warning while the rest load; an unknown key is ignored with a warning.
 */
public final class EntityFileParser {
  private static final Set<String> KEYS = Set.of("name", "aliases", "kind", "summary");

  private final YamlListReader reader = new YamlListReader();

  public FileParseResult<EntityEntry> parse(Path file, String content) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(content, "content");
    YamlListReader.Result read = reader.read(file, content, "entities");
    List<IngestProblem> problems = new ArrayList<>(read.problems());
    List<EntityEntry> entries = new ArrayList<>();
    for (YamlListReader.Entry entry : read.entries()) {
      entry(file, entry, problems).ifPresent(entries::add);
    }
    return new FileParseResult<>(entries, problems);
  }

  private static Optional<EntityEntry> entry(
      Path file, YamlListReader.Entry entry, List<IngestProblem> problems) {
    JsonNode node = entry.node();
    if (!node.isObject()) {
      return skip(
          file,
          entry,
          "entity skipped: expected keys 'name', 'aliases', 'kind', 'summary'",
          problems);
    }
    YamlListReader.unknownKeys(node, KEYS)
        .forEach(
            key ->
                problems.add(
                    new IngestProblem(
                        file, entry.line(), "unknown key '" + key + "' ignored", false)));
    Optional<List<String>> aliases = YamlListReader.texts(node, "aliases");
    boolean textsOk =
        KEYS.stream()
            .filter(key -> !key.equals("aliases"))
            .noneMatch(key -> YamlListReader.isNotText(node, key));
    if (aliases.isEmpty() || !textsOk) {
      return skip(
          file,
          entry,
          "entity skipped: 'name', 'kind' and 'summary' must be text, 'aliases' a list of texts",
          problems);
    }
    Optional<String> name = YamlListReader.text(node, "name");
    if (name.isEmpty()) {
      return skip(file, entry, "entity skipped: no 'name'", problems);
    }
    return Optional.of(
        new EntityEntry(
            name.get(),
            aliases.get(),
            YamlListReader.text(node, "kind").orElse(""),
            YamlListReader.text(node, "summary").orElse("")));
  }

  private static <T> Optional<T> skip(
      Path file, YamlListReader.Entry entry, String reason, List<IngestProblem> problems) {
    problems.add(new IngestProblem(file, entry.line(), reason, false));
    return Optional.empty();
  }
}
