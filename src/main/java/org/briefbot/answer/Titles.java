package org.briefbot.answer;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The titles a question can ask for by name, each with the words that name the same office: "CEO"
 * is what articles call a "chief executive". Titles that say only that someone is in charge
 * ("head", "boss", "leader") are left out: readers use them for any title.
 */
final class Titles {
  private static final List<Pattern> OFFICES =
      List.of(
          office("ceo", "chief executive", "chief executive officer"),
          office("president"),
          office("chair", "chairman", "chairwoman", "chairperson"),
          office("governor"),
          office("mayor"),
          office("prime minister", "premier"),
          office("minister"),
          office("chancellor"),
          office("commissioner"),
          office("general secretary", "secretary general", "secretary-general"),
          office("director general", "director-general"),
          office("managing director"));

  private Titles() {}

  /** The words for the office {@code question} names, as a pattern, if it names one. */
  static Optional<Pattern> asked(String question) {
    return OFFICES.stream().filter(office -> office.matcher(question).find()).findFirst();
  }

  private static Pattern office(String... names) {
    return Pattern.compile(
        "\\b(?:" + String.join("|", names) + ")\\b",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
