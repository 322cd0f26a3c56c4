import type { XmlElement } from '../xml';
import type { Finding } from './finding';
import { peppolUblSchematron } from './rules';
import { compileSchematron, runSchematron, type CompiledSchematron } from './schematron';

/** BT-24 of a Peppol BIS Billing 3.0 invoice or credit note. */
export const PEPPOL_BIS_BILLING =
  'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';

let compiled: CompiledSchematron | undefined;

/**
 * Checks a UBL invoice or credit note against the OpenPEPPOL BIS Billing 3.0 rules (PEPPOL-EN16931-*,
 * PEPPOL-COMMON-*, the national rules they carry), with the published ids, messages and flags. These
 * come on top of EN 16931: a Peppol document must pass both.
 */
export function validatePeppol(root: XmlElement): Finding[] {
  compiled ??= compileSchematron(peppolUblSchematron);
  return runSchematron(compiled, root);
}
