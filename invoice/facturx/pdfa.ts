import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { readAsset } from '../pdf/assets';

let iccDeflated: Uint8Array | undefined;
/** The sRGB profile compressed once per process: every Factur-X carries the same bytes. */
function compressedIcc(): Uint8Array {
  iccDeflated ??= deflateSync(readAsset('sRGB.icc'));
  return iccDeflated;
}

/**
 * The document-level parts PDF/A-3 asks for beyond what pdf-lib writes: an uncompressed XMP metadata
 * stream, an sRGB OutputIntent (we draw in DeviceRGB, which PDF/A allows only under an RGB output
 * intent), and a file identifier.
 */
export function addPdfAParts(doc: PDFDocument, xmp: string, idSeed: string): void {
  const { context, catalog } = doc;
  // PDF/A-3 § 6.6.2.1: the metadata stream must not be filtered, so that any tool can read it.
  const metadata = context.stream(Buffer.from(xmp, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), context.register(metadata));

  const icc = PDFRawStream.of(context.obj({ N: 3, Filter: 'FlateDecode' }), compressedIcc());
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(icc),
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));

  // Level B does not require tagging and this page has no structure tree, so we say "not marked".
  catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: false }));

  const id = PDFHexString.of(createHash('md5').update(idSeed).digest('hex'));
  context.trailerInfo.ID = context.obj([id, id]);
}
