import { makeInvoicePdfs, type PdfInvoiceTruth } from '../../scripts/make-invoice-pdfs';
import { readPdfLayout } from '../../invoicing/drafts/pdf-text';
import { readInvoiceFacts, type PdfInvoiceFacts } from '../../invoicing/drafts/pdf-prefill';

/**
 * Field-level accuracy of the plain-PDF pre-fill over invoices laid out as common French invoicing
 * tools lay them out (scripts/make-invoice-pdfs.ts). Each field of each invoice, and each field of
 * each line of the tables, counts once; a field left empty counts as missed.
 */
const text = (s?: string) =>
  (s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const sameText = (a?: string, b?: string) => a !== undefined && b !== undefined && text(a) === text(b);
const sameNumber = (a?: string, b?: string) =>
  a !== undefined && b !== undefined && a !== '' && Number(a) === Number(b);

type Check = [field: string, ok: boolean, read: unknown, expected: unknown];

function checks(t: PdfInvoiceTruth, f: PdfInvoiceFacts): Check[] {
  const out: Check[] = [
    ['number', f.number === t.number, f.number, t.number],
    ['issueDate', f.issueDate === t.issueDate, f.issueDate, t.issueDate],
    ['dueDate', f.dueDate === t.dueDate, f.dueDate, t.dueDate],
    ['seller.name', sameText(f.sellerName, t.seller.name), f.sellerName, t.seller.name],
    [
      'seller.id',
      (f.sellerSiret ?? f.sellerSiren) === t.seller.id,
      f.sellerSiret ?? f.sellerSiren,
      t.seller.id,
    ],
    ['buyer.name', sameText(f.buyerName, t.buyer.name), f.buyerName, t.buyer.name],
    ['buyer.id', (f.buyerSiret ?? f.buyerSiren) === t.buyer.id, f.buyerSiret ?? f.buyerSiren, t.buyer.id],
    [
      'totals.ht',
      sameNumber(f.totals.withoutVat, t.totals.withoutVat),
      f.totals.withoutVat,
      t.totals.withoutVat,
    ],
    ['totals.tva', sameNumber(f.totals.vat, t.totals.vat), f.totals.vat, t.totals.vat],
    ['totals.ttc', sameNumber(f.totals.withVat, t.totals.withVat), f.totals.withVat, t.totals.withVat],
  ];
  t.lines.forEach((l, i) => {
    const r = f.lines[i];
    out.push(
      ['lines.designation', sameText(r?.name, l.name), r?.name, l.name],
      ['lines.quantity', sameNumber(r?.quantity, l.quantity), r?.quantity, l.quantity],
      ['lines.unitPrice', sameNumber(r?.unitPrice, l.unitPrice), r?.unitPrice, l.unitPrice],
      ['lines.vatRate', sameNumber(r?.vatRate, l.vatRate), r?.vatRate, l.vatRate],
    );
  });
  // A line read that the invoice does not have is a wrong designation.
  for (const extra of f.lines.slice(t.lines.length))
    out.push(['lines.designation', false, extra.name, undefined]);
  return out;
}

describe('plain PDF pre-fill accuracy over invoices in the styles of French invoicing tools', () => {
  const results: { name: string; checks: Check[] }[] = [];

  beforeAll(async () => {
    for (const pdf of await makeInvoicePdfs()) {
      const facts = readInvoiceFacts(await readPdfLayout(pdf.bytes));
      results.push({ name: pdf.name, checks: checks(pdf.truth, facts) });
    }
  }, 120_000);

  it('reads at least 90 % of all fields, and at least 75 % of each field', () => {
    expect(results.length).toBeGreaterThanOrEqual(8);
    const byField = new Map<string, { ok: number; all: number }>();
    for (const r of results)
      for (const [field, ok] of r.checks) {
        const s = byField.get(field) ?? { ok: 0, all: 0 };
        byField.set(field, { ok: s.ok + (ok ? 1 : 0), all: s.all + 1 });
      }
    const pct = (s: { ok: number; all: number }) => (100 * s.ok) / s.all;
    const all = [...byField.values()].reduce((a, s) => ({ ok: a.ok + s.ok, all: a.all + s.all }), {
      ok: 0,
      all: 0,
    });
    const misses = results.flatMap((r) =>
      r.checks
        .filter(([, ok]) => !ok)
        .map(
          ([field, , read, expected]) =>
            `${r.name} ${field}: read ${JSON.stringify(read)}, expected ${JSON.stringify(expected)}`,
        ),
    );
    console.log(
      [
        `PDF pre-fill accuracy over ${results.length} invoices:`,
        ...[...byField.entries()].map(
          ([f, s]) => `  ${f.padEnd(18)} ${pct(s).toFixed(1).padStart(5)} % (${s.ok}/${s.all})`,
        ),
        `  ${'overall'.padEnd(18)} ${pct(all).toFixed(1).padStart(5)} % (${all.ok}/${all.all})`,
        ...(misses.length ? ['Misses:', ...misses.map((m) => `  ${m}`)] : []),
      ].join('\n'),
    );
    expect(pct(all)).toBeGreaterThanOrEqual(90);
    for (const [field, s] of byField)
      expect({ field, accuracy: pct(s) >= 75 }).toEqual({ field, accuracy: true });
  });
});
