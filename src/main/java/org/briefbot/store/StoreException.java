package org.briefbot.store;

/** The database could not be reached or refused a statement; the message names the operation. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
