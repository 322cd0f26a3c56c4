"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONVERT_TARGETS = void 0;
exports.defaultOutputPath = defaultOutputPath;
exports.convertFile = convertFile;
const promises_1 = __importDefault(require("node:fs/promises"));
const node_path_1 = __importDefault(require("node:path"));
const check_1 = require("../invoice/check");
const convert_1 = require("../invoice/convert");
const convert_check_1 = require("../invoice/convert-check");
const exit_codes_1 = require("./exit-codes");
const read_file_1 = require("./read-file");
exports.CONVERT_TARGETS = convert_1.CONVERSION_TARGETS;
/** The name a converted file gets next to its source, e.g. a.cii.xml → a.ubl.xml, a.xml → a.facturx.pdf. */
function defaultOutputPath(input, to) {
    const dir = node_path_1.default.dirname(input);
    const stem = node_path_1.default.basename(input).replace(/(\.(ubl|cii|facturx))?\.(xml|pdf)$/i, '');
    const suffix = { ubl: '.ubl.xml', cii: '.cii.xml', facturx: '.facturx.pdf', pdf: '.pdf' }[to];
    return node_path_1.default.join(dir, stem + suffix);
}
/**
 * Reads any supported file, writes it in the target syntax and validates what it wrote with the
 * validator deposits go through. A result with a fatal finding the source did not have is not
 * written (exit 1, findings printed) unless `force`. Terms the target cannot carry are printed as
 * FF-CONV-* warnings. Returns the exit code.
 */
async function convertFile(input, options) {
    const bytes = await (0, read_file_1.readFileOrFinding)(input);
    if (!(bytes instanceof Uint8Array))
        return fail(exit_codes_1.EXIT.unreadable, bytes.message);
    const source = await (0, check_1.checkInvoiceFile)(bytes, { rules: 'en16931' });
    if (!source.invoice)
        return fail(exit_codes_1.EXIT.unreadable, `${input} is not a readable invoice: ${source.findings[0]?.message ?? ''}`);
    const output = options.output ?? defaultOutputPath(input, options.to);
    if (await samePath(input, output)) {
        return fail(exit_codes_1.EXIT.invalid, `refusing to overwrite the input ${input}; choose another output with -o`);
    }
    let result;
    try {
        result = await (0, convert_check_1.convertChecked)(source, options.to, { profile: options.profile ?? source.profile });
    }
    catch (err) {
        return fail(exit_codes_1.EXIT.invalid, `cannot convert ${input} to ${options.to}: ${err.message}`);
    }
    printFindings(result.findings);
    if (result.introduced.length) {
        printFindings(result.introduced);
        if (!options.force) {
            return fail(exit_codes_1.EXIT.invalid, `the ${options.to} result breaks rules ${input} does not (${rulesOf(result.introduced)}); nothing written (--force writes it anyway)`);
        }
        process.stderr.write(`facturflow convert: writing an invalid ${options.to} because of --force\n`);
    }
    try {
        await promises_1.default.writeFile(output, result.output);
    }
    catch (err) {
        return fail(exit_codes_1.EXIT.invalid, `cannot write ${output}: ${err.message}`);
    }
    process.stdout.write(`${input} (${source.format}) → ${output} (${options.to})\n`);
    return exit_codes_1.EXIT.ok;
}
function printFindings(findings) {
    for (const f of findings) {
        process.stderr.write(`    ${f.severity.padEnd(7)} ${f.rule}  ${f.message.replace(/\s+/g, ' ').trim()}\n`);
        if (f.location)
            process.stderr.write(`            at ${f.location}\n`);
    }
}
function rulesOf(findings) {
    return [...new Set(findings.map((f) => f.rule))].join(', ');
}
/** Same file, following symlinks when the output already exists. */
async function samePath(a, b) {
    if (node_path_1.default.resolve(a) === node_path_1.default.resolve(b))
        return true;
    const [ra, rb] = await Promise.all([promises_1.default.realpath(a).catch(() => a), promises_1.default.realpath(b).catch(() => b)]);
    return node_path_1.default.resolve(ra) === node_path_1.default.resolve(rb);
}
function fail(code, message) {
    process.stderr.write(`facturflow convert: ${message}\n`);
    return code;
}
//# sourceMappingURL=convert.js.map