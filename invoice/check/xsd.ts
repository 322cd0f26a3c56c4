import { profileOfGuideline } from '../cii/profile';
import { detectFormat } from '../detect';
import type { Finding } from '../validate';
import { utf8XmlBytes } from '../xml';
import { prepareXsd, validateXsd, validateXsdApart, XsdSchemaUnavailableError, type XsdSchema } from '../xsd';
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

/** The outcome of a document's validation against each schema, settled before the document was read. */
export type SchemaOutcomes = Map<XsdSchema, PromiseSettledResult<Finding[]>>;

/**
 * From this size, an XML document is checked against its schemas before it is read, by the shared
 * libxml2 worker taken out of service and stopped right after (`validateXsdApart`): libxml2's tree of
 * the document (five times its size) and the invoice core's are then never in memory together, and
 * libxml2's memory, which never shrinks, goes back with the worker. Below it, the shared worker stays.
 */
export const SCHEMAS_APART_BYTES = 4 * 1024 * 1024;

/**
 * For a large XML document (not a PDF, whose XML is known once extracted), its schemas' outcomes,
 * validated apart before anything else is built. The schemas are guessed from the bytes (root element,
 * CII guideline id): one guessed wrong is validated later as for any document, by `xsdFindings`. With
 * `handOver`, UTF-8 bytes that own their buffer are moved to libxml2's worker and back rather than
 * copied: the caller reads on from the answer's `bytes` (its own are then empty).
 */
export async function schemaOutcomesAhead(
  bytes: Uint8Array,
  handOver = false,
): Promise<{ outcomes?: SchemaOutcomes; bytes: Uint8Array }> {
  if (bytes.byteLength < SCHEMAS_APART_BYTES) return { bytes };
  const format = detectFormat(bytes);
  if (format !== 'ubl-invoice' && format !== 'ubl-creditnote' && format !== 'cii') return { bytes };
  let xmlBytes: Uint8Array;
  try {
    xmlBytes = utf8XmlBytes(bytes);
  } catch {
    return { bytes };
  }
  const profile = format === 'cii' ? profileOfGuideline(guidelineId(xmlBytes)) : undefined;
  const schemas: XsdSchema[] = format !== 'cii' ? [format] : profile ? ['cii', profile] : ['cii'];
  const move = handOver && xmlBytes === bytes && ownsBuffer(bytes);
  const apart = await validateXsdApart(xmlBytes, schemas, {}, move);
  const outcomes: SchemaOutcomes = new Map(schemas.map((schema, i) => [schema, apart.outcomes[i]]));
  return { outcomes, bytes: move ? apart.bytes : bytes };
}

/** Bytes that are the whole of their buffer (a view into a shared one cannot be moved). */
function ownsBuffer(bytes: Uint8Array): boolean {
  return (
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
  );
}

/** BT-24 as written near the top of a CII document, when it is there in the plain form. */
function guidelineId(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64 * 1024)).toString(
    'utf8',
  );
  return /GuidelineSpecifiedDocumentContextParameter>\s*<(?:[\w.-]+:)?ID(?:\s[^>]*)?>([^<]*)</.exec(
    head,
  )?.[1];
}

export async function xsdFindings(file: ReadInvoiceFile, ahead?: SchemaOutcomes): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const schema of schemasOf(file)) {
    try {
      const known = ahead?.get(schema);
      if (known?.status === 'rejected') throw known.reason;
      findings.push(...(known ? known.value : await validateXsd(file.xmlBytes, schema)));
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
