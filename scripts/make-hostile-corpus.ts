/**
 * Writes the hostile corpus of the security suite to a folder, to probe a running platform by hand
 * (`npx tsx scripts/make-hostile-corpus.ts /tmp/hostile`): the invoices (one subfolder per expected
 * refusal code, and ACCEPTED for the legitimate windows-1252 one), the archives for flows and the
 * attachments. Everything is generated here from one official example; nothing is downloaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  hostileArchives,
  hostileAttachments,
  hostileInvoices,
  type HostileDocument,
  ORDINARY_UBL,
} from '../test/security/hostile';

function write(folder: string, kind: string, docs: HostileDocument[]): void {
  for (const doc of docs) {
    const dir = path.join(folder, kind, doc.expect);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, doc.name), doc.bytes);
    console.log(`${kind}/${doc.expect}/${doc.name}\t${doc.bytes.length} bytes`);
  }
}

async function main(): Promise<void> {
  const folder = process.argv[2];
  if (!folder) throw new Error('usage: make-hostile-corpus <folder>');
  const corpus = process.env.FACTURFLOW_CORPUS ?? path.join(__dirname, '..', '..', 'shared', 'corpus');
  const ordinary = fs.readFileSync(path.join(corpus, ORDINARY_UBL), 'utf8');
  write(folder, 'invoices', hostileInvoices(ordinary));
  write(folder, 'flows', await hostileArchives());
  write(folder, 'attachments', await hostileAttachments());
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
