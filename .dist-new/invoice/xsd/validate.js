"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateXsd = validateXsd;
exports.prepareXsd = prepareXsd;
const xml_1 = require("../xml");
const engine_1 = require("./engine");
const schemas_1 = require("./schemas");
/** Invoices never carry a DTD; refusing one up front leaves no entity tricks for the parser to meet. */
const DOCTYPE = /<!DOCTYPE/i;
/**
 * Checks a document against an XSD with libxml2 (run in a worker thread, each schema compiled once).
 * Every libxml2 error, well-formedness errors included, becomes one finding with the schema's rule id
 * (XSD-UBL, XSD-CII, XSD-FX-<PROFILE>), libxml2's message and the line. Resolves to [] when valid.
 * Rejects with XsdSchemaUnavailableError when the schema files cannot be found.
 */
async function validateXsd(xml, schema, options = {}) {
    const rule = (0, schemas_1.xsdRuleId)(schema);
    const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
    const maxBytes = options.maxBytes ?? xml_1.DEFAULT_XML_LIMITS.maxBytes;
    if (bytes.byteLength > maxBytes) {
        return [refusal(rule, `Document of ${bytes.byteLength} bytes exceeds the limit of ${maxBytes} bytes`)];
    }
    const text = typeof xml === 'string'
        ? xml
        : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (DOCTYPE.test(text))
        return [refusal(rule, 'A DOCTYPE declaration is not allowed in an invoice')];
    const roots = options.schemaRoots ?? (0, schemas_1.defaultSchemaRoots)();
    const entry = (0, schemas_1.resolveSchemaEntry)(schema, roots);
    const diagnostics = await (0, engine_1.xsdEngine)(roots).validate(entry, bytes, typeof xml === 'string' ? 'UTF-8' : undefined);
    return diagnostics.map((diagnostic) => toFinding(rule, diagnostic));
}
/**
 * Starts compiling schemas in the worker thread without waiting, so that the compilation (hundreds of
 * milliseconds for UBL) overlaps whatever the caller does next. Schemas this deployment lacks are skipped.
 */
function prepareXsd(schemas, options = {}) {
    const roots = options.schemaRoots ?? (0, schemas_1.defaultSchemaRoots)();
    for (const schema of schemas) {
        try {
            (0, engine_1.xsdEngine)(roots).prepare((0, schemas_1.resolveSchemaEntry)(schema, roots));
        }
        catch (err) {
            if (!(err instanceof schemas_1.XsdSchemaUnavailableError))
                throw err;
        }
    }
}
function toFinding(rule, { message, level, line }) {
    return {
        rule,
        severity: level >= 2 ? 'fatal' : 'warning',
        message,
        ...(line > 0 ? { location: `line ${line}` } : {}),
    };
}
function refusal(rule, message) {
    return { rule, severity: 'fatal', message };
}
//# sourceMappingURL=validate.js.map