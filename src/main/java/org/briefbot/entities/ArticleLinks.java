package org.briefbot.entities;

import java.util.List;

/**
 * The entities linking found in one article, by canonical name: what the catalog needs of an
 * article's text. Kept per article, so that a changed article is linked again on its own while the
 * others keep what linking found in them.
 *
 * @param inTitle the entities its title and hashtags name
 * @param inPassages per passage, in order, the entities its text names or its notes list
 */
public record ArticleLinks(List<String> inTitle, List<List<String>> inPassages) {
  public ArticleLinks {
    inTitle = List.copyOf(inTitle);
    inPassages = inPassages.stream().map(List::copyOf).toList();
  }
}
