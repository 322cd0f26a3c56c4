import { PDFDocument, PDFFont, PDFPage, rgb, RGB } from 'pdf-lib';
import { Fonts } from './fonts';

/** A4 portrait in points. */
export const PAGE = { width: 595.28, height: 841.89, margin: 42 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Space kept free at the bottom of every page for the footer. */
const FOOTER_SPACE = 36;

export const COLORS = {
  text: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.38, 0.4, 0.45),
  accent: rgb(0.11, 0.27, 0.47),
  band: rgb(0.91, 0.93, 0.96),
  rule: rgb(0.75, 0.78, 0.83),
};

export interface TextStyle {
  bold?: boolean;
  size?: number;
  color?: RGB;
}

/**
 * A top-down writing cursor over pages. Sections ask for the height they need; when it does not fit,
 * a new page starts and `onNewPage` draws the running header (and table header, when in a table).
 */
export class Canvas {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];
  onNewPage: (canvas: Canvas) => void = () => {};

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.addPage();
  }

  addPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - PAGE.margin;
    this.onNewPage(this);
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  ensure(height: number): void {
    if (this.y - height < PAGE.margin + FOOTER_SPACE) this.addPage();
  }

  font(style: TextStyle = {}): PDFFont {
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }

  widthOf(text: string, style: TextStyle = {}): number {
    return this.font(style).widthOfTextAtSize(this.fonts.drawable(text), style.size ?? 9);
  }

  /** Draws one line with its baseline at `y`; `align` positions it within [x, x + width]. */
  text(
    text: string,
    x: number,
    y: number,
    style: TextStyle = {},
    align: 'left' | 'right' = 'left',
    width = 0,
  ): void {
    const safe = this.fonts.drawable(text);
    if (!safe) return;
    const size = style.size ?? 9;
    const font = this.font(style);
    const left = align === 'right' ? x + width - font.widthOfTextAtSize(safe, size) : x;
    this.page.drawText(safe, { x: left, y, size, font, color: style.color ?? COLORS.text });
  }

  rect(x: number, y: number, width: number, height: number, color: RGB): void {
    this.page.drawRectangle({ x, y, width, height, color });
  }

  rule(x: number, y: number, width: number, color: RGB = COLORS.rule): void {
    this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness: 0.5, color });
  }

  /** Splits text into lines no wider than `width`; words longer than a line are cut. */
  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (this.widthOf(candidate, style) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        line = word;
        while (this.widthOf(line, style) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && this.widthOf(line.slice(0, cut), style) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      if (line) lines.push(line);
    }
    return lines;
  }
}

export function lineHeight(style: TextStyle = {}): number {
  return (style.size ?? 9) * 1.3;
}
