import fs from 'node:fs';
import zlib from 'node:zlib';
import * as tar from 'tar-stream';
import { corpusPath } from '../../support/corpus';
import type { Db } from '../../../platform/db';

/**
 * The official UBL example every generated flow invoice is made from: valid under every rule once
 * its buyer is a registered recipient structure (see registerRecipient).
 */
export const BASE_EXAMPLE = 'ConnectingEurope/eInvoicing-EN16931/ubl/examples/guide-example2.xml';
export const SUPPLIER = '123456789';
export const RECIPIENT = '987654321';
export const YEAR = 2013;

/** The example's buyer as a recipient structure, so routing finds it (columns of 001 only). */
export async function registerRecipient(db: Db): Promise<void> {
  const now = new Date().toISOString();
  await db('structures').insert({
    id: 'st-flow-recipient',
    identifier_type: 'AUTRE',
    identifier: RECIPIENT,
    name: 'Buyer of the generated flows',
    created_at: now,
    updated_at: now,
  });
}

/** The supplier structure of the generated flows, with the user who sends them as its member. */
export async function registerSupplier(db: Db, userId: string): Promise<void> {
  const now = new Date().toISOString();
  await db('structures').insert({
    id: 'st-flow-supplier',
    identifier_type: 'AUTRE',
    identifier: SUPPLIER,
    name: 'Seller of the generated flows',
    created_at: now,
    updated_at: now,
  });
  await db('structure_members').insert({
    structure_id: 'st-flow-supplier',
    user_id: userId,
    role: 'PRINCIPAL',
    services: '[]',
    created_at: now,
  });
}

export interface GeneratedFlow {
  files: { name: string; xml: string }[];
  /** Invoice numbers the platform should integrate. */
  valid: string[];
  /** Files refused before their workflow (no invoice number). */
  unidentifiable: string[];
  /** Invoice numbers whose workflow rejects them (amount due that does not add up: BR-CO-16). */
  inconsistent: string[];
}

/**
 * `count` invoices made from one official example by changing their number (prefix-0001, ...); every
 * `invalidEvery`-th one is made invalid, alternately without a number and with a wrong amount due.
 */
export function generateFlow(prefix: string, count: number, invalidEvery: number): GeneratedFlow {
  const base = fs.readFileSync(corpusPath(BASE_EXAMPLE), 'utf8');
  const flow: GeneratedFlow = { files: [], valid: [], unidentifiable: [], inconsistent: [] };
  for (let i = 1; i <= count; i += 1) {
    const number = `${prefix}-${String(i).padStart(4, '0')}`;
    const name = `factures/${number}.xml`;
    let xml = base.replace('<cbc:ID>TOSL108</cbc:ID>', `<cbc:ID>${number}</cbc:ID>`);
    if (i % invalidEvery === 0 && (i / invalidEvery) % 2 === 1) {
      xml = xml.replace(`<cbc:ID>${number}</cbc:ID>`, '');
      flow.unidentifiable.push(name);
    } else if (i % invalidEvery === 0) {
      xml = xml.replace(
        '<cbc:PayableAmount currencyID="NOK">801.78</cbc:PayableAmount>',
        '<cbc:PayableAmount currencyID="NOK">802.78</cbc:PayableAmount>',
      );
      flow.inconsistent.push(number);
    } else flow.valid.push(number);
    flow.files.push({ name, xml });
  }
  return flow;
}

/** The files as a tar.gz, as an EDI sender would pack them. */
export async function tarGz(files: { name: string; xml: string }[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const f of files) pack.entry({ name: f.name }, f.xml);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack.pipe(zlib.createGzip())) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
