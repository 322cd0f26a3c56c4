// Runs pdf.js (an ES module) in a worker thread, so the CommonJS platform and its tests can use it.
import { parentPort, workerData } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

async function readText(bytes) {
  let document;
  try {
    document = await getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, verbosity: 0 })
      .promise;
  } catch (err) {
    if (err && err.name === 'PasswordException') return { error: 'PDF_ENCRYPTED' };
    return { error: 'PDF_UNREADABLE', message: String(err && err.message) };
  }
  const pages = [];
  for (let n = 1; n <= Math.min(document.numPages, workerData.maxPages); n += 1) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    pages.push(linesOf(content.items));
  }
  await document.destroy();
  return { pages };
}

/**
 * Text items grouped into lines by their baseline (top to bottom), each line's items left to right:
 * an item is what the producer wrote as one piece of text, so the columns of a table or of side by
 * side blocks stay apart.
 */
function linesOf(items) {
  const rows = [];
  const sorted = items
    .filter((item) => item.str && item.str.trim())
    .map((item) => ({
      x: item.transform[4],
      y: item.transform[5],
      width: item.width,
      size: Math.abs(item.transform[3]) || Math.abs(item.transform[0]) || 10,
      text: item.str,
    }))
    .sort((a, b) => b.y - a.y);
  for (const item of sorted) {
    const row = rows.find((r) => Math.abs(r.y - item.y) <= 1.5);
    if (row) row.items.push(item);
    else rows.push({ y: item.y, items: [item] });
  }
  return rows.map((row) => ({
    y: row.y,
    cells: row.items
      .sort((a, b) => a.x - b.x)
      .map((c) => ({ x: round(c.x), x2: round(c.x + c.width), size: round(c.size), text: c.text })),
  }));
}

const round = (n) => Math.round(n * 10) / 10;

parentPort.on('message', async (bytes) => {
  try {
    parentPort.postMessage(await readText(bytes));
  } catch (err) {
    parentPort.postMessage({ error: 'PDF_UNREADABLE', message: String(err && err.message) });
  }
});
