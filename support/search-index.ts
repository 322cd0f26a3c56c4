import MiniSearch from 'minisearch';
import { readFamiliar, terms } from './french';
import { loadKnowledgeBase, Passage } from './knowledge-base';

export interface Hit {
  passage: Passage;
  score: number;
  /** Share of the question's terms found in the passage: how much of the question it answers. */
  coverage: number;
}

/**
 * The knowledge base's full-text index (MiniSearch, BM25) over French terms. Titles and keywords
 * weigh more than running text; a small typo or a longer form of a word still matches (fuzzy, prefix).
 */
export class SupportIndex {
  private readonly index: MiniSearch<Passage>;
  private readonly byId: Map<string, Passage>;

  constructor(passages: Passage[] = loadKnowledgeBase()) {
    this.byId = new Map(passages.map((p) => [p.id, p]));
    this.index = new MiniSearch<Passage>({
      // A section's heading qualifies its article's title: one field, so a word common to every title
      // ("facture") weighs as little in a heading as in a title.
      fields: ['title', 'keywords', 'text'],
      extractField: (p, field) =>
        field === 'title' && p.heading
          ? `${p.title} ${p.heading}`
          : (p as unknown as Record<string, string>)[field],
      storeFields: [],
      tokenize: terms,
      processTerm: (t) => t,
    });
    this.index.addAll(passages);
  }

  search(text: string, limit = 3): Hit[] {
    const question = readFamiliar(text);
    const asked = new Set(terms(question));
    if (asked.size === 0) return [];
    const ruleAsked = [...asked].some((t) => /^[a-z]+-/.test(t));
    return this.index
      .search(question, {
        boost: { title: 2.5, keywords: 2.5, text: 1 },
        fuzzy: (t) => (t.length > 5 && !t.includes('-') ? 0.2 : false),
        prefix: (t) => t.length > 3 && !t.includes('-'),
        // Rule-by-rule passages answer questions naming a rule; otherwise they only add noise.
        boostDocument: (id) => (this.byId.get(id as string)?.generated && !ruleAsked ? 0.3 : 1),
      })
      .slice(0, limit)
      .map((r) => ({
        passage: this.byId.get(r.id)!,
        score: r.score,
        coverage: new Set(r.queryTerms).size / asked.size,
      }));
  }
}
