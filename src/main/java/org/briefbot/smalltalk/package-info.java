/**
 * Messages that are not questions about the articles: greetings, thanks, "who are you", "what can
 * you do", goodbyes, and messages not written in English. Recognises them only; the conversation
 * decides what to say. The only package that imports the language detector (Optimaize
 * language-detector); imports nothing of briefbot's.
 */
package org.briefbot.smalltalk;
