package org.briefbot.synthetic;

/**
 * One entity of the shared pool, written the same way into every article that relates it, so the
 * catalog merges it into one entity that knows all of those articles.
 *
 * @param name the name as articles give it
 * @param kind the short description line under the name
 * @param note the long note line, possibly cut off with "..." or carrying Markdown remnants
 * @param type company, person or product: decides the roles it plays in sentences
 */
record PoolEntity(String name, String kind, String note, Type type) {
  enum Type {
    COMPANY,
    PERSON,
    PRODUCT
  }
}
