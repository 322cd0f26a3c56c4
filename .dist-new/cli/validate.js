"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateFiles = validateFiles;
exports.listRuleSets = listRuleSets;
const check_1 = require("../invoice/check");
const xsd_1 = require("../invoice/check/xsd");
const validate_1 = require("../invoice/validate");
const exit_codes_1 = require("./exit-codes");
const output_1 = require("./output");
const progress_1 = require("./progress");
const read_file_1 = require("./read-file");
const validate_report_1 = require("./validate-report");
/** Files in progress at once: while one waits for the XSD worker, the next ones are read and parsed. */
const IN_FLIGHT = 4;
/**
 * Checks files in order and streams each verdict out as soon as it is known; a few files are in
 * progress at once so the XSD worker thread and the rules on this thread work side by side, and
 * memory stays flat however many files are given. Returns the exit code.
 */
async function validateFiles(files, options) {
    const progress = (0, progress_1.progressFor)(files.length);
    const tally = { valid: 0, invalid: 0, unreadable: 0 };
    const out = process.stdout;
    const running = [];
    const start = (index) => {
        if (index >= files.length)
            return;
        const entry = validateOne(files[index], options.rules, index === 0);
        entry.catch(() => undefined); // Awaited in order below; a failure must not count as unhandled meanwhile.
        running[index] = entry;
    };
    try {
        for (let i = 0; i < IN_FLIGHT; i++)
            start(i);
        if (options.json)
            await (0, output_1.write)(out, '[');
        for (const [index, file] of files.entries()) {
            const entry = await running[index];
            delete running[index];
            start(index + IN_FLIGHT);
            if (!entry.readable)
                tally.unreadable++;
            else if (entry.valid)
                tally.valid++;
            else
                tally.invalid++;
            progress.clearLine();
            if (options.json) {
                const { readable: _readable, ...json } = entry;
                await (0, output_1.write)(out, `${index ? ',' : ''}\n${JSON.stringify(json)}`);
            }
            else {
                await (0, output_1.write)(out, (0, validate_report_1.humanEntry)(entry));
            }
            progress.tick();
        }
        if (options.json)
            await (0, output_1.write)(out, files.length ? '\n]\n' : ']\n');
        else
            await (0, output_1.write)(out, (0, validate_report_1.humanSummary)(tally));
    }
    finally {
        progress.stop();
    }
    if (tally.unreadable)
        return exit_codes_1.EXIT.unreadable;
    return tally.invalid ? exit_codes_1.EXIT.invalid : exit_codes_1.EXIT.ok;
}
async function validateOne(file, rules, first) {
    const bytes = await (0, read_file_1.readFileOrFinding)(file);
    if (!(bytes instanceof Uint8Array))
        return entryOf(file, { format: 'unknown', valid: false, findings: [bytes] });
    if (first)
        prepareFor(bytes, rules);
    return entryOf(file, await (0, check_1.checkInvoiceFile)(bytes, { rules }));
}
/**
 * Before the first file: the XSD worker starts compiling the schema the file is likely to need while
 * this thread compiles the matching EN 16931 rules, instead of one waiting for the other.
 */
function prepareFor(bytes, rules) {
    if (rules === 'platform')
        return;
    const schemas = (0, xsd_1.likelySchemas)(bytes);
    (0, xsd_1.prepareSchemas)(bytes);
    if (rules !== 'en16931' && rules !== 'all')
        return;
    if (schemas.includes('cii'))
        (0, validate_1.prepareEn16931)('cii');
    else if (schemas.length)
        (0, validate_1.prepareEn16931)('ubl');
}
function entryOf(file, result) {
    return {
        file,
        format: result.format,
        profile: result.profile ?? null,
        valid: result.valid,
        findings: result.findings.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            message: f.message,
            location: f.location ?? null,
        })),
        ruleSets: result.ruleSets ?? [],
        readable: result.invoice !== undefined,
    };
}
/** `validate --rules` without a set: each set's name and what it applies, one a line. */
async function listRuleSets() {
    const width = Math.max(...check_1.RULE_SETS.map((r) => r.length));
    await (0, output_1.write)(process.stdout, check_1.RULE_SETS.map((r) => `${r.padEnd(width)}  ${check_1.RULE_SET_DESCRIPTIONS[r]}\n`).join(''));
    return exit_codes_1.EXIT.ok;
}
//# sourceMappingURL=validate.js.map