package org.briefbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadingTest {

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // mojibake the generator puts before headings, as in the seed
        "\u03C0 Key Takeaways                 | KEY_TAKEAWAYS",
        "\u03C0\u00B7\u03BF\u0388 Themes      | THEMES",
        "Related People & Topics              | RELATED",
        "Related People and Topics            | RELATED",
        "Entity Intersection Graph            | INTERSECTION_GRAPH",
        "Mentioned Entities                   | MENTIONED",
        "Deep Analysis                        | DEEP_ANALYSIS",
        "why it matters:                      | WHY_IT_MATTERS",
        "Context & Background                 | BACKGROUND",
        "Context and Background               | BACKGROUND",
        "Background                           | BACKGROUND",
        "What Happens Next                    | WHAT_HAPPENS_NEXT",
        "Frequently Asked Questions           | FAQ",
        "FAQ                                  | FAQ",
        // Markdown wrappers
        "## Key Takeaways                     | KEY_TAKEAWAYS",
        "**Themes:**                          | THEMES",
        "### FAQ ###                          | FAQ",
        "\uD83D\uDCCC  WHY IT MATTERS         | WHY_IT_MATTERS",
        // not headings: words before the heading text, list items, questions
        "Key Takeaways for investors          | ",
        "Market Background                    | ",
        "- Background                         | ",
        "What is the background?              | ",
        "Connections for Amazon Web Services: | ",
        "Amazon Web Services                  | ",
        // lines the shortcut turns down before the regular expression: sentence and mark endings
        "Why it matters.                      | ",
        "Themes:  **                          | THEMES",
        "FAQs ##:                             | FAQ",
        "## **                                | ",
        "Deep analysiS                        | DEEP_ANALYSIS",
      })
  void recognisesHeadingsUnderJunkButNotInText(String line, Heading expected) {
    assertThat(Heading.match(line)).isEqualTo(Optional.ofNullable(expected));
  }
}
