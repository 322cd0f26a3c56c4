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

/** Text items grouped into lines by their baseline, left to right, as a reader sees them. */
function linesOf(items) {
  const rows = new Map();
  for (const item of items) {
    if (!item.str || !item.str.trim()) continue;
    const y = Math.round(item.transform[5]);
    const row = rows.get(y) ?? [];
    row.push({ x: item.transform[4], text: item.str });
    rows.set(y, row);
  }
  return [...rows.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, row]) =>
      row
        .sort((a, b) => a.x - b.x)
        .map((c) => c.text)
        .join(' '),
    );
}

parentPort.on('message', async (bytes) => {
  try {
    parentPort.postMessage(await readText(bytes));
  } catch (err) {
    parentPort.postMessage({ error: 'PDF_UNREADABLE', message: String(err && err.message) });
  }
});
