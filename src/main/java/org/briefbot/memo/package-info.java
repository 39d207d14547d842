/**
 * Remembering what was last worked out, for work that repeats close together: a question asked
 * again respelt, a desk page reloaded. Imports nothing of briefbot and no third-party library.
 */
package org.briefbot.memo;
