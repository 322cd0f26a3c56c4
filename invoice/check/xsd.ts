import type { Finding } from '../validate';
import { validateXsd, XsdSchemaUnavailableError, type XsdSchema } from '../xsd';
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
