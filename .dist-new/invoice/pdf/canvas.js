"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Canvas = exports.COLORS = exports.CONTENT_WIDTH = exports.PAGE = void 0;
exports.lineHeight = lineHeight;
const pdf_lib_1 = require("pdf-lib");
/** A4 portrait in points. */
exports.PAGE = { width: 595.28, height: 841.89, margin: 42 };
exports.CONTENT_WIDTH = exports.PAGE.width - 2 * exports.PAGE.margin;
/** Space kept free at the bottom of every page for the footer. */
const FOOTER_SPACE = 36;
exports.COLORS = {
    text: (0, pdf_lib_1.rgb)(0.1, 0.1, 0.12),
    muted: (0, pdf_lib_1.rgb)(0.38, 0.4, 0.45),
    accent: (0, pdf_lib_1.rgb)(0.11, 0.27, 0.47),
    band: (0, pdf_lib_1.rgb)(0.91, 0.93, 0.96),
    rule: (0, pdf_lib_1.rgb)(0.75, 0.78, 0.83),
};
/**
 * A top-down writing cursor over pages. Sections ask for the height they need; when it does not fit,
 * a new page starts and `onNewPage` draws the running header (and table header, when in a table).
 */
class Canvas {
    doc;
    fonts;
    page;
    y = 0;
    pages = [];
    onNewPage = () => { };
    constructor(doc, fonts) {
        this.doc = doc;
        this.fonts = fonts;
        this.addPage();
    }
    addPage() {
        this.page = this.doc.addPage([exports.PAGE.width, exports.PAGE.height]);
        this.pages.push(this.page);
        this.y = exports.PAGE.height - exports.PAGE.margin;
        this.onNewPage(this);
    }
    /** Starts a new page unless `height` points still fit above the footer. */
    ensure(height) {
        if (this.y - height < exports.PAGE.margin + FOOTER_SPACE)
            this.addPage();
    }
    font(style = {}) {
        return style.bold ? this.fonts.bold : this.fonts.regular;
    }
    widthOf(text, style = {}) {
        return this.font(style).widthOfTextAtSize(this.fonts.drawable(text), style.size ?? 9);
    }
    /** Draws one line with its baseline at `y`; `align` positions it within [x, x + width]. */
    text(text, x, y, style = {}, align = 'left', width = 0) {
        const safe = this.fonts.drawable(text);
        if (!safe)
            return;
        const size = style.size ?? 9;
        const font = this.font(style);
        const left = align === 'right' ? x + width - font.widthOfTextAtSize(safe, size) : x;
        this.page.drawText(safe, { x: left, y, size, font, color: style.color ?? exports.COLORS.text });
    }
    rect(x, y, width, height, color) {
        this.page.drawRectangle({ x, y, width, height, color });
    }
    rule(x, y, width, color = exports.COLORS.rule) {
        this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness: 0.5, color });
    }
    /** Splits text into lines no wider than `width`; words longer than a line are cut. */
    wrap(text, width, style = {}) {
        const lines = [];
        for (const paragraph of text.split(/\r?\n/)) {
            let line = '';
            for (const word of paragraph.split(/\s+/).filter(Boolean)) {
                const candidate = line ? `${line} ${word}` : word;
                if (this.widthOf(candidate, style) <= width) {
                    line = candidate;
                    continue;
                }
                if (line)
                    lines.push(line);
                line = word;
                while (this.widthOf(line, style) > width && line.length > 1) {
                    let cut = line.length - 1;
                    while (cut > 1 && this.widthOf(line.slice(0, cut), style) > width)
                        cut--;
                    lines.push(line.slice(0, cut));
                    line = line.slice(cut);
                }
            }
            if (line)
                lines.push(line);
        }
        return lines;
    }
}
exports.Canvas = Canvas;
function lineHeight(style = {}) {
    return (style.size ?? 9) * 1.3;
}
//# sourceMappingURL=canvas.js.map