/**
 * The facts a supplier's plain PDF invoice most likely states, read from its text lines. Labels are
 * those French invoices use (and the platform's own rendering, invoice/pdf, writes); everything found
 * is a suggestion the supplier checks in the form, so a miss leaves a field empty, never wrong-typed.
 */
export interface PdfInvoiceFacts {
  number?: string;
  issueDate?: string;
  dueDate?: string;
  sellerSiret?: string;
  sellerVatId?: string;
  buyerSiret?: string;
  buyerVatId?: string;
  /** BT-13: the engagement number (numéro d'engagement juridique). */
  engagementNumber?: string;
  /** BT-10: the recipient's service code. */
  serviceCode?: string;
  iban?: string;
  totals: { withoutVat?: string; vat?: string; withVat?: string; amountDue?: string };
  vat: { rate: string; taxableAmount: string; taxAmount: string }[];
}

// French amounts: "1 234,56" with plain, no-break or narrow no-break spaces between thousands.
const AMOUNT = String.raw`(-?\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?|-?\d+(?:,\d+)?)`;
const DATE = String.raw`(\d{2})[/.](\d{2})[/.](\d{4})`;

export function readInvoiceFacts(pages: string[][]): PdfInvoiceFacts {
  const lines = pages.flat().map((l) =>
    l
      .replace(/[\u00a0\u202f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  // The buyer block starts at "Adressé à" / "Destinataire" / "Client" (a column beside it may share
  // the line): identifiers before it are the seller's.
  const buyerStart = lines.findIndex((l) => /(Adressé à|Destinataire|Facturé à)|^Client\b/i.test(l));
  const sellerLines = buyerStart >= 0 ? lines.slice(0, buyerStart) : lines;
  const buyerLines = buyerStart >= 0 ? lines.slice(buyerStart) : [];
  const text = lines.join('\n');
  const first = (re: RegExp, where = text) => re.exec(where)?.[1];
  const siret = (where: string[]) =>
    first(/SIRET\s*:?\s*(\d{3} ?\d{3} ?\d{3} ?\d{5})/i, where.join('\n'))?.replace(/ /g, '');
  const vatId = (where: string[]) =>
    first(/(?:N° TVA|TVA intracommunautaire)\s*:?\s*([A-Z]{2}[A-Z0-9.]{2,14})/i, where.join('\n'));

  return {
    number:
      first(/(?:Facture|Avoir)\b[^\n]*?N°\s*:?\s*([A-Za-z0-9][\w\-/.]*)/i) ??
      first(/^N°\s*([A-Za-z0-9][\w\-/.]*)$/m),
    issueDate: date(
      new RegExp(`Date (?:d'émission|de facture|de la facture)\\s*:?\\s*${DATE}`, 'i').exec(text),
    ),
    dueDate: date(new RegExp(`(?:Date d'échéance|Échéance)\\s*:?\\s*${DATE}`, 'i').exec(text)),
    sellerSiret: siret(sellerLines),
    sellerVatId: vatId(sellerLines),
    buyerSiret: siret(buyerLines),
    buyerVatId: vatId(buyerLines),
    engagementNumber: first(/N° d'engagement(?: juridique)?\s*:?\s*(\S+)/i),
    serviceCode: first(/Code service\s*:?\s*(\S+)/i),
    iban: first(/IBAN\s*:?\s*([A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8})/)?.replace(/ /g, ''),
    totals: {
      withoutVat: amount(new RegExp(`Total HT\\s*:?\\s*${AMOUNT}`).exec(text)),
      vat: amount(new RegExp(`Total TVA\\s*:?\\s*${AMOUNT}`).exec(text)),
      withVat: amount(new RegExp(`Total TTC\\s*:?\\s*${AMOUNT}`).exec(text)),
      amountDue: amount(new RegExp(`Net à payer\\s*:?\\s*${AMOUNT}`).exec(text)),
    },
    vat: vatRows(lines),
  };
}

/** VAT breakdown rows: a rate, then its base and its tax, after the breakdown's header line. */
function vatRows(lines: string[]): PdfInvoiceFacts['vat'] {
  const header = lines.findIndex((l) => /\bTaux\b.*\bBase\b.*\bTVA\b/i.test(l));
  if (header < 0) return [];
  const row = new RegExp(`(\\d+(?:,\\d+)?) ?% ${AMOUNT} ${AMOUNT}(?: |$)`);
  const rows: PdfInvoiceFacts['vat'] = [];
  for (const line of lines.slice(header + 1)) {
    if (/Net à payer/i.test(line)) break;
    const m = row.exec(line);
    if (m) rows.push({ rate: decimal(m[1]), taxableAmount: decimal(m[2]), taxAmount: decimal(m[3]) });
  }
  return rows;
}

const decimal = (s: string) => s.replace(/ /g, '').replace(',', '.');
const amount = (m: RegExpExecArray | null) => (m ? decimal(m[1]) : undefined);
const date = (m: RegExpExecArray | null) => (m ? `${m[3]}-${m[2]}-${m[1]}` : undefined);
