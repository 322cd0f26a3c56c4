import type { XmlElement } from '../xml';
import type { Finding } from './finding';
import { peppolCiiSchematron, peppolUblSchematron } from './rules';
import { compileSchematron, runSchematron, type CompiledSchematron } from './schematron';

/** BT-24 of a Peppol BIS Billing 3.0 invoice or credit note. */
export const PEPPOL_BIS_BILLING =
  'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';

const CII_NAMESPACE = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';

let compiledUbl: CompiledSchematron | undefined;
let compiledCii: CompiledSchematron | undefined;

/**
 * Checks a UBL invoice or credit note, or a CII invoice, against the OpenPEPPOL BIS Billing 3.0 rules
 * of its syntax (PEPPOL-EN16931-*, PEPPOL-COMMON-*, the national rules they carry), with the published
 * ids, messages and flags. These come on top of EN 16931: a Peppol document must pass both.
 */
export function validatePeppol(root: XmlElement): Finding[] {
  if (root.ns === CII_NAMESPACE) {
    compiledCii ??= compileSchematron(peppolCiiSchematron);
    return runSchematron(compiledCii, root);
  }
  compiledUbl ??= compileSchematron(peppolUblSchematron);
  return runSchematron(compiledUbl, root);
}
