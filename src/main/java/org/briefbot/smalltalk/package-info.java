/**
 * Messages that are not questions about the articles: greetings, thanks, "who are you", "what can
 * you do", goodbyes, and messages not written in English. Recognises them only; the conversation
 * decides what to say. Imports Lucene's stop-word lists (the function words that name a language)
 * and nothing of briefbot's.
 */
package org.briefbot.smalltalk;
