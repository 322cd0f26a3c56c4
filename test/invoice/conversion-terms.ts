import type { ConversionFinding } from '../../invoice/convert';
import type { Invoice } from '../../invoice/model';
import { modelDifferences, normaliseModel } from './model-diff';

/** BT-8 is UNTDID 2005 in UBL and 2475 in CII: compared in the UBL list. */
const VAT_POINT_DATE_CODE_2005: Record<string, string> = { '5': '3', '29': '35', '72': '432' };

/** Where each term an FF-CONV finding may report lives in the model. */
const TERM_PATHS: Record<string, RegExp> = {
  'BG-3': /^precedingInvoices\[/,
  'BT-6': /^vatCurrencyCode:/,
  'BT-9': /^dueDate:/,
  // The whole group goes when the dropped term was all it held.
  'BT-83': /^paymentInstructions(\.remittanceInformation)?:/,
  'BT-89': /^paymentInstructions\.directDebit/,
  'BT-91': /^paymentInstructions\.directDebit/,
};

function comparable(invoice: Invoice): unknown {
  const copy = structuredClone(invoice);
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
