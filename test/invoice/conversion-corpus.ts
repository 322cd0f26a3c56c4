import fs from 'node:fs';
import { checkInvoiceFile, type CheckResult } from '../../invoice/check';
import type { FacturXProfile } from '../../invoice/cii/profile';
import { extractFacturX } from '../../invoice/facturx';
import type { Invoice } from '../../invoice/model';
import { corpusPath } from '../support/corpus';

/** A readable invoice of the corpus, with the verdict of our validator on the file itself. */
export interface CorpusSource {
  file: string;
  format: CheckResult['format'];
  profile?: FacturXProfile;
  invoice: Invoice;
  /** The invoice XML (for a PDF, the embedded one), to run the official XSLT on. */
  xml: Uint8Array;
  verdict: CheckResult;
}

const DOCUMENT_FORMATS = new Set(['cii', 'ubl-invoice', 'ubl-creditnote', 'pdf']);

/** Files of EXPECTED.tsv that are UBL, CII or PDF documents (not test sets, not schemas). */
export function corpusDocuments(): string[] {
  return fs
    .readFileSync(corpusPath('EXPECTED.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('path\t'))
    .map((l) => l.split('\t'))
    .filter(([, format]) => DOCUMENT_FORMATS.has(format))
    .map(([file]) => file);
}

/** Every corpus document that reads as an invoice (ZUGFeRD 1.0, broken and empty files do not). */
export async function corpusSources(): Promise<{ sources: CorpusSource[]; unreadable: string[] }> {
  const sources: CorpusSource[] = [];
  const unreadable: string[] = [];
  for (const file of corpusDocuments()) {
    const bytes = fs.readFileSync(corpusPath(file));
    const verdict = await checkInvoiceFile(bytes, { rules: 'en16931' });
    if (!verdict.invoice) {
      unreadable.push(file);
      continue;
    }
    const xml = verdict.format === 'facturx' ? (await extractFacturX(bytes)).xml : bytes;
    sources.push({
      file,
      format: verdict.format,
      profile: verdict.profile,
      invoice: verdict.invoice,
      xml,
      verdict,
    });
  }
  return { sources, unreadable };
}
