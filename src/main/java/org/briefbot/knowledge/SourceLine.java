package org.briefbot.knowledge;

/**
 * One line of a knowledge file, already normalized, with its 1-based line number for problems.
 *
 * @param number 1-based line number in the file
 * @param text normalized text (NFC, single spaces, trimmed); empty for a blank line
 */
record SourceLine(int number, String text) {

  boolean isBlank() {
    return text.isEmpty();
  }
}
