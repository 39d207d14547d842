package org.briefbot.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.briefbot.knowledge.FaqFileParser;
import org.briefbot.knowledge.FaqItem;
import org.briefbot.knowledge.FileParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FAQ files as the desk writes them: read back by the knowledge parser, item ids unchanged. */
class FaqFilesTest {
  private static final String FILE =
      """
      # Curated questions about the deal.
      # Second header line.
      items:
        - questions:
            - "How much is the AWS deal worth?"
          answer: >-
            Amazon secures a $138 billion AWS deal
            with OpenAI.
          article: aws-openai-trainium
          entities: [OpenAI]
        - question: "What are Trainium chips?"
          answer: "Amazon's AI accelerators."
          note: ask the tech desk
        - answer: "an item without a question, skipped by the parser"
      """;

  @TempDir Path faq;

  private FileParseResult<FaqItem> parsed(String name) throws IOException {
    Path file = faq.resolve(name);
    return new FaqFileParser().parse(file, Files.readString(file));
  }

  @Test
  void addsAWordingKeepingTheHeaderEveryItemAndEveryKey() throws Exception {
    Files.writeString(faq.resolve("deal.yaml"), FILE);

    FaqFiles.Written written =
        new FaqFiles(faq).addQuestion("deal#0", "  What   is the deal's price tag? ");

    assertThat(written).isEqualTo(new FaqFiles.Written("deal#0", faq.resolve("deal.yaml")));
    String content = Files.readString(faq.resolve("deal.yaml"));
    assertThat(content)
        .startsWith("# Curated questions about the deal.\n# Second header line.\nitems:")
        .contains("note: ask the tech desk")
        .contains("an item without a question");
    List<FaqItem> items = parsed("deal.yaml").items();
    assertThat(items).extracting(FaqItem::id).containsExactly("deal#0", "deal#1");
    assertThat(items.get(0).questions())
        .containsExactly("How much is the AWS deal worth?", "What is the deal's price tag?");
    assertThat(items.get(0).answer())
        .isEqualTo("Amazon secures a $138 billion AWS deal with OpenAI.");
    assertThat(items.get(0).entities()).containsExactly("OpenAI");
    try (var left = Files.list(faq)) {
      assertThat(left).containsExactly(faq.resolve("deal.yaml")); // no temporary file left
    }
  }

  @Test
  void anItemWithASingleQuestionGetsAListBesideIt() throws Exception {
    Files.writeString(faq.resolve("deal.yaml"), FILE);

    new FaqFiles(faq).addQuestion("deal#1", "Why do Trainium chips matter?");

    assertThat(parsed("deal.yaml").items().get(1).questions())
        .containsExactly("What are Trainium chips?", "Why do Trainium chips matter?");
  }

  @Test
  void createsTheDeskFileAndAppendsToIt() throws Exception {
    FaqFiles files = new FaqFiles(faq);

    FaqFiles.Written first =
        files.addItem("Who edits AI coverage?", "Maria Lopez.", Optional.empty());
    FaqFiles.Written second =
        files.addItem("Who wrote it?", "The tech desk.", Optional.of("aws-openai-trainium"));

    assertThat(first.itemId()).isEqualTo("desk#0");
    assertThat(second.itemId()).isEqualTo("desk#1");
    assertThat(Files.readString(faq.resolve("desk.yaml")))
        .startsWith("# Curated questions added on the editors' desk");
    assertThat(parsed("desk.yaml").problems()).isEmpty();
    assertThat(parsed("desk.yaml").items())
        .extracting(FaqItem::questions, FaqItem::answer, FaqItem::article)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                List.of("Who edits AI coverage?"), "Maria Lopez.", Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(
                List.of("Who wrote it?"), "The tech desk.", Optional.of("aws-openai-trainium")));
    assertThat(files.choices())
        .containsExactly(
            new FaqFiles.Choice("desk#0", "Who edits AI coverage?"),
            new FaqFiles.Choice("desk#1", "Who wrote it?"));
  }

  @Test
  void refusesWhatWouldBreakOrDuplicateNamingTheProblem() throws Exception {
    Files.writeString(faq.resolve("deal.yaml"), FILE);
    Files.writeString(faq.resolve("broken.yaml"), "items: [\n");
    FaqFiles files = new FaqFiles(faq);

    assertThatThrownBy(() -> files.addQuestion("../deal#0", "x?"))
        .hasMessage("No FAQ item ../deal#0: pick one from the list.");
    assertThatThrownBy(() -> files.addQuestion("deal#7", "x?"))
        .hasMessage("No FAQ item deal#7 in deal.yaml");
    assertThatThrownBy(() -> files.addQuestion("deal#0", "how much is the aws deal worth?"))
        .hasMessage("FAQ item deal#0 already has the wording \"how much is the aws deal worth?\".");
    assertThatThrownBy(() -> files.addQuestion("broken#0", "x?"))
        .hasMessageStartingWith("broken.yaml is not valid YAML; fix it by hand first");
    assertThatThrownBy(() -> files.addQuestion("deal#0", " "))
        .hasMessage("Write the question's wording.");
    assertThatThrownBy(() -> files.addQuestion("deal#0", "x".repeat(301)))
        .hasMessage("The wording is 301 characters; shorten it to 300 or fewer.");
    assertThatThrownBy(() -> files.addItem("Who?", "a".repeat(1201), Optional.empty()))
        .hasMessage("The answer is 1201 characters; keep it to 1200.");
    assertThat(Files.readString(faq.resolve("deal.yaml"))).isEqualTo(FILE);
    assertThat(faq.resolve("desk.yaml")).doesNotExist();
  }
}
