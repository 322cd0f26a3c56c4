"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildProgram = buildProgram;
const commander_1 = require("commander");
const check_1 = require("../invoice/check");
const convert_1 = require("./convert");
const inspect_1 = require("./inspect");
const profile_option_1 = require("./profile-option");
const validate_1 = require("./validate");
const connector_command_1 = require("./connector-command");
/**
 * The `facturflow` command line. Each action returns its exit code instead of exiting, so that the
 * program can be driven in-process and stdout is flushed before the process ends.
 */
function buildProgram(setExitCode) {
    const program = new commander_1.Command('facturflow')
        .description('Validate, convert and inspect e-invoices (UBL 2.1, CII D16B, Factur-X/ZUGFeRD PDF)')
        .showHelpAfterError();
    program
        .command('validate')
        .description('check invoices against EN 16931, a Factur-X profile, Peppol BIS and/or the platform rules')
        .argument('[files...]', 'UBL, CII or Factur-X PDF files')
        .option('--json', 'print exactly one JSON array, one element per file', false)
        .addOption(new commander_1.Option('--rules [set]', 'which rules to apply; without a set, list the sets')
        .choices([...check_1.RULE_SETS])
        .default('en16931'))
        .addHelpText('after', '\nExit status: 0 all valid, 1 some invalid, 2 some file unreadable or not an invoice.')
        .action(async (files, opts, command) => {
        // `--rules` given alone: commander sets it to true instead of a set's name.
        if (opts.rules === true)
            return setExitCode(await (0, validate_1.listRuleSets)());
        if (files.length === 0)
            command.error("error: missing required argument 'files'");
        setExitCode(await (0, validate_1.validateFiles)(files, { json: opts.json, rules: opts.rules }));
    });
    program
        .command('convert')
        .description('convert an invoice to another syntax')
        .argument('<file>', 'UBL, CII or Factur-X PDF file')
        .addOption(new commander_1.Option('--to <format>', 'target format').choices([...convert_1.CONVERT_TARGETS]).makeOptionMandatory())
        .option('-o, --output <file>', 'output file (default: next to the input, e.g. x.ubl.xml, x.facturx.pdf)')
        .option('--profile <profile>', `Factur-X/CII profile to write: ${profile_option_1.PROFILE_CHOICES.join(', ')} (default: the source's, else en16931)`, profile_option_1.parseProfile)
        .option('--force', 'write the result even if it breaks rules the source does not', false)
        .addHelpText('after', '\nThe result is validated before it is written; exit 1 and nothing written when it breaks a rule the source does not.')
        .action(async (file, opts) => {
        setExitCode(await (0, convert_1.convertFile)(file, opts));
    });
    program
        .command('inspect')
        .description("show a file's format, profile and key invoice fields")
        .argument('<file>', 'UBL, CII or Factur-X PDF file')
        .action(async (file) => {
        setExitCode(await (0, inspect_1.inspectFile)(file));
    });
    (0, connector_command_1.addConnectorCommand)(program, setExitCode);
    return program;
}
//# sourceMappingURL=program.js.map