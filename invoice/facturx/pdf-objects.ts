import { constants, inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';
import { PdfError } from './pdf-error';

/** Low-level reading helpers over pdf-lib's object model, for files we did not write. */

export function dictAt(dict: PDFDict | undefined, key: string): PDFDict | undefined {
  const v = dict?.lookup(PDFName.of(key));
  return v instanceof PDFDict ? v : undefined;
}

export function arrayAt(dict: PDFDict | undefined, key: string): PDFArray | undefined {
  const v = dict?.lookup(PDFName.of(key));
  return v instanceof PDFArray ? v : undefined;
}

export function streamAt(dict: PDFDict | undefined, key: string): PDFRawStream | undefined {
  const v = dict?.lookup(PDFName.of(key));
  return v instanceof PDFRawStream ? v : undefined;
}

/** A PDF name value as text, with #xx escapes decoded (so /text#2Fxml reads 'text/xml'). */
export function nameAt(dict: PDFDict | undefined, key: string): string | undefined {
  const v = dict?.lookup(PDFName.of(key));
  // pdf-lib decodes only upper-case #XX escapes; several producers write /text#2fxml.
  return v instanceof PDFName
    ? v.decodeText().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : undefined;
}

export function textOf(v: PDFObject | undefined): string | undefined {
  return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined;
}

export function textAtKey(dict: PDFDict | undefined, key: string): string | undefined {
  return textOf(dict?.lookup(PDFName.of(key)));
}

export function numberAt(dict: PDFDict | undefined, key: string): number | undefined {
  const v = dict?.lookup(PDFName.of(key));
  return v instanceof PDFNumber ? v.asNumber() : undefined;
}

/**
 * Values of a name tree (PDF 32000 §7.9.6), in key order. Kids are followed with a visited set and a depth
 * bound, because a hostile file can make the tree cyclic.
 */
export function nameTreeValues(root: PDFDict | undefined): Array<{ key: string; value: PDFObject }> {
  const out: Array<{ key: string; value: PDFObject }> = [];
  const seen = new Set<PDFDict>();
  const walk = (node: PDFDict, depth: number) => {
    if (seen.has(node) || depth > 32) return;
    seen.add(node);
    const names = arrayAt(node, 'Names');
    if (names) {
      for (let i = 0; i + 1 < names.size(); i += 2) {
        const value = names.lookup(i + 1);
        if (value) out.push({ key: textOf(names.lookup(i)) ?? '', value });
      }
    }
    const kids = arrayAt(node, 'Kids');
    for (let i = 0; kids && i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) walk(kid, depth + 1);
    }
  };
  if (root) walk(root, 0);
  return out;
}

/**
 * The decoded bytes of a stream. Only FlateDecode (without predictor) and unfiltered streams are
 * supported: that is what embedded files and XMP packets use in practice. `maxBytes` bounds the
 * inflated size so a small compressed bomb cannot exhaust memory.
 */
export function decodeStream(stream: PDFRawStream, maxBytes: number): Uint8Array {
  const filterObj = stream.dict.lookup(PDFName.of('Filter'));
  const filters =
    filterObj instanceof PDFName
      ? [filterObj.decodeText()]
      : filterObj instanceof PDFArray
        ? filterObj.asArray().map((f) => (f instanceof PDFName ? f.decodeText() : '?'))
        : [];
  let data: Uint8Array = stream.contents;
  for (const filter of filters) {
    if (filter !== 'FlateDecode') {
      throw new PdfError('PDF_UNREADABLE', `unsupported stream filter /${filter}`);
    }
    if (dictAt(stream.dict, 'DecodeParms')) {
      throw new PdfError('PDF_UNREADABLE', 'FlateDecode with DecodeParms (predictors) is not supported here');
    }
    try {
      // Sync-flush finishing tolerates streams whose writer omitted the final zlib block, as some
      // producers do; a really damaged payload still fails later when its XML is parsed.
      data = inflateSync(data, { maxOutputLength: maxBytes + 1, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new PdfError('PDF_TOO_LARGE', `a stream inflates beyond ${maxBytes} bytes`);
      }
      throw new PdfError('PDF_UNREADABLE', `a FlateDecode stream is corrupt: ${(err as Error).message}`);
    }
  }
  if (data.byteLength > maxBytes) {
    throw new PdfError(
      'PDF_TOO_LARGE',
      `a stream of ${data.byteLength} bytes exceeds the limit of ${maxBytes}`,
    );
  }
  return data;
}
