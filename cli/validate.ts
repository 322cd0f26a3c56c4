import {
  checkInvoiceFile,
  RULE_SET_DESCRIPTIONS,
  RULE_SETS,
  type CheckResult,
  type RuleSet,
} from '../invoice/check';
import type { Finding } from '../invoice/validate';
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

/**
 * Checks files one after the other and streams each verdict out as soon as it is known, so memory
 * stays flat however many files are given. Returns the exit code.
 */
export async function validateFiles(files: string[], options: ValidateOptions): Promise<number> {
  const progress = progressFor(files.length);
  const tally: Tally = { valid: 0, invalid: 0, unreadable: 0 };
  const out = process.stdout;
  try {
    if (options.json) await write(out, '[');
    for (const [index, file] of files.entries()) {
      const entry = await validateOne(file, options.rules);
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

async function validateOne(file: string, rules: RuleSet): Promise<ValidationEntry> {
  const bytes = await readFileOrFinding(file);
  if (!(bytes instanceof Uint8Array))
    return entryOf(file, { format: 'unknown', valid: false, findings: [bytes] });
  return entryOf(file, await checkInvoiceFile(bytes, { rules }));
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
