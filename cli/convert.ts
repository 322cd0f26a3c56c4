import fs from 'node:fs/promises';
import path from 'node:path';
import type { FacturXProfile } from '../invoice/cii/profile';
import { readInvoiceFile } from '../invoice/check/read';
import { toCii } from '../invoice/cii/write';
import { toFacturX } from '../invoice/facturx';
import type { Invoice } from '../invoice/model';
import { toPdf } from '../invoice/pdf';
import { toUbl } from '../invoice/ubl/write';
import { EXIT } from './exit-codes';
import { readFileOrFinding } from './read-file';

export type ConvertTarget = 'ubl' | 'cii' | 'facturx' | 'pdf';
export const CONVERT_TARGETS: readonly ConvertTarget[] = ['ubl', 'cii', 'facturx', 'pdf'];

export interface ConvertOptions {
  to: ConvertTarget;
  output?: string;
  /** Factur-X/CII profile to write; defaults to the source's, else EN 16931 for Factur-X. */
  profile?: FacturXProfile;
}

/** The name a converted file gets next to its source, e.g. a.cii.xml → a.ubl.xml, a.xml → a.facturx.pdf. */
export function defaultOutputPath(input: string, to: ConvertTarget): string {
  const dir = path.dirname(input);
  const stem = path.basename(input).replace(/(\.(ubl|cii|facturx))?\.(xml|pdf)$/i, '');
  const suffix = { ubl: '.ubl.xml', cii: '.cii.xml', facturx: '.facturx.pdf', pdf: '.pdf' }[to];
  return path.join(dir, stem + suffix);
}

/** Reads any supported file and writes it in the target syntax. Returns the exit code. */
export async function convertFile(input: string, options: ConvertOptions): Promise<number> {
  const bytes = await readFileOrFinding(input);
  if (!(bytes instanceof Uint8Array)) return fail(EXIT.unreadable, bytes.message);
  const file = await readInvoiceFile(bytes);
  if (!file.readable)
    return fail(EXIT.unreadable, `${input} is not a readable invoice: ${file.finding.message}`);

  const output = options.output ?? defaultOutputPath(input, options.to);
  if (await samePath(input, output)) {
    return fail(EXIT.invalid, `refusing to overwrite the input ${input}; choose another output with -o`);
  }
  const profile = options.profile ?? file.profile;
  let written: Uint8Array | string;
  try {
    written = await render(file.invoice, options.to, profile);
  } catch (err) {
    return fail(EXIT.invalid, `cannot convert ${input} to ${options.to}: ${(err as Error).message}`);
  }
  try {
    await fs.writeFile(output, written);
  } catch (err) {
    return fail(EXIT.invalid, `cannot write ${output}: ${(err as Error).message}`);
  }
  process.stdout.write(`${input} (${file.reportedFormat}) → ${output} (${options.to})\n`);
  return EXIT.ok;
}

function render(invoice: Invoice, to: ConvertTarget, profile: FacturXProfile | undefined) {
  switch (to) {
    case 'ubl':
      return toUbl(invoice);
    case 'cii':
      return toCii(invoice, profile);
    case 'facturx':
      return toFacturX(invoice, { profile: profile ?? 'EN 16931' });
    case 'pdf':
      return toPdf(invoice);
  }
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
