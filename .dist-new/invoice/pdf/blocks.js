"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runs = runs;
exports.labelled = labelled;
exports.blockHeight = blockHeight;
exports.drawBlock = drawBlock;
exports.flow = flow;
const canvas_1 = require("./canvas");
/** Builds runs, skipping empty values so callers can list optional terms without conditionals. */
function runs(...items) {
    return items
        .map((i) => (typeof i === 'string' ? { text: i } : i))
        .filter((i) => !!i && i.text.trim() !== '');
}
/** "Label : value" when the value exists. */
function labelled(label, value, style) {
    return value ? { text: `${label}\u00a0: ${value}`, style } : undefined;
}
function blockHeight(canvas, width, items) {
    return items.reduce((h, r) => h + canvas.wrap(r.text, width, r.style).length * (0, canvas_1.lineHeight)(r.style), 0);
}
/** Draws runs top-down from `top` (no page break inside: blocks are small); returns the bottom y. */
function drawBlock(canvas, x, top, width, items) {
    let y = top;
    for (const r of items) {
        for (const line of canvas.wrap(r.text, width, r.style)) {
            y -= (0, canvas_1.lineHeight)(r.style);
            canvas.text(line, x, y + (0, canvas_1.lineHeight)(r.style) * 0.25, r.style);
        }
    }
    return y;
}
/** Draws runs at the cursor across pages, breaking between lines: for text of unbounded length. */
function flow(canvas, x, width, items) {
    for (const r of items) {
        for (const line of canvas.wrap(r.text, width, r.style)) {
            canvas.ensure((0, canvas_1.lineHeight)(r.style));
            canvas.y -= (0, canvas_1.lineHeight)(r.style);
            canvas.text(line, x, canvas.y + (0, canvas_1.lineHeight)(r.style) * 0.25, r.style);
        }
    }
}
//# sourceMappingURL=blocks.js.map