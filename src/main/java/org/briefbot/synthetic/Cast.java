package org.briefbot.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who and what one article is about: the slots its sentences are filled from. Companies, person and
 * product come from the shared pool; the deal and sector words from the vocabulary.
 */
record Cast(
    PoolEntity lead,
    PoolEntity partner,
    PoolEntity person,
    PoolEntity product,
    String deal,
    String sector,
    int amount,
    int year) {

  static Cast draw(EntityPool pool, Dice dice) {
    PoolEntity lead = pool.company(dice);
    PoolEntity partner = pool.company(dice);
    for (int tries = 0; partner.equals(lead) && tries < 10; tries++) {
      partner = pool.company(dice);
    }
    return new Cast(
        lead,
        partner,
        pool.person(dice),
        pool.product(dice),
        dice.pickZipf(Vocabulary.DEAL_NOUNS),
        dice.pickZipf(Vocabulary.SECTORS),
        dice.between(1, 400),
        dice.between(2019, 2027));
  }

  /** The entities the article writes notes on, lead first, each once. */
  List<PoolEntity> related(EntityPool pool, Dice dice) {
    Set<PoolEntity> related = new LinkedHashSet<>(List.of(lead, partner, person, product));
    int extra = dice.between(0, 2);
    for (int i = 0; i < extra; i++) {
      related.add(pool.company(dice));
    }
    return new ArrayList<>(related);
  }
}
