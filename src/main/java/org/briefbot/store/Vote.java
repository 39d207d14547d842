package org.briefbot.store;

/** A reader's thumbs up or down on an answer. */
public enum Vote {
  UP(1),
  DOWN(-1);

  private final int value;

  Vote(int value) {
    this.value = value;
  }

  int value() {
    return value;
  }

  static Vote of(int value) {
    return value > 0 ? UP : DOWN;
  }
}
