import type fontkitModule from '@pdf-lib/fontkit';
import { PDFDocument, PDFFont } from 'pdf-lib';
import { readAsset } from './assets';

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  /** Replaces characters the fonts cannot draw, so no .notdef glyph is ever referenced (PDF/A 6.2.11.8). */
  drawable(text: string): string;
}

type Fontkit = typeof fontkitModule;
type Face = ReturnType<Fontkit['create']>;

/** Shaped runs kept per face; invoices repeat the same labels, so most lookups hit. */
const LAYOUT_CACHE_SIZE = 20_000;

/**
 * A face parsed once per process and shared by every document: pdf-lib asks its fontkit to parse the
 * font file again for each document (about half of a Factur-X's generation time) and shapes every
 * string it measures or draws through the font's GSUB/GPOS tables. The face inherits from the parsed
 * font (its glyph tables stay shared) and remembers each string's shaping, which depends on the
 * text alone since we pass no features. Glyphs are only read by the per-document subsets, never changed.
 */
function sharedFace(fontkit: Fontkit, bytes: Uint8Array): Face {
  const parsed = fontkit.create(bytes);
  const runs = new Map<string, ReturnType<Face['layout']>>();
  const face = Object.create(parsed) as Face;
  face.layout = (text: string, features?: Parameters<Face['layout']>[1]) => {
    if (features && Object.keys(features).length) return parsed.layout(text, features);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= LAYOUT_CACHE_SIZE) runs.clear();
      run = parsed.layout(text);
      runs.set(text, run);
    }
    return run;
  };
  return face;
}

let cached:
  { regular: Uint8Array; bold: Uint8Array; hasGlyph: (cp: number) => boolean; kit: Fontkit } | undefined;

function fontFiles() {
  if (!cached) {
    // Loaded on first use: evaluating fontkit costs about half a second, which commands that never
    // draw a PDF (validate, inspect) should not pay at start.
    const loaded = require('@pdf-lib/fontkit') as Fontkit & { default?: Fontkit };
    const fontkit = loaded.default ?? loaded;
    const regular = readAsset('DejaVuSans.ttf');
    const bold = readAsset('DejaVuSans-Bold.ttf');
    const faces = new Map([regular, bold].map((bytes) => [bytes, sharedFace(fontkit, bytes)]));
    // pdf-lib calls create() with the bytes given to embedFont: hand back the face parsed above.
    const kit = { ...fontkit, create: (bytes: Uint8Array) => faces.get(bytes) ?? fontkit.create(bytes) };
    const all = [...faces.values()];
    cached = { regular, bold, kit, hasGlyph: (cp) => all.every((f) => f.hasGlyphForCodePoint(cp)) };
  }
  return cached;
}

/**
 * Embeds DejaVu Sans regular and bold as subset TrueType fonts. PDF/A forbids unembedded fonts, and the
 * standard 14 fonts are never embedded, so every glyph we draw must come from these two.
 */
export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  const files = fontFiles();
  doc.registerFontkit(files.kit);
  const regular = await doc.embedFont(files.regular, { subset: true });
  const bold = await doc.embedFont(files.bold, { subset: true });
  return {
    regular,
    bold,
    drawable: (text) =>
      Array.from(text.replace(/[\t\r\n]+/g, ' '), (ch) =>
        files.hasGlyph(ch.codePointAt(0)!) ? ch : '?',
      ).join(''),
  };
}
