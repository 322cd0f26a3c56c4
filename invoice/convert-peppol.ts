import type { Invoice } from './model';
import { joinUblNote } from './ubl/note';
import { validatePeppol } from './validate/peppol';
import { parseXml } from './xml';

/**
 * Peppol's rules check the format of identifiers by their ICD scheme (GLN check digit for 0088,
 * PEPPOL-COMMON-R040; Norwegian, Danish, Belgian, Swedish, Australian numbers: R041–R050). Its UBL
 * rules look only at endpoints, party identifiers and legal registrations; its CII rules at every
 * ram:ID, ram:GlobalID and ram:URIID. So a Peppol UBL may carry an item standard identifier (BT-157)
 * or a deliver-to location identifier (BT-71) whose value does not fit its scheme and pass, while the
 * same values written where the CII binding puts them (ram:SpecifiedTradeProduct/ram:GlobalID,
 * ram:ShipToTradeParty/ram:GlobalID) break Peppol's CII rules.
 */
const ICD_FORMAT_RULE = /^PEPPOL-COMMON-R0[45]\d$/;

const ITEM_ID =
  /\/ram:IncludedSupplyChainTradeLineItem(?:\[(\d+)\])?\/ram:SpecifiedTradeProduct\/ram:GlobalID$/;
const DELIVERY_ID = /\/ram:ApplicableHeaderTradeDelivery\/ram:ShipToTradeParty\/ram:GlobalID$/;

/** An identifier of the model that Peppol's CII rules reject once written, and the rule they fire. */
export interface PeppolRejectedIdentifier {
  /** BT-157 on a line, or BT-71. */
  term: 'BT-157' | 'BT-71';
  /** The line (index into `invoice.lines`) of a BT-157. */
  line?: number;
  rule: string;
  value: string;
  schemeId: string;
}

/**
 * The BT-157 and BT-71 identifiers of `ciiXml` (the CII written from `invoice`) that fail a fatal
 * Peppol CII identifier-format rule, which Peppol's UBL rules do not apply to the same terms.
 */
export function peppolRejectedIdentifiers(invoice: Invoice, ciiXml: string): PeppolRejectedIdentifier[] {
  const rejected = new Map<string, PeppolRejectedIdentifier>();
  for (const f of validatePeppol(parseXml(ciiXml))) {
    if (f.severity !== 'fatal' || !ICD_FORMAT_RULE.test(f.rule) || !f.location) continue;
    const item = ITEM_ID.exec(f.location);
    if (item) {
      const line = Number(item[1] ?? '1') - 1;
      const id = invoice.lines[line]?.item.standardId;
      if (id?.schemeId !== undefined)
        rejected.set(`BT-157 ${line}`, {
          term: 'BT-157',
          line,
          rule: f.rule,
          value: id.value,
          schemeId: id.schemeId,
        });
      continue;
    }
    const id = invoice.delivery?.locationId;
    if (DELIVERY_ID.test(f.location) && id?.schemeId !== undefined)
      rejected.set('BT-71', { term: 'BT-71', rule: f.rule, value: id.value, schemeId: id.schemeId });
  }
  return [...rejected.values()];
}

/**
 * The invoice without the rejected identifiers: BT-157 is left out (its scheme is mandatory, BR-64);
 * BT-71 keeps its value and loses its scheme (BT-71-1), which is optional and what the rule checks.
 */
export function withoutRejectedIdentifiers(invoice: Invoice, rejected: PeppolRejectedIdentifier[]): Invoice {
  if (!rejected.length) return invoice;
  const adapted: Invoice = { ...invoice };
  const lines = new Set(rejected.filter((r) => r.term === 'BT-157').map((r) => r.line));
  if (lines.size)
    adapted.lines = invoice.lines.map((l, i) => {
      if (!lines.has(i)) return l;
      const item = { ...l.item };
      delete item.standardId;
      return { ...l, item };
    });
  const locationId = invoice.delivery?.locationId;
  if (locationId && rejected.some((r) => r.term === 'BT-71'))
    adapted.delivery = { ...invoice.delivery, locationId: { value: locationId.value } };
  return adapted;
}

/**
 * Peppol's CII rules allow one document note without subject code (PEPPOL-EN16931-R002); its UBL rules
 * allow several when seller and buyer are German, and a subject code written as UBL writes it, in front
 * of the text ("#REG#…"). The notes of such a source become one note in that form, which carries them all.
 */
export function peppolCiiNotes(invoice: Invoice): Invoice | undefined {
  const notes = invoice.notes;
  if (notes.length <= 1 && !notes.some((n) => n.subjectCode !== undefined)) return undefined;
  return { ...invoice, notes: [{ text: notes.map(joinUblNote).join('\n\n') }] };
}
