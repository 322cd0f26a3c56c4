import { Canvas, lineHeight, TextStyle } from './canvas';

/** A run of text in a stacked block; long runs wrap to the block's width. */
export interface Run {
  text: string;
  style?: TextStyle;
}

/** Builds runs, skipping empty values so callers can list optional terms without conditionals. */
export function runs(...items: Array<Run | string | undefined | false>): Run[] {
  return items
    .map((i) => (typeof i === 'string' ? { text: i } : i))
    .filter((i): i is Run => !!i && i.text.trim() !== '');
}

/** "Label : value" when the value exists. */
export function labelled(label: string, value: string | undefined, style?: TextStyle): Run | undefined {
  return value ? { text: `${label}\u00a0: ${value}`, style } : undefined;
}

export function blockHeight(canvas: Canvas, width: number, items: Run[]): number {
  return items.reduce((h, r) => h + canvas.wrap(r.text, width, r.style).length * lineHeight(r.style), 0);
}

/** Draws runs top-down from `top` (no page break inside: blocks are small); returns the bottom y. */
export function drawBlock(canvas: Canvas, x: number, top: number, width: number, items: Run[]): number {
  let y = top;
  for (const r of items) {
    for (const line of canvas.wrap(r.text, width, r.style)) {
      y -= lineHeight(r.style);
      canvas.text(line, x, y + lineHeight(r.style) * 0.25, r.style);
    }
  }
  return y;
}

/** Draws runs at the cursor across pages, breaking between lines: for text of unbounded length. */
export function flow(canvas: Canvas, x: number, width: number, items: Run[]): void {
  for (const r of items) {
    for (const line of canvas.wrap(r.text, width, r.style)) {
      canvas.ensure(lineHeight(r.style));
      canvas.y -= lineHeight(r.style);
      canvas.text(line, x, canvas.y + lineHeight(r.style) * 0.25, r.style);
    }
  }
}
