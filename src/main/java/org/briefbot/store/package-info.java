/**
 * briefbot's state in a database through JDBC: answers shown, votes, the unanswered-question log,
 * per-chat conversation context and usage counts. SQLite (a file under {@code data/}) by default,
 * PostgreSQL when replicas share state; the schema is migrated by Flyway from {@code db/migration}
 * on open. {@link org.briefbot.store.Store} is the API and throws {@link
 * org.briefbot.store.StoreException}; {@link org.briefbot.store.ResilientStore} wraps it for the
 * answering path, where a database outage must never stop a reply.
 */
package org.briefbot.store;
