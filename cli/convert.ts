import fs from 'node:fs/promises';
import path from 'node:path';
import type { FacturXProfile } from '../invoice/cii/profile';
import { CONVERSION_TARGETS, type ConversionTarget } from '../invoice/convert';
import {
  checkConversionSource,
  convertChecked,
  type CheckedConversion,
  type ConversionRules,
} from '../invoice/convert-check';
import type { Finding } from '../invoice/validate';
import { EXIT } from './exit-codes';
import { readFileOrFinding } from './read-file';

export type ConvertTarget = ConversionTarget;
export type { ConversionRules };
export const CONVERT_TARGETS = CONVERSION_TARGETS;
export const CONVERSION_RULE_SETS: readonly ConversionRules[] = ['en16931', 'peppol'];

export interface ConvertOptions {
  to: ConvertTarget;
  output?: string;
  /** Factur-X/CII profile to write; defaults to the source's, else EN 16931 for Factur-X. */
  profile?: FacturXProfile;
  /**
   * The rules the source and the result are judged by; by default EN 16931, plus Peppol BIS when the
   * source declares it (BT-24), as a deposit does.
   */
  rules?: ConversionRules;
  /** Write the result even when it breaks rules the source did not break. */
  force?: boolean;
}

/** The name a converted file gets next to its source, e.g. a.cii.xml → a.ubl.xml, a.xml → a.facturx.pdf. */
export function defaultOutputPath(input: string, to: ConvertTarget): string {
  const dir = path.dirname(input);
  const stem = path.basename(input).replace(/(\.(ubl|cii|facturx))?\.(xml|pdf)$/i, '');
  const suffix = { ubl: '.ubl.xml', cii: '.cii.xml', facturx: '.facturx.pdf', pdf: '.pdf' }[to];
  return path.join(dir, stem + suffix);
}

/**
 * Reads any supported file, writes it in the target syntax and validates what it wrote with the
 * validator deposits go through, by the rule sets that judged the source. A result with a fatal finding the source did not have is not
 * written (exit 1, findings printed) unless `force`. Terms the target cannot carry are printed as
 * FF-CONV-* warnings. Returns the exit code.
 */
export async function convertFile(input: string, options: ConvertOptions): Promise<number> {
  const bytes = await readFileOrFinding(input);
  if (!(bytes instanceof Uint8Array)) return fail(EXIT.unreadable, bytes.message);
  const source = await checkConversionSource(bytes, { rules: options.rules });
  if (!source.invoice)
    return fail(EXIT.unreadable, `${input} is not a readable invoice: ${source.findings[0]?.message ?? ''}`);

  const output = options.output ?? defaultOutputPath(input, options.to);
  if (await samePath(input, output)) {
    return fail(EXIT.invalid, `refusing to overwrite the input ${input}; choose another output with -o`);
  }
  let result: CheckedConversion;
  try {
    result = await convertChecked(source, options.to, { profile: options.profile ?? source.profile });
  } catch (err) {
    return fail(EXIT.invalid, `cannot convert ${input} to ${options.to}: ${(err as Error).message}`);
  }
  printFindings(result.findings);
  if (result.introduced.length) {
    printFindings(result.introduced);
    if (!options.force) {
      return fail(
        EXIT.invalid,
        `the ${options.to} result breaks rules ${input} does not (${rulesOf(result.introduced)}); nothing written (--force writes it anyway)`,
      );
    }
    process.stderr.write(`facturflow convert: writing an invalid ${options.to} because of --force\n`);
  }
  try {
    await fs.writeFile(output, result.output);
  } catch (err) {
    return fail(EXIT.invalid, `cannot write ${output}: ${(err as Error).message}`);
  }
  process.stdout.write(`${input} (${source.format}) → ${output} (${options.to})\n`);
  return EXIT.ok;
}

function printFindings(findings: Finding[]): void {
  for (const f of findings) {
    process.stderr.write(`    ${f.severity.padEnd(7)} ${f.rule}  ${f.message.replace(/\s+/g, ' ').trim()}\n`);
    if (f.location) process.stderr.write(`            at ${f.location}\n`);
  }
}

function rulesOf(findings: Finding[]): string {
  return [...new Set(findings.map((f) => f.rule))].join(', ');
}

/** Same file, following symlinks when the output already exists. */
async function samePath(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [ra, rb] = await Promise.all([fs.realpath(a).catch(() => a), fs.realpath(b).catch(() => b)]);
  return path.resolve(ra) === path.resolve(rb);
}

function fail(code: number, message: string): number {
  process.stderr.write(`facturflow convert: ${message}\n`);
  return code;
}
