/**
 * Hostile documents, generated here (never downloaded): each is small on the wire and built to make
 * a careless reader spend time or memory.
 */

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
