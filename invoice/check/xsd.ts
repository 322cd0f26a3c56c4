import type { Finding } from '../validate';
import { prepareXsd, validateXsd, XsdSchemaUnavailableError, type XsdSchema } from '../xsd';
import { CHECK_RULES, warning } from './findings';
import type { ReadInvoiceFile } from './read';

/**
 * The syntax's own schema (UBL 2.1 or CII D16B), and for a CII declaring a Factur-X profile that
 * profile's schema too: for MINIMUM and BASIC WL it is the only profile check there is.
 */
export function schemasOf(file: ReadInvoiceFile): XsdSchema[] {
  if (file.format !== 'cii') return [file.format];
  return file.profile ? ['cii', file.profile] : ['cii'];
}

export async function xsdFindings(file: ReadInvoiceFile): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const schema of schemasOf(file)) {
    try {
      findings.push(...(await validateXsd(file.xmlBytes, schema)));
    } catch (err) {
      // A schema missing from this deployment says nothing about the invoice: say it was not checked.
      if (!(err instanceof XsdSchemaUnavailableError)) throw err;
      findings.push(warning(CHECK_RULES.rulesNotRun, `XSD ${schema} not checked: ${err.message}`));
    }
  }
  return findings;
}

const UBL_INVOICE = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const UBL_CREDIT_NOTE = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';
const CII = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';

/**
 * A guess, from the first bytes of a file and without parsing it, of the schemas it will be checked
 * against: enough to start compiling them early (`prepareSchemas`). A wrong guess costs only time.
 */
export function likelySchemas(bytes: Uint8Array): XsdSchema[] {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString(
    'latin1',
  );
  if (head.startsWith('%PDF') || head.includes(CII)) return ['cii'];
  if (head.includes(UBL_INVOICE)) return ['ubl-invoice'];
  if (head.includes(UBL_CREDIT_NOTE)) return ['ubl-creditnote'];
  return [];
}

/** Starts compiling the schemas a file is likely to need, in the XSD worker, without waiting. */
export function prepareSchemas(bytes: Uint8Array): void {
  prepareXsd(likelySchemas(bytes));
}
