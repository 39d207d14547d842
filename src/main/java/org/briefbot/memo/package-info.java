/**
 * Remembering what was worked out: the latest keys, for work that repeats close together (a
 * question asked again respelt, a desk page reloaded; {@link org.briefbot.memo.RecentMemo}), and
 * every key up to a bound, for work that answers repeat (the same passages answer question after
 * question; {@link org.briefbot.memo.BoundedMemo}). Imports nothing of briefbot and no third-party
 * library.
 */
package org.briefbot.memo;
