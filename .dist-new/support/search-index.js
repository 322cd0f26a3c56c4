"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SupportIndex = void 0;
const minisearch_1 = __importDefault(require("minisearch"));
const french_1 = require("./french");
const knowledge_base_1 = require("./knowledge-base");
/**
 * The knowledge base's full-text index (MiniSearch, BM25) over French terms. Titles and keywords
 * weigh more than running text; a small typo or a longer form of a word still matches (fuzzy, prefix).
 */
class SupportIndex {
    index;
    byId;
    constructor(passages = (0, knowledge_base_1.loadKnowledgeBase)()) {
        this.byId = new Map(passages.map((p) => [p.id, p]));
        this.index = new minisearch_1.default({
            // A section's heading qualifies its article's title: one field, so a word common to every title
            // ("facture") weighs as little in a heading as in a title.
            fields: ['title', 'keywords', 'text'],
            extractField: (p, field) => field === 'title' && p.heading
                ? `${p.title} ${p.heading}`
                : p[field],
            storeFields: [],
            tokenize: french_1.terms,
            processTerm: (t) => t,
        });
        this.index.addAll(passages);
    }
    search(text, limit = 3) {
        const question = (0, french_1.readFamiliar)(text);
        const asked = new Set((0, french_1.terms)(question));
        if (asked.size === 0)
            return [];
        const ruleAsked = [...asked].some((t) => /^[a-z]+-/.test(t));
        return this.index
            .search(question, {
            boost: { title: 2.5, keywords: 2.5, text: 1 },
            fuzzy: (t) => (t.length > 5 && !t.includes('-') ? 0.2 : false),
            prefix: (t) => t.length > 3 && !t.includes('-'),
            // Rule-by-rule passages answer questions naming a rule; otherwise they only add noise.
            boostDocument: (id) => (this.byId.get(id)?.generated && !ruleAsked ? 0.3 : 1),
        })
            .slice(0, limit)
            .map((r) => ({
            passage: this.byId.get(r.id),
            score: r.score,
            coverage: new Set(r.queryTerms).size / asked.size,
        }));
    }
}
exports.SupportIndex = SupportIndex;
//# sourceMappingURL=search-index.js.map