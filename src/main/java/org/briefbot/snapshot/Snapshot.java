package org.briefbot.snapshot;

import java.util.List;
import org.briefbot.entities.Entity;
import org.briefbot.knowledge.Knowledge;

/**
 * What loading a knowledge folder produced, apart from the index itself.
 *
 * @param knowledge the parsed knowledge, articles without passage text (the index has it)
 * @param entities the merged entity catalog's entities
 */
public record Snapshot(Knowledge knowledge, List<Entity> entities) {
  public Snapshot {
    entities = List.copyOf(entities);
  }
}
