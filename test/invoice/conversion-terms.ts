import { readCii } from '../../invoice/cii/read';
import { convertXml, type ConversionFinding } from '../../invoice/convert';
import type { Invoice } from '../../invoice/model';
import { readUbl } from '../../invoice/ubl/read';
import { parseXml } from '../../invoice/xml';
import { modelDifferences, normaliseModel } from './model-diff';

/** BT-8 is UNTDID 2005 in UBL and 2475 in CII: compared in the UBL list. */
const VAT_POINT_DATE_CODE_2005: Record<string, string> = { '5': '3', '29': '35', '72': '432' };

/** Where each term an FF-CONV finding may report lives in the model. */
const TERM_PATHS: Record<string, RegExp> = {
  'BG-3': /^precedingInvoices\[/,
  'BT-6': /^vatCurrencyCode:/,
  'BT-7': /^vatPointDate:/,
  'BT-8': /^vatPointDateCode:/,
  'BT-9': /^dueDate:/,
  // The whole group goes when the dropped term was all it held.
  'BT-83': /^paymentInstructions(\.remittanceInformation)?:/,
  'BT-89': /^paymentInstructions\.directDebit/,
  'BT-91': /^paymentInstructions\.directDebit/,
};

/** A group that holds no business term (an empty cac:Delivery or cac:PaymentMeans of a fragment). */
const isEmptyGroup = (value: unknown): boolean =>
  value !== null &&
  typeof value === 'object' &&
  Object.values(value).every((v) => v === undefined || (Array.isArray(v) ? v.length === 0 : isEmptyGroup(v)));

function comparable(invoice: Invoice): unknown {
  const copy = structuredClone(invoice);
  if (isEmptyGroup(copy.delivery)) delete copy.delivery;
  if (isEmptyGroup(copy.paymentInstructions)) delete copy.paymentInstructions;
  // UBL's PaymentMeansCode is mandatory in the schema: a source without BT-81 gets it written empty.
  if (copy.paymentInstructions?.typeCode === '') delete copy.paymentInstructions.typeCode;
  if (copy.vatPointDateCode) {
    copy.vatPointDateCode = VAT_POINT_DATE_CODE_2005[copy.vatPointDateCode] ?? copy.vatPointDateCode;
  }
  return normaliseModel(copy);
}

/**
 * The business terms of `source` that `result` lost or changed, at the model level (amounts,
 * identifiers with their schemes, dates, codes, lines, allowances and charges, references, payment
 * means), leaving out the terms a finding reported as not carried by the target.
 */
export function lostTerms(source: Invoice, result: Invoice, reported: ConversionFinding[] = []): string[] {
  const excused = reported.map((f) => TERM_PATHS[f.term]).filter((p): p is RegExp => p !== undefined);
  return modelDifferences(comparable(source), comparable(result)).filter(
    (d) => !excused.some((p) => p.test(d)),
  );
}

type Syntax = 'ubl' | 'cii';
const read = (syntax: Syntax, xml: string) => (syntax === 'ubl' ? readUbl : readCii)(parseXml(xml));

/** source → syntax → model, and on to the other syntax and back: what was lost on the way. */
export function roundTripLosses(source: Invoice): string[] {
  const lost: string[] = [];
  for (const [first, second] of [
    ['ubl', 'cii'],
    ['cii', 'ubl'],
  ] as const) {
    const one = convertXml(source, first);
    const viaFirst = read(first, one.output);
    lost.push(...lostTerms(source, viaFirst, one.findings).map((d) => `→${first}: ${d}`));
    const two = convertXml(viaFirst, second);
    const three = convertXml(read(second, two.output), first);
    const reported: ConversionFinding[] = [...one.findings, ...two.findings, ...three.findings];
    lost.push(
      ...lostTerms(source, read(first, three.output), reported).map(
        (d) => `→${first}→${second}→${first}: ${d}`,
      ),
    );
  }
  return lost;
}
