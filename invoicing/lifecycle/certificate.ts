import path from 'node:path';
import { DocumentTooComplexError } from '../../invoice/errors';
import { DomainError } from '../../platform/domain-error';
import { documentPool } from '../../platform/document-pool';

/**
 * The module the document threads draw certificates with: named, not imported, so the process asking
 * for one never loads pdf-lib and the fonts (about 3 MB of a worker's heap) for work its threads do.
 */
const DRAWING = path.join(__dirname, `certificate-drawing${path.extname(__filename)}`);

/** The facts a deposit certificate attests. */
export interface DepositCertificate {
  invoiceId: string;
  number: string;
  supplier: string;
  recipient?: string;
  depositedAt: string;
  depositMode: string;
  /** SHA-256 of the deposited file, as stored. */
  sha256: string;
  size: number;
}

/**
 * The deposit certificate (attestation de dépôt): the deposit date starts the legal payment period,
 * and the file's SHA-256 lets anyone check which bytes were deposited. Drawn with the invoice core's
 * PDF tools and fonts; the creation date is the deposit date, so the same deposit renders the same bytes.
 * Drawn in a thread of the document pool, under one document's budget (DOCUMENT_TOO_COMPLEX past it).
 */
export function renderDepositCertificate(c: DepositCertificate): Promise<Uint8Array> {
  return documentPool()
    .render<Uint8Array>({ module: DRAWING, entry: 'drawDepositCertificate', args: [c] })
    .catch((err: Error) => {
      if (!(err instanceof DocumentTooComplexError)) throw err;
      throw new DomainError(err.code, `The deposit certificate cannot be drawn: ${err.message}`);
    });
}
