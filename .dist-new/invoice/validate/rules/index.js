"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.frCiiSchematron = exports.frUblSchematron = exports.peppolCiiSchematron = exports.peppolUblSchematron = exports.facturXExtendedSchematron = exports.facturXEn16931Schematron = exports.facturXBasicSchematron = exports.facturXBasicWlSchematron = exports.facturXMinimumSchematron = exports.ciiSchematron = exports.ublSchematron = void 0;
exports.loadSchematron = loadSchematron;
/**
 * The official rule sets, loaded from their generated data (see README.md: source.json names the
 * pinned source, `npm run rules:generate` rewrites the JSON). Each code list is stored once in
 * code-lists.json; the tests and code-list documents that use it get its codes back here, so the
 * XPath engine sees the tests exactly as published.
 */
const code_lists_json_1 = __importDefault(require("./code-lists.json"));
const cii_json_1 = __importDefault(require("./cii.json"));
const facturx_basic_json_1 = __importDefault(require("./facturx-basic.json"));
const facturx_basic_wl_json_1 = __importDefault(require("./facturx-basic-wl.json"));
const facturx_en16931_json_1 = __importDefault(require("./facturx-en16931.json"));
const facturx_extended_json_1 = __importDefault(require("./facturx-extended.json"));
const facturx_minimum_json_1 = __importDefault(require("./facturx-minimum.json"));
const fr_cii_json_1 = __importDefault(require("./fr-cii.json"));
const fr_ubl_json_1 = __importDefault(require("./fr-ubl.json"));
const peppol_cii_json_1 = __importDefault(require("./peppol-cii.json"));
const peppol_ubl_json_1 = __importDefault(require("./peppol-ubl.json"));
const ubl_json_1 = __importDefault(require("./ubl.json"));
const codeLists = code_lists_json_1.default;
const PLACEHOLDER = /\{\{code-list:([^}]+)\}\}/g;
function codeList(name) {
    const codes = codeLists[name];
    if (!codes)
        throw new Error(`rules data names an unknown code list ${name}`);
    return codes;
}
const withCodes = (text) => text.replace(PLACEHOLDER, (_, name) => codeList(name).join(' '));
/** A stored schema as the engine takes it: placeholders and list names replaced by the codes. */
function loadSchematron(data) {
    // The generator wrote this shape (flags checked there); JSON imports only type flags as strings.
    const { source: _source, codeLists: documents, ...stored } = data;
    return {
        ...stored,
        ...(stored.lets ? { lets: stored.lets.map((l) => ({ name: l.name, value: withCodes(l.value) })) } : {}),
        patterns: stored.patterns.map((pattern) => ({
            id: pattern.id,
            rules: pattern.rules.map((rule) => ({
                context: rule.context,
                ...(rule.lets ? { lets: rule.lets.map((l) => ({ name: l.name, value: withCodes(l.value) })) } : {}),
                asserts: rule.asserts.map((a) => ({ ...a, test: withCodes(a.test) })),
            })),
        })),
        ...(documents
            ? {
                codeLists: Object.fromEntries(Object.entries(documents).map(([document, names]) => [
                    document,
                    Object.fromEntries(Object.entries(names).map(([id, name]) => [id, codeList(name)])),
                ])),
            }
            : {}),
    };
}
exports.ublSchematron = loadSchematron(ubl_json_1.default);
exports.ciiSchematron = loadSchematron(cii_json_1.default);
exports.facturXMinimumSchematron = loadSchematron(facturx_minimum_json_1.default);
exports.facturXBasicWlSchematron = loadSchematron(facturx_basic_wl_json_1.default);
exports.facturXBasicSchematron = loadSchematron(facturx_basic_json_1.default);
exports.facturXEn16931Schematron = loadSchematron(facturx_en16931_json_1.default);
exports.facturXExtendedSchematron = loadSchematron(facturx_extended_json_1.default);
/** OpenPEPPOL BIS Billing 3.0 (UBL), with the national rules it carries; applied on top of EN 16931. */
exports.peppolUblSchematron = loadSchematron(peppol_ubl_json_1.default);
/** The same rules for CII, compiled from OpenPEPPOL's published Schematron (see source.json). */
exports.peppolCiiSchematron = loadSchematron(peppol_cii_json_1.default);
/** The French reform's BR-FR rules (FNFE-MPE), per syntax; applied on top of EN 16931. */
exports.frUblSchematron = loadSchematron(fr_ubl_json_1.default);
exports.frCiiSchematron = loadSchematron(fr_cii_json_1.default);
//# sourceMappingURL=index.js.map