/**
 * Plain (non Factur-X) PDF invoices in the styles of common French invoicing tools, each with the
 * facts a reader should find in it (its ground truth): the test set of the PDF pre-fill. Layouts
 * differ as real invoices do: party blocks left or right or stacked, identifiers labelled "SIRET",
 * "N° SIRET", "SIREN" or "SIRET client", dates as 02/12/2026, 02.12.2026 or "2 décembre 2026",
 * amounts as "1 234,56 €", "1.234,56" or "1 234,56 EUR", line tables with their columns in different
 * orders, a two-page invoice, a micro-entreprise without VAT.
 * Usage: npx tsx scripts/make-invoice-pdfs.ts <out-dir>   (writes <name>.pdf and <name>.json)
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFFont, PDFPage, rgb, StandardFonts } from 'pdf-lib';

/** What a careful reader finds in one generated invoice; amounts and rates as "1234.56", dates ISO. */
export interface PdfInvoiceTruth {
  number: string;
  issueDate: string;
  dueDate: string;
  seller: { name: string; id: string };
  buyer: { name: string; id: string };
  totals: { withoutVat: string; vat: string; withVat: string };
  lines: { name: string; quantity: string; unitPrice: string; vatRate: string }[];
}

export interface GeneratedPdfInvoice {
  name: string;
  style: string;
  bytes: Uint8Array;
  truth: PdfInvoiceTruth;
}

interface Party {
  name: string;
  street: string;
  town: string;
  siret: string;
  vat?: string;
}
interface Line {
  name: string;
  detail?: string;
  /** The end of a designation too long for its column, on the next line. */
  wrapped?: string;
  quantity: number;
  unitPrice: number;
  vatRate: number;
  unit?: string;
}
interface Facts {
  number: string;
  issue: [number, number, number];
  due: [number, number, number];
  seller: Party;
  buyer: Party;
  lines: Line[];
  /** Micro-entreprise: "TVA non applicable, art. 293 B du CGI". */
  noVat?: boolean;
}

// ---------------------------------------------------------------- formatting, as tools print it

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
type Day = [number, number, number];
const two = (n: number) => String(n).padStart(2, '0');
const slash = ([y, m, d]: Day, sep = '/') => `${two(d)}${sep}${two(m)}${sep}${y}`;
const long = ([y, m, d]: Day) => `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
const iso = ([y, m, d]: Day) => `${y}-${two(m)}-${two(d)}`;

/** Cents of an amount, exact (quantities and prices have at most 2 decimals here). */
const cents = (n: number) => Math.round(n * 100);
const plain = (c: number) => `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${two(Math.abs(c) % 100)}`;

/** An amount as French tools print it: thousands separated by `sep`, decimal comma, a suffix. */
function fr(c: number, sep = '\u00a0', suffix = ' €'): string {
  const [units, dec] = plain(c).split('.');
  return `${units.replace(/\B(?=(\d{3})+(?!\d))/g, sep)},${dec}${suffix}`;
}
const qty = (q: number) => String(q).replace('.', ',');
const rate = (r: number, digits = 0) => `${r.toFixed(r % 1 ? 1 : digits).replace('.', ',')} %`;
const spacedSiret = (s: string) => `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}`;
const spacedSiren = (s: string) => `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)}`;

function amounts(f: Facts) {
  const byRate = new Map<number, number>();
  let ht = 0;
  for (const l of f.lines) {
    const net = cents(l.quantity * l.unitPrice);
    ht += net;
    byRate.set(l.vatRate, (byRate.get(l.vatRate) ?? 0) + net);
  }
  const vatRows = [...byRate.entries()].map(([r, base]) => ({
    rate: r,
    base,
    tax: Math.round((base * r) / 100),
  }));
  const vat = f.noVat ? 0 : vatRows.reduce((s, v) => s + v.tax, 0);
  return { ht, vat, ttc: ht + vat, vatRows };
}

function truthOf(f: Facts, ids: { seller: string; buyer: string }): PdfInvoiceTruth {
  const a = amounts(f);
  return {
    number: f.number,
    issueDate: iso(f.issue),
    dueDate: iso(f.due),
    seller: { name: f.seller.name, id: ids.seller },
    buyer: { name: f.buyer.name, id: ids.buyer },
    totals: { withoutVat: plain(a.ht), vat: plain(a.vat), withVat: plain(a.ttc) },
    lines: f.lines.map((l) => ({
      name: l.name,
      quantity: String(l.quantity),
      unitPrice: plain(cents(l.unitPrice)),
      vatRate: f.noVat ? '0' : String(l.vatRate),
    })),
  };
}

// ---------------------------------------------------------------- drawing

interface Pen {
  doc: PDFDocument;
  page: PDFPage;
  regular: PDFFont;
  bold: PDFFont;
}
interface TextStyle {
  size?: number;
  bold?: boolean;
  align?: 'left' | 'right' | 'center';
  grey?: boolean;
}

function text(pen: Pen, s: string, x: number, y: number, st: TextStyle = {}) {
  const font = st.bold ? pen.bold : pen.regular;
  const size = st.size ?? 9;
  const width = font.widthOfTextAtSize(s, size);
  const left = st.align === 'right' ? x - width : st.align === 'center' ? x - width / 2 : x;
  pen.page.drawText(s, { x: left, y, size, font, color: st.grey ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0) });
}

/** Lines of text one under the other from (x, y); answers the y below the last one. */
function block(pen: Pen, lines: (string | [string, TextStyle])[], x: number, y: number, st: TextStyle = {}) {
  let at = y;
  for (const l of lines) {
    const [s, own] = typeof l === 'string' ? [l, {}] : l;
    text(pen, s, x, at, { ...st, ...own });
    at -= ((own.size ?? st.size ?? 9) as number) + 4;
  }
  return at;
}

interface Column {
  title: string;
  /** Left edge for left-aligned columns, right edge for right-aligned ones. */
  x: number;
  align?: 'left' | 'right';
  cell: (l: Line, i: number) => string;
}

/** The line table from y down; answers the y below it (a page is added when the page is full). */
function table(
  pen: Pen,
  cols: Column[],
  lines: Line[],
  y: number,
  opts: { header?: TextStyle; rule?: boolean } = {},
) {
  let at = y;
  const header = () => {
    for (const c of cols) text(pen, c.title, c.x, at, { bold: true, ...opts.header, align: c.align });
    if (opts.rule !== false)
      pen.page.drawLine({ start: { x: 40, y: at - 4 }, end: { x: 555, y: at - 4 }, thickness: 0.5 });
    at -= 18;
  };
  header();
  lines.forEach((l, i) => {
    if (at < 90) {
      pen.page = pen.doc.addPage([595, 842]);
      at = 800;
      header();
    }
    for (const c of cols) text(pen, c.cell(l, i), c.x, at, { align: c.align });
    at -= 14;
    const nameColumn = cols.find((c) => /sign|escrip|ibell|rticle|SIGN|roduit/.test(c.title))!;
    if (l.wrapped) {
      text(pen, l.wrapped, nameColumn.x, at);
      at -= 14;
    }
    if (l.detail) {
      text(pen, l.detail, nameColumn.x, at + 2, { size: 7.5, grey: true });
      at -= 11;
    }
  });
  return at - 6;
}

/** Label / value pairs right-aligned at `right`, labels ending at `labelRight`. */
function pairs(pen: Pen, rows: [string, string, TextStyle?][], labelRight: number, right: number, y: number) {
  let at = y;
  for (const [label, value, st] of rows) {
    text(pen, label, labelRight, at, { align: 'right', ...st });
    text(pen, value, right, at, { align: 'right', ...st });
    at -= 14;
  }
  return at;
}

async function newPen(): Promise<Pen> {
  const doc = await PDFDocument.create();
  doc.setTitle('Facture');
  doc.setProducer('facturflow test set');
  const page = doc.addPage([595, 842]);
  return {
    doc,
    page,
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
}

// ---------------------------------------------------------------- the styles

type Style = (pen: Pen, f: Facts) => { seller: string; buyer: string };

/** Classic: seller top left, "Facturé à" block right, meta under it, columns Désignation … Total HT. */
const classic: Style = (pen, f) => {
  const a = amounts(f);
  block(
    pen,
    [
      [f.seller.name, { bold: true, size: 13 }],
      f.seller.street,
      f.seller.town,
      `N° SIRET : ${f.seller.siret}`,
      `TVA intracommunautaire : ${f.seller.vat}`,
    ],
    40,
    790,
  );
  text(pen, 'Facturé à', 330, 790, { bold: true });
  block(pen, [f.buyer.name, f.buyer.street, f.buyer.town, `SIRET : ${f.buyer.siret}`], 330, 776);
  text(pen, 'FACTURE', 40, 680, { bold: true, size: 18 });
  block(
    pen,
    [`Facture N° ${f.number}`, `Date de facture : ${slash(f.issue)}`, `Date d'échéance : ${slash(f.due)}`],
    40,
    655,
  );
  const y = table(
    pen,
    [
      { title: 'Désignation', x: 40, cell: (l) => l.name },
      { title: 'Qté', x: 330, align: 'right', cell: (l) => qty(l.quantity) },
      { title: 'PU HT', x: 400, align: 'right', cell: (l) => fr(cents(l.unitPrice)) },
      { title: 'TVA', x: 450, align: 'right', cell: (l) => rate(l.vatRate) },
      { title: 'Total HT', x: 555, align: 'right', cell: (l) => fr(cents(l.quantity * l.unitPrice)) },
    ],
    f.lines,
    600,
  );
  pairs(
    pen,
    [
      ['Total HT', fr(a.ht)],
      ['Total TVA', fr(a.vat)],
      ['Total TTC', fr(a.ttc), { bold: true }],
    ],
    470,
    555,
    y - 10,
  );
  return { seller: f.seller.siret, buyer: f.buyer.siret };
};

/** Online tool: title and number top right, "Client" block right, "SIRET client :" in the meta, long dates, dots. */
const online: Style = (pen, f) => {
  const a = amounts(f);
  const n = (c: number) => fr(c, '.', ' €');
  text(pen, `FACTURE N° ${f.number}`, 555, 800, { bold: true, size: 14, align: 'right' });
  block(
    pen,
    [
      [f.seller.name, { bold: true }],
      f.seller.street,
      f.seller.town,
      `SIRET ${spacedSiret(f.seller.siret)}`,
      `N° TVA : ${f.seller.vat}`,
    ],
    40,
    770,
  );
  block(pen, [['Client', { bold: true }], f.buyer.name, f.buyer.street, f.buyer.town], 330, 770);
  block(
    pen,
    [`Date : ${long(f.issue)}`, `Échéance : ${long(f.due)}`, `SIRET client : ${spacedSiret(f.buyer.siret)}`],
    330,
    690,
  );
  const y = table(
    pen,
    [
      { title: 'Description', x: 40, cell: (l) => l.name },
      { title: 'Quantité', x: 300, align: 'right', cell: (l) => qty(l.quantity) },
      { title: 'Prix unitaire HT', x: 390, align: 'right', cell: (l) => n(cents(l.unitPrice)) },
      { title: 'Montant HT', x: 480, align: 'right', cell: (l) => n(cents(l.quantity * l.unitPrice)) },
      { title: 'TVA', x: 555, align: 'right', cell: (l) => rate(l.vatRate, 1) },
    ],
    f.lines,
    620,
  );
  pairs(
    pen,
    [
      ['Total HT', n(a.ht)],
      ['Total TVA', n(a.vat)],
      ['Total TTC', n(a.ttc), { bold: true }],
    ],
    470,
    555,
    y - 10,
  );
  return { seller: f.seller.siret, buyer: f.buyer.siret };
};

/** Micro-entreprise: SIREN only, buyer stacked under the seller, no VAT (art. 293 B), "À régler avant le". */
const micro: Style = (pen, f) => {
  const a = amounts(f);
  const siren = f.seller.siret.slice(0, 9);
  const buyerSiren = f.buyer.siret.slice(0, 9);
  block(
    pen,
    [
      [f.seller.name, { bold: true, size: 12 }],
      'Entrepreneur individuel',
      f.seller.street,
      f.seller.town,
      `SIREN : ${spacedSiren(siren)}`,
    ],
    40,
    800,
  );
  text(pen, `Facture n° ${f.number}`, 555, 800, { bold: true, size: 12, align: 'right' });
  text(pen, `Date d'émission : ${slash(f.issue)}`, 555, 784, { align: 'right' });
  block(
    pen,
    [['Destinataire', { bold: true }], f.buyer.name, f.buyer.street, f.buyer.town, `SIREN : ${buyerSiren}`],
    40,
    700,
  );
  const y = table(
    pen,
    [
      { title: 'Désignation', x: 40, cell: (l) => l.name },
      { title: 'Qté', x: 360, align: 'right', cell: (l) => qty(l.quantity) },
      { title: 'Prix unitaire', x: 450, align: 'right', cell: (l) => fr(cents(l.unitPrice)) },
      { title: 'Total', x: 555, align: 'right', cell: (l) => fr(cents(l.quantity * l.unitPrice)) },
    ],
    f.lines,
    600,
  );
  const after = pairs(
    pen,
    [
      ['Total HT', fr(a.ht)],
      ['Net à payer', fr(a.ttc), { bold: true }],
    ],
    470,
    555,
    y - 10,
  );
  block(
    pen,
    [
      'TVA non applicable, art. 293 B du CGI',
      `À régler avant le ${slash(f.due)}`,
      'Pénalités de retard : trois fois le taux d’intérêt légal.',
    ],
    40,
    after - 20,
    { size: 8 },
  );
  return { seller: siren, buyer: buyerSiren };
};

/** ERP style: buyer window left, "Émetteur" right, a meta row of labels over values, Réf. first, PU before Qté. */
const erp: Style = (pen, f) => {
  const a = amounts(f);
  const n = (c: number) => fr(c, ' ', '');
  block(
    pen,
    [
      ['Émetteur', { bold: true, grey: true }],
      [f.seller.name, { bold: true }],
      f.seller.street,
      f.seller.town,
      `SIRET : ${f.seller.siret}`,
      `TVA : ${f.seller.vat}`,
    ],
    330,
    800,
  );
  block(
    pen,
    [[f.buyer.name, { bold: true }], f.buyer.street, f.buyer.town, `SIRET : ${f.buyer.siret}`],
    40,
    720,
  );
  text(pen, 'Facture', 40, 800, { bold: true, size: 20 });
  const metaY = 640;
  const meta: [string, string, number][] = [
    ['Numéro', f.number, 40],
    ['Date', slash(f.issue), 170],
    ['Échéance', slash(f.due), 280],
    ['Mode de règlement', 'Virement', 390],
  ];
  for (const [label, value, x] of meta) {
    text(pen, label, x, metaY, { bold: true, grey: true });
    text(pen, value, x, metaY - 14);
  }
  const y = table(
    pen,
    [
      { title: 'Réf.', x: 40, cell: (_l, i) => `ART-${100 + i}` },
      { title: 'Désignation', x: 90, cell: (l) => l.name },
      { title: 'PU HT', x: 360, align: 'right', cell: (l) => n(cents(l.unitPrice)) },
      { title: 'Qté', x: 400, align: 'right', cell: (l) => qty(l.quantity) },
      { title: 'TVA %', x: 450, align: 'right', cell: (l) => String(l.vatRate).replace('.', ',') },
      { title: 'Total HT', x: 555, align: 'right', cell: (l) => n(cents(l.quantity * l.unitPrice)) },
    ],
    f.lines,
    590,
  );
  const rows: [string, string, TextStyle?][] = [['Total HT', n(a.ht)]];
  for (const v of a.vatRows) rows.push([`TVA ${rate(v.rate)}`, n(v.tax)]);
  rows.push(['Total TTC (EUR)', n(a.ttc), { bold: true }]);
  pairs(pen, rows, 470, 555, y - 10);
  return { seller: f.seller.siret, buyer: f.buyer.siret };
};

/** Word-processor invoice: one column, "Client :" on a line, "Le 12 mars 2026", quantity first. */
const wordProcessor: Style = (pen, f) => {
  const a = amounts(f);
  let y = block(
    pen,
    [
      [f.seller.name, { bold: true, size: 14 }],
      `${f.seller.street} – ${f.seller.town}`,
      `SIRET ${f.seller.siret} – TVA ${f.seller.vat}`,
    ],
    40,
    800,
  );
  text(pen, `${f.seller.town.replace(/^\d+ /, '')}, le ${long(f.issue)}`, 555, y - 10, { align: 'right' });
  y = block(
    pen,
    [`Client : ${f.buyer.name}`, f.buyer.street, f.buyer.town, `SIRET : ${f.buyer.siret}`],
    40,
    y - 40,
  );
  y = block(pen, [[`Facture n° ${f.number}`, { bold: true, size: 12 }]], 40, y - 20);
  y = table(
    pen,
    [
      { title: 'Qté', x: 60, align: 'right', cell: (l) => qty(l.quantity) },
      { title: 'Désignation', x: 80, cell: (l) => l.name },
      { title: 'Prix unitaire HT', x: 400, align: 'right', cell: (l) => fr(cents(l.unitPrice)) },
      { title: 'Taux TVA', x: 460, align: 'right', cell: (l) => rate(l.vatRate) },
      { title: 'Montant HT', x: 555, align: 'right', cell: (l) => fr(cents(l.quantity * l.unitPrice)) },
    ],
    f.lines,
    y - 10,
  );
  y = pairs(
    pen,
    [
      ['Montant HT', fr(a.ht)],
      ['Montant TVA', fr(a.vat)],
      ['Montant TTC', fr(a.ttc), { bold: true }],
    ],
    470,
    555,
    y - 10,
  );
  text(pen, `Date limite de paiement : ${slash(f.due)}`, 40, y - 20);
  return { seller: f.seller.siret, buyer: f.buyer.siret };
};

/** Accounting software: label and value in separate cells, "Adressé à", line details, "Net à payer". */
const accounting: Style = (pen, f) => {
  const a = amounts(f);
  text(pen, f.seller.name, 40, 800, { bold: true, size: 12 });
  block(
    pen,
    [f.seller.street, f.seller.town, `SIRET ${f.seller.siret}`, `N° TVA intracommunautaire ${f.seller.vat}`],
    40,
    784,
    { size: 8 },
  );
  text(pen, 'Facture', 555, 800, { bold: true, size: 16, align: 'right' });
  const meta: [string, string][] = [
    ['Numéro de facture', f.number],
    ['Date d’émission', slash(f.issue)],
    ['Date d’échéance', slash(f.due)],
  ];
  meta.forEach(([l, v], i) => {
    text(pen, l, 360, 770 - i * 14, { grey: true });
    text(pen, v, 555, 770 - i * 14, { align: 'right' });
  });
  text(pen, 'Adressé à', 330, 700, { bold: true, grey: true });
  block(
    pen,
    [[f.buyer.name, { bold: true }], f.buyer.street, f.buyer.town, `SIRET ${f.buyer.siret}`],
    330,
    686,
  );
  const y = table(
    pen,
    [
      { title: 'Désignation', x: 40, cell: (l) => l.name },
      { title: 'Qté', x: 320, align: 'right', cell: (l) => qty(l.quantity) },
      { title: 'Prix unitaire HT', x: 410, align: 'right', cell: (l) => fr(cents(l.unitPrice)) },
      { title: 'TVA', x: 460, align: 'right', cell: (l) => rate(l.vatRate, 2) },
      { title: 'Total HT', x: 555, align: 'right', cell: (l) => fr(cents(l.quantity * l.unitPrice)) },
    ],
    f.lines,
    600,
  );
  const rows: [string, string, TextStyle?][] = [['Total HT', fr(a.ht)]];
  for (const v of a.vatRows) rows.push([`Total TVA (${rate(v.rate)})`, fr(v.tax)]);
  rows.push(['Total TTC', fr(a.ttc)], ['Net à payer', fr(a.ttc), { bold: true }]);
  pairs(pen, rows, 470, 555, y - 10);
  return { seller: f.seller.siret, buyer: f.buyer.siret };
};

/** Older desktop software: dd.mm.yyyy, "N° SIREN" for the buyer, meta labels above values, "Total H.T.". */
const desktop: Style = (pen, f) => {
  const a = amounts(f);
  const n = (c: number) => fr(c, '.', '');
  block(
    pen,
    [
      [f.seller.name.toUpperCase(), { bold: true, size: 11 }],
      f.seller.street,
      f.seller.town,
      `N° SIRET ${f.seller.siret}`,
      `TVA intracommunautaire : ${f.seller.vat}`,
    ],
    40,
    800,
    { size: 8 },
  );
  text(pen, 'FACTURE', 555, 800, { bold: true, size: 16, align: 'right' });
  const cols: [string, string, number][] = [
    ['N° facture', f.number, 330],
    ['Date', slash(f.issue, '.'), 420],
    ['Échéance', slash(f.due, '.'), 500],
  ];
  for (const [l, v, x] of cols) {
    text(pen, l, x, 770, { bold: true, size: 8 });
    text(pen, v, x, 758);
  }
  text(pen, 'Facturé à :', 330, 720, { bold: true });
  block(
    pen,
    [f.buyer.name, f.buyer.street, f.buyer.town, `N° SIREN ${spacedSiren(f.buyer.siret.slice(0, 9))}`],
    330,
    706,
  );
  const y = table(
    pen,
    [
      { title: 'Libellé', x: 40, cell: (l) => l.name },
      { title: 'Quantité', x: 320, align: 'right', cell: (l) => qty(l.quantity) },
      { title: 'Unité', x: 330, cell: (l) => l.unit ?? 'u' },
      { title: 'P.U. HT', x: 430, align: 'right', cell: (l) => n(cents(l.unitPrice)) },
      { title: 'TVA', x: 470, align: 'right', cell: (l) => `${String(l.vatRate).replace('.', ',')}%` },
      { title: 'Montant HT', x: 555, align: 'right', cell: (l) => n(cents(l.quantity * l.unitPrice)) },
    ],
    f.lines,
    620,
  );
  pairs(
    pen,
    [
      ['Total H.T.', n(a.ht)],
      ['Total T.V.A.', n(a.vat)],
      ['Total T.T.C.', n(a.ttc), { bold: true }],
    ],
    470,
    555,
    y - 10,
  );
  return { seller: f.seller.siret, buyer: f.buyer.siret.slice(0, 9) };
};

/** Long invoice over two pages: the table header repeats, a footer on each page. */
const longInvoice: Style = (pen, f) => {
  const a = amounts(f);
  block(
    pen,
    [
      [f.seller.name, { bold: true, size: 12 }],
      f.seller.street,
      f.seller.town,
      `SIRET : ${spacedSiret(f.seller.siret)}`,
      `TVA : ${f.seller.vat}`,
    ],
    40,
    800,
  );
  block(
    pen,
    [
      ['Client', { bold: true }],
      f.buyer.name,
      f.buyer.street,
      f.buyer.town,
      `SIRET : ${spacedSiret(f.buyer.siret)}`,
    ],
    330,
    800,
  );
  block(
    pen,
    [
      [`Facture N° ${f.number}`, { bold: true, size: 12 }],
      `Date de facturation : ${slash(f.issue)}`,
      `Date d'échéance : ${slash(f.due)}`,
    ],
    40,
    700,
  );
  const y = table(
    pen,
    [
      { title: 'Désignation', x: 40, cell: (l) => l.name },
      { title: 'Qté', x: 330, align: 'right', cell: (l) => qty(l.quantity) },
      { title: 'PU HT', x: 400, align: 'right', cell: (l) => fr(cents(l.unitPrice)) },
      { title: 'TVA', x: 450, align: 'right', cell: (l) => rate(l.vatRate) },
      { title: 'Total HT', x: 555, align: 'right', cell: (l) => fr(cents(l.quantity * l.unitPrice)) },
    ],
    f.lines,
    630,
  );
  pairs(
    pen,
    [
      ['Total HT', fr(a.ht)],
      ['Total TVA', fr(a.vat)],
      ['Total TTC', fr(a.ttc), { bold: true }],
    ],
    470,
    555,
    y - 10,
  );
  pen.doc.getPages().forEach((p, i, all) =>
    p.drawText(`${f.seller.name} – SIRET ${f.seller.siret} – Page ${i + 1}/${all.length}`, {
      x: 40,
      y: 30,
      size: 7,
      font: pen.regular,
    }),
  );
  return { seller: f.seller.siret, buyer: f.buyer.siret };
};

/** Designer template: seller right-aligned on the right, "Facturé à" left, "1er avril", VAT column before Qté. */
const designer: Style = (pen, f) => {
  const a = amounts(f);
  block(
    pen,
    [
      [f.seller.name, { bold: true, size: 12 }],
      f.seller.street,
      f.seller.town,
      `SIRET ${f.seller.siret}`,
      `TVA ${f.seller.vat}`,
    ],
    555,
    800,
    { align: 'right' },
  );
  text(pen, 'Facture', 40, 800, { bold: true, size: 22 });
  block(pen, [`N° ${f.number}`, `Émise le ${long(f.issue)}`, `Payable avant le ${long(f.due)}`], 40, 770);
  text(pen, 'Facturé à', 40, 700, { bold: true });
  block(pen, [f.buyer.name, f.buyer.street, f.buyer.town, `SIRET ${f.buyer.siret}`], 40, 686);
  const y = table(
    pen,
    [
      { title: 'Désignation', x: 40, cell: (l) => l.name },
      { title: 'TVA', x: 300, align: 'right', cell: (l) => rate(l.vatRate) },
      { title: 'Qté', x: 350, align: 'right', cell: (l) => qty(l.quantity) },
      { title: 'PU HT', x: 440, align: 'right', cell: (l) => fr(cents(l.unitPrice)) },
      { title: 'Total HT', x: 555, align: 'right', cell: (l) => fr(cents(l.quantity * l.unitPrice)) },
    ],
    f.lines,
    600,
    { rule: false },
  );
  pairs(
    pen,
    [
      ['Sous-total HT', fr(a.ht)],
      ['TVA', fr(a.vat)],
      ['Total TTC', fr(a.ttc), { bold: true, size: 11 }],
    ],
    470,
    555,
    y - 10,
  );
  return { seller: f.seller.siret, buyer: f.buyer.siret };
};

/** Capitals everywhere, amounts with "EUR", "SIRET CLIENT" beside the number. */
const capitals: Style = (pen, f) => {
  const a = amounts(f);
  const n = (c: number) => fr(c, ' ', ' EUR');
  block(
    pen,
    [
      [f.seller.name, { bold: true }],
      f.seller.street,
      f.seller.town,
      `SIRET ${f.seller.siret}`,
      `TVA INTRACOM. ${f.seller.vat}`,
    ],
    40,
    800,
    { size: 8 },
  );
  block(pen, [[f.buyer.name, { bold: true }], f.buyer.street, f.buyer.town], 330, 740);
  pairs(
    pen,
    [
      ['FACTURE N°', f.number, { bold: true }],
      ['DATE', slash(f.issue)],
      ['ÉCHÉANCE', slash(f.due)],
      ['SIRET CLIENT', f.buyer.siret],
    ],
    420,
    555,
    660,
  );
  const y = table(
    pen,
    [
      { title: 'DÉSIGNATION', x: 40, cell: (l) => l.name },
      { title: 'QTÉ', x: 320, align: 'right', cell: (l) => qty(l.quantity) },
      { title: 'P.U. HT', x: 400, align: 'right', cell: (l) => n(cents(l.unitPrice)) },
      { title: 'TVA', x: 450, align: 'right', cell: (l) => rate(l.vatRate) },
      { title: 'TOTAL HT', x: 555, align: 'right', cell: (l) => n(cents(l.quantity * l.unitPrice)) },
    ],
    f.lines,
    580,
  );
  pairs(
    pen,
    [
      ['TOTAL HT', n(a.ht)],
      ['TOTAL TVA', n(a.vat)],
      ['TOTAL TTC', n(a.ttc), { bold: true }],
    ],
    470,
    555,
    y - 10,
  );
  return { seller: f.seller.siret, buyer: f.buyer.siret };
};

/** Start-up tool: "Informations client", "Référence", long designations wrapped on two lines. */
const startup: Style = (pen, f) => {
  const a = amounts(f);
  block(
    pen,
    [
      [f.seller.name, { bold: true, size: 12 }],
      f.seller.street,
      f.seller.town,
      `SIRET : ${f.seller.siret}`,
      `RCS ${f.seller.town.replace(/^\d+ /, '')} ${spacedSiren(f.seller.siret.slice(0, 9))}`,
      `TVA : ${f.seller.vat}`,
    ],
    40,
    800,
  );
  text(pen, 'Informations client', 330, 800, { bold: true, grey: true });
  block(pen, [f.buyer.name, f.buyer.street, f.buyer.town, `SIRET : ${f.buyer.siret}`], 330, 786);
  block(
    pen,
    [
      [`Facture`, { bold: true, size: 16 }],
      `Référence : ${f.number}`,
      `Date de la facture : ${slash(f.issue)}`,
      `Date limite de règlement : ${slash(f.due)}`,
    ],
    40,
    690,
  );
  const wrapped = f.lines.map((l) => {
    const words = l.name.split(' ');
    let head = '';
    while (words.length && `${head} ${words[0]}`.trim().length <= 28)
      head = `${head} ${words.shift()}`.trim();
    return { ...l, name: head, wrapped: words.length ? words.join(' ') : undefined };
  });
  const y = table(
    pen,
    [
      { title: 'Produit / service', x: 40, cell: (l) => l.name },
      { title: 'Quantité', x: 250, align: 'right', cell: (l) => qty(l.quantity) },
      { title: 'Prix unitaire HT', x: 340, align: 'right', cell: (l) => fr(cents(l.unitPrice)) },
      { title: 'Taux de TVA', x: 420, align: 'right', cell: (l) => rate(l.vatRate) },
      { title: 'Total HT', x: 555, align: 'right', cell: (l) => fr(cents(l.quantity * l.unitPrice)) },
    ],
    wrapped,
    610,
  );
  pairs(
    pen,
    [
      ['Total HT', fr(a.ht)],
      ['TVA', fr(a.vat)],
      ['Total TTC', fr(a.ttc)],
      ['Reste à payer', fr(a.ttc), { bold: true }],
    ],
    470,
    555,
    y - 10,
  );
  return { seller: f.seller.siret, buyer: f.buyer.siret };
};

/** Building trade: "Entreprise" and "Maître d'ouvrage" headings, units in the quantity cell, "Facture du". */
const building: Style = (pen, f) => {
  const a = amounts(f);
  const units = ['m²', 'ml', 'h', 'u', 'ens.'];
  block(
    pen,
    [
      ['Entreprise', { bold: true, grey: true }],
      [f.seller.name, { bold: true }],
      f.seller.street,
      f.seller.town,
      `Siret ${spacedSiret(f.seller.siret)}`,
      `N° TVA intracom. ${f.seller.vat}`,
    ],
    40,
    800,
  );
  block(
    pen,
    [
      ['Maître d’ouvrage', { bold: true, grey: true }],
      [f.buyer.name, { bold: true }],
      f.buyer.street,
      f.buyer.town,
      `Siret ${spacedSiret(f.buyer.siret)}`,
    ],
    330,
    800,
  );
  block(
    pen,
    [
      [`FACTURE N° ${f.number} du ${slash(f.issue)}`, { bold: true, size: 12 }],
      `Chantier : rénovation – lot menuiseries`,
      `Échéance de paiement : ${slash(f.due)}`,
    ],
    40,
    690,
  );
  const y = table(
    pen,
    [
      { title: 'N°', x: 40, cell: (_l, i) => `${i + 1}.` },
      { title: 'Désignation des travaux', x: 60, cell: (l) => l.name },
      {
        title: 'Quantité',
        x: 330,
        align: 'right',
        cell: (l, i) => `${qty(l.quantity)} ${units[i % units.length]}`,
      },
      { title: 'PU HT', x: 400, align: 'right', cell: (l) => fr(cents(l.unitPrice), ' ', '') },
      {
        title: 'Montant HT',
        x: 480,
        align: 'right',
        cell: (l) => fr(cents(l.quantity * l.unitPrice), ' ', ''),
      },
      { title: 'TVA', x: 555, align: 'right', cell: (l) => rate(l.vatRate) },
    ],
    f.lines,
    620,
  );
  pairs(
    pen,
    [
      ['Total HT', fr(a.ht)],
      ['Total TVA', fr(a.vat)],
      ['Total TTC', fr(a.ttc)],
      ['Net à payer', fr(a.ttc), { bold: true }],
    ],
    470,
    555,
    y - 10,
  );
  return { seller: f.seller.siret, buyer: f.buyer.siret };
};

// ---------------------------------------------------------------- the data

const SELLERS: Party[] = [
  {
    name: 'Menuiserie Lefèvre SARL',
    street: '12 rue des Écoles',
    town: '69100 Villeurbanne',
    siret: '41234567800017',
    vat: 'FR32412345678',
  },
  {
    name: 'Atelier Graphique Élodie Marchand',
    street: '3 place du Marché',
    town: '35000 Rennes',
    siret: '81234567900025',
    vat: 'FR58812345679',
  },
  {
    name: 'Éclairage & Réseaux du Sud',
    street: '210 avenue de la Gare',
    town: '13004 Marseille',
    siret: '52298765400031',
    vat: 'FR09522987654',
  },
  {
    name: 'Nettoyage Côte d’Opale SAS',
    street: 'ZA des Dunes, bât. C',
    town: '62100 Calais',
    siret: '79845612300014',
    vat: 'FR71798456123',
  },
  {
    name: 'Informatique Boréale',
    street: '8 allée Jean-Jaurès',
    town: '31000 Toulouse',
    siret: '49012345600042',
    vat: 'FR44490123456',
  },
];
const BUYERS: Party[] = [
  {
    name: 'Commune de Saint-Étienne-de-Crossey',
    street: 'Place de la Mairie',
    town: '38960 Saint-Étienne-de-Crossey',
    siret: '21380386400019',
  },
  {
    name: 'Centre hospitalier de Montélimar',
    street: 'Quartier Beausseret',
    town: '26200 Montélimar',
    siret: '26260018500015',
  },
  {
    name: 'Université Côte d’Azur',
    street: 'Grand Château, 28 av. Valrose',
    town: '06100 Nice',
    siret: '13002237100014',
  },
  {
    name: 'Département de l’Hérault',
    street: '1000 rue d’Alco',
    town: '34087 Montpellier',
    siret: '22340001700019',
  },
  {
    name: 'Syndicat intercommunal des eaux du Val d’Oise',
    street: '4 chemin des Prés',
    town: '95300 Pontoise',
    siret: '25950211800023',
  },
];
const ITEMS: [string, number, number, string?][] = [
  ['Pose de fenêtres double vitrage', 4, 685.5, 'u'],
  ['Entretien des espaces verts', 12, 45, 'h'],
  ['Conception graphique – affiche « Fête de la musique »', 1, 850],
  ['Impression flyers A5 quadri', 2500, 0.12],
  ['Maintenance éclairage public', 3, 1240.75],
  ['Fourniture ampoules LED 40 W', 120, 8.9],
  ['Nettoyage des locaux – mois de mars', 1, 1830],
  ['Produits d’entretien écolabellisés', 15, 23.4],
  ['Licence logiciel de gestion (1 an)', 5, 199],
  ['Journée de formation des agents', 2, 950],
  ['Déplacement technicien', 1, 65],
  ['Repas du personnel – prestation traiteur', 48, 18.5],
  ['Livres pour la médiathèque', 32, 21.35],
  ['Réparation chaudière école maternelle', 1, 1275.4],
];
const RATES = [20, 10, 5.5, 20, 20];

/** A small deterministic generator, so that the set is the same on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function facts(i: number, lineCount: number, opts: { noVat?: boolean; details?: boolean } = {}): Facts {
  const r = random(17 + i * 101);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const day = 1 + Math.floor(r() * 27);
  const month = 1 + Math.floor(r() * 11);
  const issue: Day = [2026, month, day];
  const due: Day = month === 12 ? [2027, 1, day] : [2026, month + 1, day];
  const start = Math.floor(r() * ITEMS.length);
  const lines: Line[] = Array.from({ length: lineCount }, (_, k) => {
    const [name, q, p, unit] = ITEMS[(start + k) % ITEMS.length];
    const variant = lineCount > ITEMS.length ? ` (lot ${k + 1})` : '';
    return {
      name: `${name}${variant}`,
      quantity: q,
      unitPrice: p,
      vatRate: opts.noVat ? 0 : RATES[(i + k) % RATES.length],
      unit,
      detail: opts.details && k % 2 === 0 ? `Période : ${MONTHS[month - 1]} ${issue[0]}` : undefined,
    };
  });
  const prefixes = ['FA-2026-', 'F2026-', '2026-', 'FAC', 'N'];
  return {
    number: `${pick(prefixes)}${String(10 + Math.floor(r() * 900)).padStart(4, '0')}`,
    issue,
    due,
    seller: SELLERS[i % SELLERS.length],
    buyer: BUYERS[(i * 3 + 1) % BUYERS.length],
    lines,
    noVat: opts.noVat,
  };
}

const SET: [string, Style, (i: number) => Facts][] = [
  ['classique', classic, (i) => facts(i, 3)],
  ['en-ligne', online, (i) => facts(i, 4)],
  ['micro-entreprise', micro, (i) => facts(i, 2, { noVat: true })],
  ['erp', erp, (i) => facts(i, 5)],
  ['traitement-de-texte', wordProcessor, (i) => facts(i, 3)],
  ['logiciel-comptable', accounting, (i) => facts(i, 4, { details: true })],
  ['logiciel-ancien', desktop, (i) => facts(i, 3)],
  ['deux-pages', longInvoice, (i) => facts(i, 45)],
  ['modele-graphique', designer, (i) => facts(i, 2)],
  ['majuscules', capitals, (i) => facts(i, 4)],
  ['jeune-pousse', startup, (i) => facts(i, 4)],
  ['batiment', building, (i) => facts(i, 3)],
];

/** The test set: one invoice per style, with its ground truth. */
export async function makeInvoicePdfs(): Promise<GeneratedPdfInvoice[]> {
  const out: GeneratedPdfInvoice[] = [];
  for (const [i, [style, draw, make]] of SET.entries()) {
    const f = make(i);
    const pen = await newPen();
    const ids = draw(pen, f);
    out.push({
      name: `${String(i + 1).padStart(2, '0')}-${style}`,
      style,
      bytes: await pen.doc.save(),
      truth: truthOf(f, ids),
    });
  }
  return out;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: npx tsx scripts/make-invoice-pdfs.ts <out-dir>');
    process.exit(2);
  }
  void makeInvoicePdfs().then((set) => {
    fs.mkdirSync(dir, { recursive: true });
    for (const s of set) {
      fs.writeFileSync(path.join(dir, `${s.name}.pdf`), s.bytes);
      fs.writeFileSync(path.join(dir, `${s.name}.json`), `${JSON.stringify(s.truth, null, 2)}\n`);
    }
    console.log(`${set.length} invoices in ${dir}`);
  });
}
