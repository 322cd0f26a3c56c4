import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import * as tar from 'tar-stream';
import * as yazl from 'yazl';

/**
 * Hostile documents, generated here (never downloaded): each is small on the wire and built to make
 * a careless reader spend time or memory.
 */

/**
 * The official UBL example the hostile invoices are made from (CEN/TC 434, eInvoicing-EN16931,
 * ubl/examples), a path in the test corpus: valid once its buyer is a registered structure.
 */
export const ORDINARY_UBL = 'ConnectingEurope/eInvoicing-EN16931/ubl/examples/guide-example2.xml';

const UBL = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

/**
 * A UBL invoice whose body nests `depth` elements (60,000 deep is 420 KB): it passes format detection
 * and costs a namespace-aware parser that goes on reading time quadratic in the depth.
 */
export function deepUbl(depth: number, name = 'a'): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><Invoice xmlns="${UBL}">` +
    `<${name}>`.repeat(depth) +
    `</${name}>`.repeat(depth) +
    '</Invoice>'
  );
}

/** A UBL invoice with `count` empty elements side by side. */
export function wideUbl(count: number): string {
  return `<Invoice xmlns="${UBL}">${'<a/>'.repeat(count)}</Invoice>`;
}

/** A UBL invoice whose one element carries `count` attributes. */
export function manyAttributesUbl(count: number): string {
  const attributes = Array.from({ length: count }, (_, i) => ` a${i}="${i}"`).join('');
  return `<Invoice xmlns="${UBL}"><a${attributes}/></Invoice>`;
}

/** A UBL invoice with one note of `chars` characters. */
export function longTextUbl(chars: number): string {
  return `<Invoice xmlns="${UBL}" xmlns:cbc="${CBC}"><cbc:Note>${'x'.repeat(chars)}</cbc:Note></Invoice>`;
}

/** The invoice `xml` with its first UBL InvoiceLine repeated until it has `lines` lines, numbered 1…n. */
export function withLines(xml: string, lines: number): string {
  const open = xml.indexOf('<cac:InvoiceLine>');
  const close = xml.indexOf('</cac:InvoiceLine>', open) + '</cac:InvoiceLine>'.length;
  const last = xml.lastIndexOf('</cac:InvoiceLine>') + '</cac:InvoiceLine>'.length;
  if (open < 0) throw new Error(`no <cac:InvoiceLine> in the invoice (namespace ${CAC})`);
  const line = xml.slice(open, close);
  const body = Array.from({ length: lines }, (_, i) =>
    line.replace(/<cbc:ID>[^<]*<\/cbc:ID>/, `<cbc:ID>${i + 1}</cbc:ID>`),
  ).join('\n');
  return xml.slice(0, open) + body + xml.slice(last);
}

/** windows-1252 bytes of text holding only characters that code page has (throws otherwise). */
export function windows1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const special = CP1252_SPECIALS.indexOf(ch);
    if (special >= 0) bytes.push(0x80 + special);
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else throw new Error(`U+${code.toString(16)} has no windows-1252 byte`);
  }
  return Buffer.from(bytes);
}

/** Bytes 0x80–0x9F of windows-1252 (the WHATWG Encoding Standard's index), '\0' where undefined. */
const CP1252_SPECIALS = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';

export interface TarEntry {
  name: string;
  size: number;
  /** tar-stream's name of the entry type, or a raw typeflag byte patched into the header. */
  type?: tar.Header['type'];
  typeflag?: string;
  /** The entry's content; `size` zero bytes otherwise. */
  data?: Buffer;
}

/** A tar.gz made here: each entry its data, or `size` zero bytes (which gzip shrinks a thousandfold). */
export function tarGz(entries: TarEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => void chunks.push(c as Buffer));
  const done = new Promise<Buffer>((resolve, reject) => {
    pack.on('end', () => resolve(Buffer.concat(chunks)));
    pack.on('error', reject);
  });
  for (const e of entries)
    pack.entry({ name: e.name, size: e.size, type: e.type ?? 'file' }, e.data ?? Buffer.alloc(e.size));
  pack.finalize();
  return done.then((raw) => {
    let offset = 0;
    for (const e of entries) {
      if (e.typeflag) patchTypeflag(raw, offset, e.typeflag);
      offset += 512 + Math.ceil(e.size / 512) * 512;
    }
    return zlib.gzipSync(raw);
  });
}

/** Sets a ustar header's typeflag (offset 156) and recomputes its checksum (offset 148). */
function patchTypeflag(raw: Buffer, header: number, typeflag: string): void {
  raw.write(typeflag, header + 156, 'latin1');
  raw.fill(0x20, header + 148, header + 156);
  let sum = 0;
  for (let i = header; i < header + 512; i++) sum += raw[i];
  raw.write(`${sum.toString(8).padStart(6, '0')}\0 `, header + 148, 'latin1');
}

/** A zip made here: each entry its data, or `size` zero bytes. */
export function zip(entries: { name: string; size: number; data?: Buffer }[]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const e of entries) z.addBuffer(e.data ?? Buffer.alloc(e.size), e.name);
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

/** A one-page PDF made by pdf-lib; `javascript` adds an OpenAction running it (ISO 32000-1 §12.6.4.16). */
export async function pdf(opts: { javascript?: string; objectStreams?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  if (opts.javascript) {
    const action = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(opts.javascript) });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
  }
  return Buffer.from(await doc.save({ useObjectStreams: opts.objectStreams ?? false }));
}

/** An invoice whose DOCTYPE defines ten entities each ten times the last (a billion "a" once expanded). */
export function billionLaughs(): string {
  const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join(
    '',
  );
  return (
    `<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY l0 "aaaaaaaaaa">${entities}]>` +
    `<Invoice xmlns="${UBL}"><cbc:Note xmlns:cbc="${CBC}">&l9;</cbc:Note></Invoice>`
  );
}

/** An invoice asking its reader to include a file of the machine reading it (XML external entity). */
export function externalEntity(): string {
  return (
    '<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
    `<Invoice xmlns="${UBL}"><cbc:Note xmlns:cbc="${CBC}">&xxe;</cbc:Note></Invoice>`
  );
}

/**
 * The invoice `xml` declared and encoded as windows-1252, with its seller's name spelt with letters
 * of that code page ("Société Œuvre à l’été"): a legacy encoding the platform converts and accepts.
 */
export function windows1252Invoice(xml: string): Buffer {
  const declared = xml
    .replace(/^\uFEFF?<\?xml[^>]*\?>/, '')
    .replace(/<cbc:RegistrationName>[^<]*<\/cbc:RegistrationName>/, (m) =>
      m.replace(/>[^<]*</, '>Société Œuvre à l’été<'),
    );
  return windows1252(`<?xml version="1.0" encoding="windows-1252"?>${declared}`);
}

/** A web page with a script, as someone would attach it to an invoice. */
export const HTML_PAGE = Buffer.from(
  '<!DOCTYPE html><html><body><script>fetch("/api/v1/accounts/me")</script></body></html>',
);

/** What a channel must answer for a hostile document: refused with `code`, or accepted. */
export interface HostileDocument {
  name: string;
  bytes: Buffer;
  /** The stable refusal code, or ACCEPTED for the legitimate document among them. */
  expect: string;
  /**
   * The code a deposit answers when it differs: broken XML, a DOCTYPE included, is refused at a deposit
   * as INVOICE_NOT_WELL_FORMED with the parser's code in the details (invoice/errors.ts).
   */
  depositCode?: string;
}

/**
 * The hostile invoices, each refused while parsing with its stable code, and one legitimate sibling
 * (windows-1252) that must be accepted. `ordinary` is a valid UBL invoice the others are made from.
 */
export function hostileInvoices(ordinary: string): HostileDocument[] {
  const doc = (name: string, xml: string | Buffer, expect: string, depositCode?: string) => ({
    name,
    bytes: Buffer.isBuffer(xml) ? xml : Buffer.from(xml),
    expect,
    ...(depositCode && { depositCode }),
  });
  return [
    doc('deep-60000.xml', deepUbl(60_000), 'XML_TOO_DEEP'),
    doc('billion-laughs.xml', billionLaughs(), 'XML_DTD_FORBIDDEN', 'INVOICE_NOT_WELL_FORMED'),
    doc('external-entity.xml', externalEntity(), 'XML_DTD_FORBIDDEN', 'INVOICE_NOT_WELL_FORMED'),
    doc('attributes-300.xml', manyAttributesUbl(300), 'XML_TOO_MANY_ATTRIBUTES'),
    doc('text-17mb.xml', longTextUbl(17 * 1024 * 1024), 'XML_TEXT_TOO_LARGE'),
    doc('lines-10050.xml', withLines(ordinary, 10_050), 'INVOICE_TOO_MANY_LINES'),
    doc('windows-1252.xml', windows1252Invoice(ordinary), 'ACCEPTED'),
  ];
}

/** A ustar header (POSIX.1-2001 pax interchange format, ustar subset) for `size` bytes. */
function ustarHeader(name: string, size: number, typeflag: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'latin1');
  h.write('0000000\0', 108, 'latin1');
  h.write('0000000\0', 116, 'latin1');
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  h.write('00000000000\0', 136, 'latin1');
  h.write(typeflag, 156, 'latin1');
  h.write('ustar\u000000', 257, 'latin1');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

/**
 * A tar.gz of entries made of zeros, streamed through gzip so that a gigabyte inflates from about a
 * megabyte without ever being held in memory here. `typeflag` '3' hides the data behind
 * character-device headers, which a careless reader skips without counting.
 */
export async function zeroTarGz(entries: { name: string; size: number; typeflag?: string }[]) {
  const chunk = Buffer.alloc(1024 * 1024);
  async function* tarStream() {
    for (const e of entries) {
      yield ustarHeader(e.name, e.size, e.typeflag ?? '0');
      for (let left = e.size; left > 0; left -= chunk.length)
        yield left >= chunk.length ? chunk : chunk.subarray(0, left);
      if (e.size % 512) yield Buffer.alloc(512 - (e.size % 512));
    }
    yield Buffer.alloc(1024);
  }
  const out: Buffer[] = [];
  await pipeline(Readable.from(tarStream()), zlib.createGzip({ level: 9 }), async (gz) => {
    for await (const c of gz as AsyncIterable<Buffer>) out.push(c);
  });
  return Buffer.concat(out);
}

/** Archives for flows: each inflates past the flow budgets (120 MB a file, 1 GiB in all). */
export async function hostileArchives(): Promise<HostileDocument[]> {
  const MB = 1024 * 1024;
  return [
    {
      name: 'bomb.tar.gz',
      bytes: await zeroTarGz([{ name: 'facture.xml', size: 130 * MB }]),
      expect: 'ARCHIVE_ENTRY_TOO_LARGE',
    },
    {
      name: 'hidden-bomb.tar.gz',
      bytes: await zeroTarGz(
        Array.from({ length: 9 }, (_, i) => ({ name: `dev${i}`, size: 119 * MB, typeflag: '3' })),
      ),
      expect: 'ARCHIVE_TOO_LARGE',
    },
    {
      name: 'bomb.zip',
      bytes: await zip([{ name: 'facture.xml', size: 130 * MB }]),
      expect: 'ARCHIVE_ENTRY_TOO_LARGE',
    },
  ];
}

/** Attachments no invoice may carry: a web page, a PDF running JavaScript when opened. */
export async function hostileAttachments(): Promise<HostileDocument[]> {
  return [
    { name: 'xss.html', bytes: HTML_PAGE, expect: 'ATTACHMENT_TYPE_NOT_ALLOWED' },
    { name: 'page.txt', bytes: HTML_PAGE, expect: 'ATTACHMENT_TYPE_NOT_ALLOWED' },
    {
      name: 'bon-de-commande.pdf',
      bytes: await pdf({ javascript: 'app.launchURL("http://attacker.example/")' }),
      expect: 'ATTACHMENT_ACTIVE_CONTENT',
    },
  ];
}
