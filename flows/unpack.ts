import { storeBlob } from '../platform/stored-blobs';
import type { Db } from '../platform/db';
import type { BlobRef, BlobStore } from '../platform/blobs';
import { archiveKind, ArchiveError, unpackArchive, type UnpackControl } from './archive';
import { FLOW_SYNTAXES, FlowSyntax, isFlowInvoiceFile } from './syntax';
import type { FlowEntry, UnpackedFlow } from './types';

/** An E1 flow holds at most 500 invoices and 1 GB. */
export const FLOW_MAX_INVOICES = 500;
const LIMITS = { maxFiles: 2 * FLOW_MAX_INVOICES, maxFileBytes: 120 * 1024 * 1024, maxTotalBytes: 1024 ** 3 };

/**
 * Opens the flow's archive (or takes a lone file as a one-invoice flow) and stores each invoice
 * file as a blob. A refused archive is an answer, not a failure: the flow is then rejected. Blobs are
 * content-addressed, so running it again after a crash stores nothing twice. `onFile` is told how
 * many invoice files were kept before each file is looked at, and `control` follows the inflating
 * and stops it when the attempt is abandoned (the activity heartbeats with both).
 */
export async function unpackFlow(
  { db, blobs }: { db: Db; blobs: BlobStore },
  f: { syntax: FlowSyntax; blob: BlobRef },
  onFile: (kept: number) => void = () => {},
  control: UnpackControl = {},
): Promise<UnpackedFlow> {
  const bytes = await blobs.get(f.blob.sha256);
  const entries: FlowEntry[] = [];
  const mediaType = FLOW_SYNTAXES[f.syntax] === 'facturx' ? 'application/pdf' : 'application/xml';
  const keep = async (name: string, data: Buffer) => {
    onFile(entries.length);
    if (!isFlowInvoiceFile(f.syntax, name)) return;
    entries.push({ name, blob: await storeBlob(db, blobs, data, { mediaType, filename: name.slice(-255) }) });
  };
  try {
    if (archiveKind(bytes) === 'file') await keep(f.blob.filename ?? 'invoice.xml', bytes);
    else await unpackArchive(bytes, LIMITS, keep, control);
  } catch (err) {
    // An abandoned attempt has no answer to give: the next attempt, if any, gives it.
    if (err instanceof ArchiveError && err.code !== 'ARCHIVE_ABANDONED')
      return { error: `${err.code}: ${err.message}` };
    throw err;
  }
  if (entries.length === 0) return { error: 'FLOW_EMPTY: the flow holds no invoice file of its syntax.' };
  if (entries.length > FLOW_MAX_INVOICES)
    return {
      error: `FLOW_TOO_MANY_INVOICES: ${entries.length} invoices; at most ${FLOW_MAX_INVOICES} per flow.`,
    };
  return { entries };
}
