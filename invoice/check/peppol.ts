import { PEPPOL_BIS_BILLING, validatePeppol } from '../validate/peppol';
import type { Finding } from '../validate';
import type { ReadInvoiceFile } from './read';
import type { RuleSet } from './rule-sets';

/** The formats the OpenPEPPOL rules exist for: UBL invoice and credit note, CII (alone or in a PDF). */
const PEPPOL_FORMATS = new Set(['ubl-invoice', 'ubl-creditnote', 'cii']);

/**
 * `peppol` applies the OpenPEPPOL rules of its syntax to any UBL or CII document; a deposit (`all`)
 * applies them to a document that says it is Peppol BIS Billing 3.0 (BT-24), as foreign suppliers send
 * over Peppol.
 */
export function peppolApplies(file: ReadInvoiceFile, rules: RuleSet): boolean {
  if (!PEPPOL_FORMATS.has(file.format)) return false;
  if (rules === 'peppol') return true;
  return rules === 'all' && declaresPeppol(file);
}

export function declaresPeppol(file: ReadInvoiceFile): boolean {
  return file.invoice.specificationId?.trim() === PEPPOL_BIS_BILLING;
}

export function peppolFindings(file: ReadInvoiceFile): Finding[] {
  return validatePeppol(file.xml);
}
