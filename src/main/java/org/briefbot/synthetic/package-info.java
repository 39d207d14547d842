/**
 * Synthetic news-analysis archives for benchmarks: a deterministic generator of articles in the
 * seed's plain-text format (junk heading characters included, so the real parser is exercised),
 * drawing entities from one shared pool so that entities recur across articles as they do in a real
 * newsroom. Nothing here is read by the bot itself.
 */
package org.briefbot.synthetic;
