import {
  checkInvoiceFile,
  RULE_SET_DESCRIPTIONS,
  RULE_SETS,
  type CheckResult,
  type RuleSet,
} from '../invoice/check';
import { likelySchemas, prepareSchemas } from '../invoice/check/xsd';
import { prepareEn16931, type Finding } from '../invoice/validate';
import { EXIT } from './exit-codes';
import { write } from './output';
import { progressFor } from './progress';
import { readFileOrFinding } from './read-file';
import { humanEntry, humanSummary, type Tally } from './validate-report';

export interface ValidateOptions {
  json: boolean;
  rules: RuleSet;
}

/** One element of `validate --json` output: a stable shape, absent values as null. */
export interface ValidationEntry {
  file: string;
  format: string;
  profile: string | null;
  valid: boolean;
  findings: { rule: string; severity: Finding['severity']; message: string; location: string | null }[];
  /** The rule sets that judged the file (`en16931` or `facturx-<profile>`, `peppol`, `platform`). */
  ruleSets: string[];
  /** Not in the JSON: whether the file was an invoice at all (exit code 2 when not). */
  readable: boolean;
}

/** Files in progress at once: while one waits for the XSD worker, the next ones are read and parsed. */
const IN_FLIGHT = 4;

/**
 * Checks files in order and streams each verdict out as soon as it is known; a few files are in
 * progress at once so the XSD worker thread and the rules on this thread work side by side, and
 * memory stays flat however many files are given. Returns the exit code.
 */
export async function validateFiles(files: string[], options: ValidateOptions): Promise<number> {
  const progress = progressFor(files.length);
  const tally: Tally = { valid: 0, invalid: 0, unreadable: 0 };
  const out = process.stdout;
  const running: Promise<ValidationEntry>[] = [];
  const start = (index: number) => {
    if (index >= files.length) return;
    const entry = validateOne(files[index], options.rules, index === 0);
    entry.catch(() => undefined); // Awaited in order below; a failure must not count as unhandled meanwhile.
    running[index] = entry;
  };
  try {
    for (let i = 0; i < IN_FLIGHT; i++) start(i);
    if (options.json) await write(out, '[');
    for (let index = 0; index < files.length; index++) {
      const entry = await running[index];
      delete running[index];
      start(index + IN_FLIGHT);
      if (!entry.readable) tally.unreadable++;
      else if (entry.valid) tally.valid++;
      else tally.invalid++;
      progress.clearLine();
      if (options.json) {
        const { readable: _readable, ...json } = entry;
        await write(out, `${index ? ',' : ''}\n${JSON.stringify(json)}`);
      } else {
        await write(out, humanEntry(entry));
      }
      progress.tick();
    }
    if (options.json) await write(out, files.length ? '\n]\n' : ']\n');
    else await write(out, humanSummary(tally));
  } finally {
    progress.stop();
  }
  if (tally.unreadable) return EXIT.unreadable;
  return tally.invalid ? EXIT.invalid : EXIT.ok;
}

async function validateOne(file: string, rules: RuleSet, first: boolean): Promise<ValidationEntry> {
  const bytes = await readFileOrFinding(file);
  if (!(bytes instanceof Uint8Array))
    return entryOf(file, { format: 'unknown', valid: false, findings: [bytes] });
  if (first) prepareFor(bytes, rules);
  return entryOf(file, await checkInvoiceFile(bytes, { rules }));
}

/**
 * Before the first file: the XSD worker starts compiling the schema the file is likely to need while
 * this thread compiles the matching EN 16931 rules, instead of one waiting for the other.
 */
function prepareFor(bytes: Uint8Array, rules: RuleSet): void {
  if (rules === 'platform') return;
  const schemas = likelySchemas(bytes);
  prepareSchemas(bytes);
  if (rules !== 'en16931' && rules !== 'all') return;
  if (schemas.includes('cii')) prepareEn16931('cii');
  else if (schemas.length) prepareEn16931('ubl');
}

function entryOf(file: string, result: CheckResult): ValidationEntry {
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
export async function listRuleSets(): Promise<number> {
  const width = Math.max(...RULE_SETS.map((r) => r.length));
  await write(
    process.stdout,
    RULE_SETS.map((r) => `${r.padEnd(width)}  ${RULE_SET_DESCRIPTIONS[r]}\n`).join(''),
  );
  return EXIT.ok;
}
