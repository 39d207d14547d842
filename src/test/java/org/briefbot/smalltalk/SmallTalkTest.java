package org.briefbot.smalltalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.briefbot.TestKnowledge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmallTalkTest {
  /** The worst case for English: a knowledge that knows none of the message's words. */
  private static final ToDoubleFunction<String> KNOWS_NOTHING = text -> 0;

  private static final ToDoubleFunction<String> KNOWS_EVERYTHING = text -> 1;

  private final SmallTalk smallTalk = new SmallTalk();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hi | GREETING",
        "Hello! | GREETING",
        "hey there | GREETING",
        "Good morning, bot | GREETING",
        "hi, how are you? | GREETING",
        "thanks! | THANKS",
        "Thank you so much | THANKS",
        "ok thanks | THANKS",
        "thx | THANKS",
        "👍 | THANKS",
        "🙏🏽 | THANKS",
        "❤️ | THANKS",
        "ok | ACKNOWLEDGE",
        "OK. | ACKNOWLEDGE",
        "got it | ACKNOWLEDGE",
        "ah ok | ACKNOWLEDGE",
        "Interesting! | ACKNOWLEDGE",
        "cool, makes sense | ACKNOWLEDGE",
        "hmm | ACKNOWLEDGE",
        "who are you? | WHO_ARE_YOU",
        "What's your name? | WHO_ARE_YOU",
        "are you a bot? | WHO_ARE_YOU",
        "what can you do? | WHAT_CAN_YOU_DO",
        "help | WHAT_CAN_YOU_DO",
        "Help me please | WHAT_CAN_YOU_DO",
        "what can I ask? | WHAT_CAN_YOU_DO",
        "How does this work? | WHAT_CAN_YOU_DO",
        "what's new? | LATEST",
        "Latest news | LATEST",
        "any news? | LATEST",
        "What's the latest? | LATEST",
        "headlines please | LATEST",
        "What are the top stories today? | LATEST",
        "so what's happening? | LATEST",
        "which articles do you have? | LATEST",
        "What topics are there? | LATEST",
        "what stories do you cover | LATEST",
        "list the articles | LATEST",
        "show me all the stories | LATEST",
        "what do you have? | WHAT_CAN_YOU_DO",
        "bye | GOODBYE",
      })
  void recognisesSocialMessages(String message, Talk.Kind kind) {
    assertThat(smallTalk.recognize(message, KNOWS_NOTHING)).contains(new Talk.Social(kind));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hi, how much is the AWS deal worth?",
        "thanks, and what happens next?",
        "who is Christine Lagarde?",
        "what can OpenAI do with Trainium?",
        "help me understand the ECB decision",
        "what's new in the AWS deal?",
        "latest news on Nvidia",
        "what is the news about OpenAI",
        "Who won the 2018 World Cup?",
        "nvdia",
        "ok, and what about Microsoft?",
        "ok so why did they cut",
        "right?",
        "good for OpenAI?",
        "z",
      })
  void questionsThatOpenLikeSmallTalkAreQuestions(String question) {
    assertThat(smallTalk.recognize(question, KNOWS_NOTHING)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "¿Cuánto ha bajado el Banco Central Europeo los tipos de interés? | Spanish",
        "Wie stark hat die Europäische Zentralbank den Einlagensatz gesenkt? | German",
        "Quel est le nouveau taux de dépôt de la BCE ? | French",
        "Qual é a nova taxa de juros do Banco Central Europeu? | Portuguese",
        "Quanto vale l'accordo tra Amazon e OpenAI? | Italian",
        "Hoeveel is de deal tussen Amazon en OpenAI waard? | Dutch",
        "Hur mycket är avtalet mellan Amazon och OpenAI värt? | Swedish",
        "Wat heeft de Europese Centrale Bank met de rente gedaan? | Dutch",
        "Сколько стоит сделка между Amazon и OpenAI? | Russian",
      })
  void recognisesAMessageInAnotherLanguageAndNamesIt(String message, String language) {
    assertThat(smallTalk.recognize(message, KNOWS_NOTHING))
        .contains(new Talk.OtherLanguage(Optional.of(language)));
  }

  /** Their function words are as much Italian as Portuguese, or as much Spanish as French. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Quanto vale o acordo entre a Amazon e a OpenAI?",
        "Combien vaut le contrat entre Amazon et OpenAI ?"
      })
  void aMessageBetweenTwoCloseLanguagesIsNotEnglishButStaysUnnamed(String message) {
    assertThat(smallTalk.recognize(message, KNOWS_NOTHING))
        .contains(new Talk.OtherLanguage(Optional.empty()));
  }

  @Test
  void aMessageInAnotherScriptIsAnotherLanguageHoweverShort() {
    assertThat(smallTalk.recognize("日本銀行は何をしましたか", KNOWS_NOTHING))
        .hasValueSatisfying(t -> assertThat(t).isInstanceOf(Talk.OtherLanguage.class));
    assertThat(smallTalk.recognize("привет", KNOWS_NOTHING))
        .hasValueSatisfying(t -> assertThat(t).isInstanceOf(Talk.OtherLanguage.class));
  }

  @Test
  void aMessageWhoseWordsTheKnowledgeKnowsIsEnglish() {
    assertThat(
            smallTalk.recognize(
                "Wie stark hat die Europäische Zentralbank den Einlagensatz gesenkt?",
                KNOWS_EVERYTHING))
        .isEmpty();
  }

  /**
   * Every question of every gold file (the seed's, the held-out articles', the seven news
   * articles', squad-newsroom's) is English and no small talk, even for a knowledge that knows none
   * of its words.
   */
  @Test
  void noGoldQuestionIsTakenForSmallTalkOrAnotherLanguage() throws IOException {
    List<String> questions = TestKnowledge.goldQuestions();
    // The repository's own gold files hold 462; ../shared adds its seven articles' when present.
    assertThat(questions).hasSizeGreaterThan(400);
    assertThat(questions)
        .filteredOn(q -> smallTalk.recognize(q, KNOWS_NOTHING).isPresent())
        .isEmpty();
  }
}
