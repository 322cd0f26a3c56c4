import fs from 'node:fs';
import { unpackArchive, ArchiveError } from '../../flows/archive';
import { parseInvoice } from '../../invoice/parse';
import { XmlError } from '../../invoice/xml';
import { checkedAttachmentName } from '../../platform/attachment-types';
import { DomainError } from '../../platform/domain-error';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { hostileArchives, hostileAttachments, hostileInvoices, ORDINARY_UBL } from './hostile';

const codeOf = (work: () => unknown): string => {
  try {
    work();
    return 'ACCEPTED';
  } catch (err) {
    if (err instanceof XmlError || err instanceof DomainError) return err.code;
    throw err;
  }
};

/** The corpus itself: each document is what it claims to be for the invoice core, before any channel. */
describeWithCorpus('the hostile corpus', () => {
  const ordinary = () => fs.readFileSync(corpusPath(ORDINARY_UBL), 'utf8');

  it.each(hostileInvoices(ordinary()).map((d) => [d.name, d] as const))(
    '%s: read by the invoice core as expected',
    (_, doc) => {
      expect(codeOf(() => parseInvoice(doc.bytes))).toBe(doc.expect);
    },
  );

  it('converts the windows-1252 invoice, keeping its accented letters', () => {
    const doc = hostileInvoices(ordinary()).find((d) => d.name === 'windows-1252.xml')!;
    expect(doc.bytes.includes(Buffer.from('Soci\xe9t\xe9 \x8cuvre', 'latin1'))).toBe(true);
    expect(parseInvoice(doc.bytes).invoice.seller.name).toBe('Société Œuvre à l’été');
  });

  it('makes small archives that inflate past the flow budgets', async () => {
    for (const doc of await hostileArchives()) {
      expect([doc.name, doc.bytes.length < 2 * 1024 * 1024]).toEqual([doc.name, true]);
      const limits = { maxFiles: 1000, maxFileBytes: 120 * 1024 * 1024, maxTotalBytes: 1024 ** 3 };
      const code = await unpackArchive(doc.bytes, limits, async () => undefined).then(
        () => 'ACCEPTED',
        (err: ArchiveError) => err.code,
      );
      expect([doc.name, code]).toEqual([doc.name, doc.expect]);
    }
  }, 300_000);

  it('makes attachments refused by their content', async () => {
    for (const doc of await hostileAttachments())
      expect([doc.name, codeOf(() => checkedAttachmentName(doc.name, doc.bytes))]).toEqual([
        doc.name,
        doc.expect,
      ]);
  });
});
