import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFFont } from 'pdf-lib';
import { readAsset } from './assets';

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  /** Replaces characters the fonts cannot draw, so no .notdef glyph is ever referenced (PDF/A 6.2.11.8). */
  drawable(text: string): string;
}

let cached: { regular: Uint8Array; bold: Uint8Array; hasGlyph: (cp: number) => boolean } | undefined;

function fontFiles() {
  if (!cached) {
    const regular = readAsset('DejaVuSans.ttf');
    const bold = readAsset('DejaVuSans-Bold.ttf');
    const faces = [regular, bold].map((bytes) => fontkit.create(bytes));
    cached = { regular, bold, hasGlyph: (cp) => faces.every((f) => f.hasGlyphForCodePoint(cp)) };
  }
  return cached;
}

/**
 * Embeds DejaVu Sans regular and bold as subset TrueType fonts. PDF/A forbids unembedded fonts, and the
 * standard 14 fonts are never embedded, so every glyph we draw must come from these two.
 */
export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  const files = fontFiles();
  doc.registerFontkit(fontkit);
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
