package org.briefbot.synthetic;

import java.util.List;

/**
 * Sentence templates with slots, filled per article from its {@link Cast} and fresh vocabulary
 * draws: {A} lead company, {B} partner, {P} person, {X} product, {D} deal noun, {S} sector, {N}
 * amount, {Y} year, and per use {T} topic, {J} adjective ({j} with "a"/"an"), {R} region, {K} who
 * reacts, {V} verb, {M} a number of months.
 */
final class Sentences {
  private Sentences() {}

  static final List<String> TITLES =
      List.of(
          "{A} {V} {J} ${N}B {D} with {B}",
          "{A} {V} {S} push as {B} bets on {X}",
          "{P} to steer {A} through {S} {T} shake-up",
          "{B} and {A} {D} reshapes {S} {T}",
          "{A} {V} {X} in {R} as {T} pressure builds",
          "Why {B} chose {A} for its {J} {S} {D}",
          "{A} faces scrutiny in {R} over ${N}B {B} {D}",
          "{A} {V} {D} with {B} to cut {T}");

  static final List<String> TAKEAWAYS =
      List.of(
          "{A} {V} a ${N} billion {D} with {B}.",
          "{B} will use {A}'s {X} for {S} workloads.",
          "The {D} marks {j} shift in {S} {T}.",
          "It highlights growing {T} pressure across {R}.",
          "{P} said the move would lower {T} within {M} months.",
          "{K} expect the {D} to change how {S} firms handle {T}.",
          "The agreement covers {T} and {T} in {R}.");

  static final List<String> ANALYSIS =
      List.of(
          "This {J} ${N} billion {D} between {A} and {B} is one of the largest in {S} this year, and it changes the balance of {T} in {R}.",
          "It directly affects customers, rival providers and suppliers, who now have to plan around {A}'s {X} and its {T}.",
          "The {D} signals that {S} companies are moving away from building everything themselves toward long contracts with a few large partners.",
          "For {B}, the bet on {X} is a way to secure capacity while {T} and {T} remain uncertain.",
          "{K} will watch whether the promised gains in {T} arrive on time, since earlier {D}s in {S} have slipped.",
          "If it works, the {D} could speed up {S} projects across {R} while making smaller players more dependent on {A}.",
          "{P} has argued that {T} rather than {T} decides who wins in {S}, and this {D} follows that view.");

  static final List<String> BACKGROUND =
      List.of(
          "{A} has led the {S} market in {R} since {Y}, but faces rising competition on {T} from younger rivals",
          "{B} previously relied on other suppliers for {X}-class hardware, under a {D} signed in {Y}",
          "{X} is {A}'s answer to demand for cheaper {T}, competing directly with established products",
          "The {S} market was valued at about ${N} billion in {Y}, with {T} a growing share of spending",
          "{K} have pushed {S} companies to disclose more about {T} and {T} since {Y}",
          "{P} joined {A} in {Y} after years of work on {T} in {R}");

  static final List<String> NEXT =
      List.of(
          "{K} expect {B}'s rivals to answer with offers of their own, which could start a price war in {S}.",
          "{A} will likely raise production of {X} and may announce new sites in {R} within {M} months.",
          "Regulators in {R} are expected to review the {D}, with a first decision possible by {Y}.",
          "Work on the {D} begins with planning this quarter, and the full move is expected to take {M} months.",
          "{P} is due to present the next steps to investors, with {T} and {T} at the top of the agenda.");

  static final List<String> FAQ =
      List.of(
          "{B} likely secured better pricing, more dedicated capacity and earlier access to {A}'s {X}, which may offer an edge in {S} {T}.",
          "Smaller {S} companies may benefit from more competition among providers, but they could also struggle to get capacity while {B} takes a large share.",
          "{X} is {A}'s {S} product line, built to cut {T} and to reduce dependence on a few dominant suppliers in {R}.",
          "Yes, scrutiny is likely given the size of the {D} and its effect on {T} in {S}; authorities in {R} may examine whether it creates barriers to entry.",
          "It is a challenge to incumbents in {S}, because one of the largest buyers now commits to {A} instead; demand for rival products will stay strong but less certain.",
          "{B} faces lock-in risks, migration problems and dependence on {A} delivering the promised {T}; an outage or delay could hurt its own plans.",
          "{P} has said that the {D} will pay for itself within {M} months through lower {T} and higher {T}.");
}
