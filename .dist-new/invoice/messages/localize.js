"use strict";
/**
 * Findings in the reader's language, from a catalogue of French messages kept as data (fr/*.json).
 * Pure: the portal bundles it with the catalogue files it needs, the server with all of them.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.englishText = englishText;
exports.frenchOf = frenchOf;
exports.localizeWith = localizeWith;
/** The platform's own findings say "français. / English.": this is the English half, else the whole. */
function englishText(message) {
    const split = message.indexOf('. / ');
    return split >= 0 ? message.slice(split + 4) : message;
}
const patterns = new Map();
const compiled = (source) => {
    let re = patterns.get(source);
    if (!re)
        patterns.set(source, (re = new RegExp(source)));
    return re;
};
// XML names in captured text read better without their namespace URI: {urn:…}Name → Name.
const withoutNamespaces = (text) => text.replace(/\{[^}]*\}/g, '');
/** The French text of an entry for one English message: the first variant that matches, else the text. */
function frenchOf(entry, english) {
    if (typeof entry === 'string')
        return entry;
    for (const variant of entry.variants ?? []) {
        const match = compiled(variant.en).exec(english);
        if (match)
            return variant.fr.replace(/\{(\w+)\}/g, (_, name) => withoutNamespaces(match.groups?.[name] ?? '').trim());
    }
    return entry.text;
}
const renderings = new Map();
/** The messages a variant's French template renders, e.g. "Le SIRET « {siret} » …" → /^Le SIRET « .* » …$/. */
const rendering = (template) => {
    let re = renderings.get(template);
    if (!re) {
        const parts = template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        renderings.set(template, (re = new RegExp(`^${parts.join('.*')}$`, 's')));
    }
    return re;
};
/** Whether `message` is already this entry's French (the API's answer, localised again by the portal). */
function isFrenchOf(entry, message) {
    if (typeof entry === 'string')
        return message === entry;
    return message === entry.text || (entry.variants ?? []).some((v) => rendering(v.fr).test(message));
}
/** The finding with its message in `language`; the rule id, severity and location never change. */
function localizeWith(catalogue, finding, language) {
    const english = englishText(finding.message);
    if (language === 'en')
        return english === finding.message ? finding : { ...finding, message: english };
    const entry = catalogue[finding.rule];
    if (entry === undefined || isFrenchOf(entry, finding.message))
        return finding;
    return { ...finding, message: frenchOf(entry, english) };
}
//# sourceMappingURL=localize.js.map