"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.languageOf = exports.englishText = void 0;
exports.frenchCatalogue = frenchCatalogue;
exports.frenchMessage = frenchMessage;
exports.localizeFinding = localizeFinding;
exports.localizeFindings = localizeFindings;
exports.refusalMessage = refusalMessage;
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
const localize_1 = require("./localize");
var localize_2 = require("./localize");
Object.defineProperty(exports, "englishText", { enumerable: true, get: function () { return localize_2.englishText; } });
var language_1 = require("./language");
Object.defineProperty(exports, "languageOf", { enumerable: true, get: function () { return language_1.languageOf; } });
/** One file per rule set (en16931, ubl, cii, facturx, xsd, platform, errors…); new sets just add a file. */
const FRENCH_DIR = node_path_1.default.join(__dirname, 'fr');
let french;
/** Every French message, by rule id or error code, from every file of fr/ (read once). */
function frenchCatalogue() {
    if (french)
        return french;
    const merged = {};
    for (const file of node_fs_1.default
        .readdirSync(FRENCH_DIR)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        const entries = JSON.parse(node_fs_1.default.readFileSync(node_path_1.default.join(FRENCH_DIR, file), 'utf8'));
        // A rule two sets share (a Peppol rule the Factur-X profiles also run) keeps its first message.
        for (const [id, entry] of Object.entries(entries))
            merged[id] ??= entry;
    }
    return (french = merged);
}
/** The general French message of a rule or error code, or undefined when there is none. */
function frenchMessage(ruleId) {
    const entry = frenchCatalogue()[ruleId];
    return entry === undefined ? undefined : (0, localize_1.frenchOf)(entry, '');
}
/** A finding in `language`: French from the catalogue, or the official English text. */
function localizeFinding(finding, language) {
    return (0, localize_1.localizeWith)(frenchCatalogue(), finding, language);
}
function localizeFindings(findings, language) {
    return findings.map((finding) => localizeFinding(finding, language));
}
/**
 * The message of a refusal (domain error code) in `language`; `english` is the error's own message,
 * whose specifics (the SIRET, the structures that match) a variant of the French entry keeps.
 */
function refusalMessage(code, english, language) {
    if (language === 'en')
        return english;
    const entry = frenchCatalogue()[code];
    return entry === undefined ? english : (0, localize_1.frenchOf)(entry, english);
}
//# sourceMappingURL=index.js.map