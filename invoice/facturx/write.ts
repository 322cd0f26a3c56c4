import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { createPdf } from '../pdf/flate';
import { toCii } from '../cii/write';
import { Invoice } from '../model';
import { PRODUCER, pdfTitle, renderInvoice, setDocumentInfo } from '../pdf/render';
import { documentTitle } from '../pdf/format';
import { parseXml, textAt } from '../xml';
import { addPdfAParts } from './pdfa';
import { FacturXProfile, profileFacts } from './profiles';
import { FacturXWriteError } from './write-error';
import { facturXXmp } from './xmp-write';

export interface FacturXOptions {
  profile: FacturXProfile;
  /**
   * The CII D16B XML to embed. Defaults to `toCii(invoice, profile)`; pass it when the XML must be kept
   * byte for byte (e.g. a deposited CII that we only dress as Factur-X).
   */
  cii?: string | Uint8Array;
  /** Creation date for Info, XMP and the attachment; defaults to now. */
  date?: Date;
}

export const FACTURX_FILENAME = 'factur-x.xml';

/** Checks the XML is a CII invoice written for the profile we are about to declare in the XMP. */
function checkCii(xml: Uint8Array, profile: FacturXProfile): void {
  let root;
  try {
    root = parseXml(xml);
  } catch (err) {
    throw new FacturXWriteError(
      'FACTURX_CII_NOT_INVOICE',
      `the CII to embed is not readable XML: ${(err as Error).message}`,
    );
  }
  if (root.name !== 'CrossIndustryInvoice') {
    throw new FacturXWriteError(
      'FACTURX_CII_NOT_INVOICE',
      `the XML to embed has root ${root.name}, not CrossIndustryInvoice`,
    );
  }
  const guideline = textAt(
    root,
    'ExchangedDocumentContext',
    'GuidelineSpecifiedDocumentContextParameter',
    'ID',
  );
  if (guideline !== profileFacts(profile).guidelineId) {
    throw new FacturXWriteError(
      'FACTURX_PROFILE_MISMATCH',
      `profile ${profile} needs BT-24 "${profileFacts(profile).guidelineId}", the CII has "${guideline ?? ''}"`,
    );
  }
}

/**
 * A Factur-X 1.0 PDF/A-3b: the French rendering of the invoice with its CII embedded as factur-x.xml,
 * declared in the catalog's /AF with the relationship the profile calls for (see profileFacts).
 */
export async function toFacturX(invoice: Invoice, options: FacturXOptions): Promise<Uint8Array> {
  const { profile } = options;
  const cii = options.cii ?? toCii(invoice, profile);
  const xml = typeof cii === 'string' ? Buffer.from(cii, 'utf8') : cii;
  checkCii(xml, profile);
  const date = options.date ?? new Date();

  const doc = await createPdf();
  setDocumentInfo(doc, invoice, date);
  await renderInvoice(doc, invoice);
  embedInvoiceXml(doc, xml, profileFacts(profile).relationship, date);
  const xmp = facturXXmp({
    title: pdfTitle(invoice),
    author: invoice.seller.name,
    subject: `${documentTitle(invoice)} ${invoice.number}`,
    creatorTool: PRODUCER,
    producer: PRODUCER,
    date,
    conformanceLevel: profileFacts(profile).conformanceLevel,
    documentFileName: FACTURX_FILENAME,
  });
  addPdfAParts(doc, xmp, `${invoice.seller.name ?? ''}|${invoice.number}|${date.toISOString()}`);
  // Classic cross-reference tables: allowed by PDF/A-3 either way, and readable by every older validator.
  return doc.save({ useObjectStreams: false });
}

function embedInvoiceXml(doc: PDFDocument, xml: Uint8Array, relationship: string, date: Date): void {
  const { context, catalog } = doc;
  const stream = context.flateStream(xml, {
    Type: 'EmbeddedFile',
    // Serialised as /text#2Fxml, the escaped form the Factur-X specification shows.
    Subtype: 'text/xml',
    Params: { Size: xml.byteLength, ModDate: PDFString.fromDate(date) },
  });
  const streamRef = context.register(stream);
  const spec = context.register(
    context.obj({
      Type: 'Filespec',
      F: PDFString.of(FACTURX_FILENAME),
      UF: PDFHexString.fromText(FACTURX_FILENAME),
      Desc: PDFString.of('Factur-X invoice'),
      AFRelationship: relationship,
      EF: { F: streamRef, UF: streamRef },
    }),
  );
  catalog.set(
    PDFName.of('Names'),
    context.obj({ EmbeddedFiles: { Names: [PDFString.of(FACTURX_FILENAME), spec] } }),
  );
  catalog.set(PDFName.of('AF'), context.obj([spec]));
}
