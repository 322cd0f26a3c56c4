"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.embedFonts = embedFonts;
const assets_1 = require("./assets");
/** Shaped runs kept per face; invoices repeat the same labels, so most lookups hit. */
const LAYOUT_CACHE_SIZE = 20_000;
/**
 * A face parsed once per process and shared by every document: pdf-lib asks its fontkit to parse the
 * font file again for each document (about half of a Factur-X's generation time) and shapes every
 * string it measures or draws through the font's GSUB/GPOS tables. The face inherits from the parsed
 * font (its glyph tables stay shared) and remembers each string's shaping, which depends on the
 * text alone since we pass no features. Glyphs are only read by the per-document subsets, never changed.
 */
function sharedFace(fontkit, bytes) {
    const parsed = fontkit.create(bytes);
    const runs = new Map();
    const face = Object.create(parsed);
    face.layout = (text, features) => {
        if (features && Object.keys(features).length)
            return parsed.layout(text, features);
        let run = runs.get(text);
        if (!run) {
            if (runs.size >= LAYOUT_CACHE_SIZE)
                runs.clear();
            run = parsed.layout(text);
            runs.set(text, run);
        }
        return run;
    };
    return face;
}
let cached;
function fontFiles() {
    if (!cached) {
        // Loaded on first use: evaluating fontkit costs about half a second, which commands that never
        // draw a PDF (validate, inspect) should not pay at start.
        const loaded = require('@pdf-lib/fontkit');
        const fontkit = loaded.default ?? loaded;
        const regular = (0, assets_1.readAsset)('DejaVuSans.ttf');
        const bold = (0, assets_1.readAsset)('DejaVuSans-Bold.ttf');
        const faces = new Map([regular, bold].map((bytes) => [bytes, sharedFace(fontkit, bytes)]));
        // pdf-lib calls create() with the bytes given to embedFont: hand back the face parsed above.
        const kit = { ...fontkit, create: (bytes) => faces.get(bytes) ?? fontkit.create(bytes) };
        const all = [...faces.values()];
        cached = { regular, bold, kit, hasGlyph: (cp) => all.every((f) => f.hasGlyphForCodePoint(cp)) };
    }
    return cached;
}
/**
 * Embeds DejaVu Sans regular and bold as subset TrueType fonts. PDF/A forbids unembedded fonts, and the
 * standard 14 fonts are never embedded, so every glyph we draw must come from these two.
 */
async function embedFonts(doc) {
    const files = fontFiles();
    doc.registerFontkit(files.kit);
    const regular = await doc.embedFont(files.regular, { subset: true });
    const bold = await doc.embedFont(files.bold, { subset: true });
    return {
        regular,
        bold,
        drawable: (text) => Array.from(text.replace(/[\t\r\n]+/g, ' '), (ch) => files.hasGlyph(ch.codePointAt(0)) ? ch : '?').join(''),
    };
}
//# sourceMappingURL=fonts.js.map