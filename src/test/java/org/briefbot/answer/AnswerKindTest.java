package org.briefbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether a sentence holds the kind of answer asked for; sentences from the seed article. */
class AnswerKindTest {
  @ParameterizedTest(name = "{0} in \"{1}\": {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "AMOUNT | Amazon secures a $138 billion AWS deal with OpenAI. | How much is the AWS deal worth? | true",
        "AMOUNT | OpenAI will use AWS's Trainium chips for AI model training. | How much is the AWS deal worth? | false",
        "AMOUNT | The deal marks a major partnership in cloud and AI infrastructure. | how big is the deal | false",
        "AMOUNT | Ghana raised the farm-gate price to GH¢62,400 a tonne from GH¢51,600. | how much does ghana pay cocoa farmers | true",
        "AMOUNT | Growers in Dak Lak are getting about 130,000 dong a kilo. | how much are coffee growers paid | true",
        "AMOUNT | The service costs KSh 4,900 a month in Kenya. | how much is it in kenya | true",
        "AMOUNT | The service costs ₦45,000 a month in Nigeria. | how much is it in nigeria | true",
        "AMOUNT | France raised its minimum pension age from 62 to 64 in 2023. | what is the minimum wage in france | false",
        "NUMBER | NVIDIA currently dominates the AI accelerator market with over 80% share | how big is nvidia | true",
        "NUMBER | AWS has been the dominant cloud provider since its 2006 launch | how many clouds | false",
        "PERCENT | NVIDIA currently dominates the AI accelerator market with over 80% share | what share does nvidia have | true",
        "PERCENT | Amazon secures a $138 billion AWS deal with OpenAI. | what share does amazon have | false",
        "PERCENT | Victoria produces nearly two-thirds of Australia's milk. | how much of australia's milk comes from victoria | true",
        "PERCENT | Of the city's people, about a third died in the plague. | how much of the population died | true",
        "DATE | AWS has been the dominant cloud provider since its 2006 launch | when did aws launch | true",
        "DATE | The deal's implementation will begin with migration planning in Q1 2025, with full transition expected to take 18-24 months. | when will the migration start | true",
        "DATE | Amazon may announce new data centers. | when will amazon announce | false",
        "DATE | The city council will vote on the revised budget on 14 May. | when does the council vote | true",
        "DATE | The cloud market was valued at approximately $500 billion in 2023 | how big was the cloud market in 2023 | false",
        "DURATION | The deal's implementation will begin with migration planning in Q1 2025, with full transition expected to take 18-24 months. | how long will the transition take | true",
        "DURATION | Regulatory scrutiny is anticipated from antitrust authorities in both the US and EU, with preliminary investigations possible within 6-9 months. | how long until regulators look | true",
        "FOUNDER | Tancap is a ride-hailing app founded in 2018 in Surabaya by Rizal Hadiprawiro. | who started tancap | true",
        "FOUNDER | Founder and chief executive Mattias Grell has not been seen since May. | who started orravex | true",
        "FOUNDER | Mattias Grell founded Orravex at the age of 29. | who started orravex | true",
        "FOUNDER | The alliance, based in the Ashanti Region, was founded in 2009. | who started the alliance | false",
        "OWNER | It was formed by Asahara Renewables, which holds 60%, and Veldmark Energy. | who owns shiokaze | true",
        "OWNER | Annapurna Labs has been a wholly owned subsidiary of Amazon.com since 2015. | who owns annapurna labs | true",
        "OWNER | The airport lies 7 km north of the city and is the hub of TAP Air Portugal. | who owns the airport | false",
        "AGE | Rosselot, who is 51, joined Castelmont in 2014. | how old is rosselot | true",
        "AGE | Katharina was 26 years old when she married. | how old was katharina | true",
        "AGE | The port authority was founded in 1911 by two Dutch shipping families. | how old is the port authority | true",
        "AGE | She has been prime minister since 2024, leading a three-party coalition. | how old is the prime minister | false",
        "AGE | Tern Hill Roasters is a coffee company based in Stockport, founded in 1996. | how old is daniel okafor | false",
        "AGE | Tern Hill Roasters is a coffee company based in Stockport, founded in 1996. | how old is tern hill | true",
        "AGE | Kallberg Stål AB is a steel company, founded in 1911 as an ironworks. | how old is kallberg's steel company | true",
        "AGE | It was founded in 1911 as an ironworks in Dalarna. | how old is kallberg stål | true",
        "AGE | Katharina was 26 years old when she married. | how old was she | true",
        "PERSON | Annapurna Labs is an Israeli microelectronics company. | who makes the chips | true",
        "PERSON | OpenAI will use AWS's Trainium chips for AI model training. | who will use aws's trainium chips for openai | false",
        "LEADER | Its chief executive is Ann Okoro, a former banker. | who runs the port authority | true",
        "LEADER | The port is run by Halden Group. | who runs the port | true",
        "LEADER | The port authority was founded in 1911 by two Dutch shipping families. | who runs the port authority | false",
        "LEADER | Its chief executive has resigned. | who runs the port authority | false",
        "LEADER | Education Minister Paul Desrochers said he hopes the deal will serve as a model. | who is ontario's education minister | true",
        "LEADER | It is headed by the Insurance Commissioner, an elected official. | who is the california insurance commissioner | false",
        "ORGANISATION | It directly impacts enterprise customers, cloud competitors like Microsoft Azure and Google Cloud, and AI developers. | which company competes with aws | true",
        "PLACE | OpenAI is an American artificial intelligence (AI) research organization headquartered in San Francisco, California. | where is OpenAI headquartered? | true",
        "PLACE | OpenAI will use AWS's Trainium chips for AI model training. | where will openai train | false",
        "REASON | Major tech companies have been racing to develop proprietary AI chips to reduce dependence on NVIDIA | why are big tech companies making their own ai chips | true",
        "REASON | It highlights growing demand for specialized AI hardware. | why does it matter | false",
        "DEFINITION | Machine learning (ML) is a field of study in artificial intelligence concerned with the development and study of statistical algorithms. | what is machine learning | true",
        "DEFINITION | OpenAI will use AWS's Trainium chips for AI model training. | what are trainium chips | false",
        "DEFINITION | Trainium chips are Amazon's custom-designed AI accelerators specifically optimized for training machine learning models. | what are trainium chips | true",
      })
  void holdsAnAnswerOfTheKindTheQuestionDoesNotAlreadyName(
      AnswerKind kind, String sentence, String question, boolean held) {
    assertThat(kind.heldBy(sentence, question)).isEqualTo(held);
  }

  @ParameterizedTest(name = "\"{0}\": {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Advertising revenue rose almost 500% between 1953 and 1958. | AMOUNT | true",
        "Amazon secures a $138 billion AWS deal with OpenAI. | AMOUNT | true",
        "The supply contract runs for 15 years and covers all three sites. | AMOUNT | false",
        "Advertising revenue rose almost 500% between 1953 and 1958. | NUMBER | true",
        "It employs about 5,300 people. | PERCENT | false",
      })
  void anAmountIsAnsweredByASumOrItsChange(String sentence, AnswerKind kind, boolean answered) {
    assertThat(kind.answeredBy(sentence, "how much did it grow")).isEqualTo(answered);
  }

  @Test
  void numbersAndDatesLiftMoreThanNamesCausesAndDefinitions() {
    for (AnswerKind strong :
        new AnswerKind[] {AnswerKind.AMOUNT, AnswerKind.NUMBER, AnswerKind.DATE}) {
      assertThat(strong.lift(false)).isGreaterThan(AnswerKind.PERSON.lift(false));
    }
    assertThat(AnswerKind.PERSON.lift(false)).isEqualTo(AnswerKind.REASON.lift(false));
  }
}
