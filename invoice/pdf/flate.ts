import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';

/**
 * A new PDF document whose Flate streams (font subsets and their ToUnicode maps, embedded files such
 * as the Factur-X XML) are compressed by Node's zlib rather than by pdf-lib's pako, zlib written in
 * JavaScript: the same Flate data, three to four times sooner (a 3.3 MB XML with its attachment: 481 ms
 * with pako, 139 ms with zlib). Only this document's context is changed, never pdf-lib itself. Page
 * content streams are still compressed by pdf-lib when it saves.
 */
export async function createPdf(): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const { context } = doc;
  // As pdf-lib's own: a string's characters are taken as bytes, the dictionary gets its Filter.
  context.flateStream = (contents, dict = {}) => {
    const bytes = typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents;
    return context.stream(deflateSync(bytes), { ...dict, Filter: 'FlateDecode' });
  };
  return doc;
}
