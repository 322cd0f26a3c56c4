"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fold = void 0;
exports.terms = terms;
exports.readFamiliar = readFamiliar;
const snowball_stemmers_1 = require("snowball-stemmers");
// The package ships no type declarations; its French list is a plain array of words.
const { fra } = require('stopword');
const stemmer = (0, snowball_stemmers_1.newStemmer)('french');
/** Accents and case removed: users type "facture rejetee", "FACTURE REJETÉE" and "facture rejetée". */
const fold = (text) => text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
exports.fold = fold;
/**
 * Words that carry no meaning for support questions: the French stop-word list plus the words every
 * question uses ("comment", "faire", "chorus"...), which would otherwise match every article a little.
 */
const STOP_WORDS = new Set([
    // "avoir" is also a credit note, which users ask about.
    ...fra.filter((w) => w !== 'avoir'),
    ...['comment', 'quoi', 'quel', 'quelle', 'quels', 'quelles', 'pourquoi', 'est-ce', 'peut', 'peux'],
    ...['puis', 'dois', 'doit', 'faut', 'faire', 'fait', 'bonjour', 'merci', 'svp', 'stp', 'aide'],
    ...['chorus', 'pro', 'plateforme', 'facturflow', 'ai', 'j', 'l', 'd', 'qu', 'n', 's', 'c', 'm'],
    ...['veux', 'voudrais', 'souhaite', 'besoin', 'cela', 'ca', 'ceci', 'sur', 'mon', 'ma', 'mes'],
].map(exports.fold));
/**
 * The search terms of a text: split on anything but letters and digits (so "l'activation" gives
 * "activation"), stop words dropped, each word reduced to its Snowball French stem (so "rejetée",
 * "rejetées" and "rejet" meet), then folded. Rule ids such as BR-CO-10 are kept whole too.
 */
function terms(text) {
    const out = [];
    for (const id of text.match(/\b(?:BR|FF|UBL|CII|PEPPOL)-[A-Z0-9-]*\d\b/gi) ?? [])
        out.push(id.toLowerCase());
    // Stemmed before folding: the stemmer knows French endings with their accents ("rejetée" → "rejet").
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
        if (word.length < 2 || STOP_WORDS.has((0, exports.fold)(word)))
            continue;
        out.push(/^\d+$/.test(word) ? word : (0, exports.fold)(stemmer.stem(word)));
    }
    return out;
}
/** A word or phrase as a whole, accents optional: "societe" and "société" alike. */
const phrase = (words) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`, 'giu');
/**
 * What users write instead of the knowledge base's words: abbreviations ("mdp", "pj"), familiar words
 * ("boîte", "compta") and turns of phrase ("à la main", "où en est") that stop words would otherwise
 * reduce to nothing. Each is read as the words the articles use.
 */
const FAMILIAR = [
    [phrase('mdp|mot de pass'), 'mot de passe'],
    [phrase('pj|p\\.j\\.'), 'pièce jointe'],
    [phrase('compta'), 'comptabilité'],
    [phrase('bo[iî]te|soci[eé]t[eé]|bo[iî]te'), 'entreprise'],
    [phrase('(?:à|a) la main'), 'manuellement'],
    [phrase('o[uù] en est'), 'suivi'],
    [
        phrase('(?:arrive|peux|parviens) (?:pas|plus) (?:à|a) (?:me |se )?(?:re)?connecter'),
        'connexion impossible',
    ],
    [phrase('pa(?:y|i)e(?:nt)? pas|pas (?:encore )?[eé]t[eé] pay[eé]e?'), 'retard de paiement'],
];
/** A question with users' familiar wording read as the knowledge base's words. */
function readFamiliar(question) {
    return FAMILIAR.reduce((text, [from, to]) => text.replace(from, to), question);
}
//# sourceMappingURL=french.js.map