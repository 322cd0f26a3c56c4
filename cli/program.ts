import { Command, Option } from 'commander';
import { RULE_SETS, type RuleSet } from '../invoice/check';
import {
  CONVERSION_RULE_SETS,
  CONVERT_TARGETS,
  convertFile,
  type ConversionRules,
  type ConvertTarget,
} from './convert';
import { inspectFile } from './inspect';
import { PROFILE_CHOICES, parseProfile } from './profile-option';
import { listRuleSets, validateFiles } from './validate';
import { addConnectorCommand } from './connector-command';

/**
 * The `facturflow` command line. Each action returns its exit code instead of exiting, so that the
 * program can be driven in-process and stdout is flushed before the process ends.
 */
export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('facturflow')
    .description('Validate, convert and inspect e-invoices (UBL 2.1, CII D16B, Factur-X/ZUGFeRD PDF)')
    .showHelpAfterError();

  program
    .command('validate')
    .description('check invoices against EN 16931, a Factur-X profile, Peppol BIS and/or the platform rules')
    .argument('[files...]', 'UBL, CII or Factur-X PDF files')
    .option('--json', 'print exactly one JSON array, one element per file', false)
    .addOption(
      new Option('--rules [set]', 'which rules to apply; without a set, list the sets')
        .choices([...RULE_SETS])
        .default('en16931' satisfies RuleSet),
    )
    .addHelpText(
      'after',
      '\nExit status: 0 all valid, 1 some invalid, 2 some file unreadable or not an invoice.',
    )
    .action(async (files: string[], opts: { json: boolean; rules: RuleSet | true }, command: Command) => {
      // `--rules` given alone: commander sets it to true instead of a set's name.
      if (opts.rules === true) return setExitCode(await listRuleSets());
      if (files.length === 0) command.error("error: missing required argument 'files'");
      setExitCode(await validateFiles(files, { json: opts.json, rules: opts.rules }));
    });

  program
    .command('convert')
    .description('convert an invoice to another syntax')
    .argument('<file>', 'UBL, CII or Factur-X PDF file')
    .addOption(
      new Option('--to <format>', 'target format').choices([...CONVERT_TARGETS]).makeOptionMandatory(),
    )
    .option('-o, --output <file>', 'output file (default: next to the input, e.g. x.ubl.xml, x.facturx.pdf)')
    .option(
      '--profile <profile>',
      `Factur-X/CII profile to write: ${PROFILE_CHOICES.join(', ')} (default: the source's, else en16931)`,
      parseProfile,
    )
    .addOption(
      new Option(
        '--rules <set>',
        'rules to judge the source and the result by (default: en16931, plus peppol for a document declaring Peppol BIS)',
      ).choices([...CONVERSION_RULE_SETS]),
    )
    .option('--force', 'write the result even if it breaks rules the source does not', false)
    .addHelpText(
      'after',
      '\nThe result is validated before it is written; exit 1 and nothing written when it breaks a rule the source does not.',
    )
    .action(
      async (
        file: string,
        opts: {
          to: ConvertTarget;
          output?: string;
          profile?: ReturnType<typeof parseProfile>;
          rules?: ConversionRules;
          force: boolean;
        },
      ) => {
        setExitCode(await convertFile(file, opts));
      },
    );

  program
    .command('inspect')
    .description("show a file's format, profile and key invoice fields")
    .argument('<file>', 'UBL, CII or Factur-X PDF file')
    .action(async (file: string) => {
      setExitCode(await inspectFile(file));
    });

  addConnectorCommand(program, setExitCode);

  return program;
}
