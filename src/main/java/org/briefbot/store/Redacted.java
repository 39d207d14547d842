package org.briefbot.store;

/** JDBC URLs as they may appear in logs and messages: without passwords. */
final class Redacted {
  private Redacted() {}

  static String url(String url) {
    if (url == null) {
      return "null";
    }
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***")
        .replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
  }
}
