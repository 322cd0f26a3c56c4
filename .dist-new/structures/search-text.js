"use strict";
/**
 * Directory search text: the form a name or a town is stored and searched in, so that "villeurbanne"
 * finds "VILLEURBANNE" and "Etablissement" finds "Établissement" on SQLite and PostgreSQL alike, with
 * nothing but LIKE (neither has accent-insensitive matching built in the same way).
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.searchText = searchText;
exports.searchWords = searchWords;
const LIGATURES = { œ: 'oe', æ: 'ae', ß: 'ss' };
/** Lower case, accents and ligatures spelled out, punctuation as spaces, one space between words. */
function searchText(value) {
    return (value ?? '')
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[œæß]/g, (c) => LIGATURES[c])
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
}
/** The words of a search: those of its text, each matched as the start of a word. */
function searchWords(query) {
    return searchText(query).split(' ').filter(Boolean);
}
//# sourceMappingURL=search-text.js.map