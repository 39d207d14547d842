package org.briefbot.snapshot;

import java.util.List;
import java.util.Map;
import org.briefbot.entities.ArticleLinks;
import org.briefbot.entities.Entity;
import org.briefbot.knowledge.Knowledge;

/**
 * What loading a knowledge folder produced, apart from the index itself.
 *
 * @param knowledge the parsed knowledge, articles without passage text (the index has it)
 * @param entities the merged entity catalog's entities
 * @param links per article id, the entities linking found in it: what lets the catalog take in a
 *     changed article without linking every other one again
 */
public record Snapshot(
    Knowledge knowledge, List<Entity> entities, Map<String, ArticleLinks> links) {
  public Snapshot {
    entities = List.copyOf(entities);
    links = Map.copyOf(links);
  }
}
