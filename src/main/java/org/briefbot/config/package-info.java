/**
 * Every setting, as Jackson-bound records with their defaults in {@link
 * org.briefbot.config.BriefbotConfig#defaults()}; {@link org.briefbot.config.ConfigLoader} overlays
 * a YAML file on them, refuses unknown keys by name and parses modes into enums once, at load.
 *
 * <p>Imports Jackson and the retrieval {@link org.briefbot.retrieval.Mode} enum only: the settings
 * of a channel or a store are read by that package, not here.
 */
package org.briefbot.config;
