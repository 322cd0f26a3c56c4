/**
 * EN 16931 validation throughput: parses and validates every official example of the corpus, per
 * syntax, on this one thread, after a warm-up, and prints invoices/s and ms per invoice (parse
 * included, since that is what a caller pays for a file). Also reports parse alone, to show which
 * half dominates.
 * Usage: npx tsx bench/validate.ts [--rounds 20]
 * Compiled (faster than tsx, closer to production):
 *   npx tsc --outDir /tmp/ffbuild --rootDir . --target ES2022 --module commonjs --moduleResolution node \
 *     --esModuleInterop --skipLibCheck --resolveJsonModule --types node bench/validate.ts
 *   ln -sfn "$PWD/node_modules" /tmp/ffbuild/node_modules && node /tmp/ffbuild/bench/validate.js
 * The machine is shared: repeat runs and compare medians.
 */
import fs from 'node:fs';
import path from 'node:path';
import { validateEn16931, type En16931Syntax } from '../invoice/validate';
import { parseXml } from '../invoice/xml';

const CORPUS = path.resolve(
  process.env.FACTURFLOW_CORPUS ?? path.join(__dirname, '..', '..', 'shared', 'corpus'),
);
const EXAMPLES = path.join(CORPUS, 'ConnectingEurope/eInvoicing-EN16931');
const roundsArg = process.argv.indexOf('--rounds');
/** Measured passes over all examples of a syntax; a third as many run first as warm-up. */
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 20;

/** Above this size an example is not a typical invoice (an embedded base64 attachment) and is timed alone. */
const LARGE_BYTES = 500_000;

function examples(syntax: En16931Syntax): { name: string; bytes: Uint8Array }[] {
  const dir = path.join(EXAMPLES, syntax, 'examples');
  return fs
    .readdirSync(dir)
    .filter((f) => /\.xml$/i.test(f))
    .sort()
    .map((name) => ({ name, bytes: fs.readFileSync(path.join(dir, name)) }));
}

/** CPU milliseconds per document of `work` over `docs`, after warm-up. */
function measure(docs: Uint8Array[], work: (doc: Uint8Array) => void): number {
  const pass = () => {
    for (const doc of docs) work(doc);
  };
  for (let i = 0; i < Math.ceil(ROUNDS / 3); i++) pass();
  const start = process.cpuUsage();
  for (let i = 0; i < ROUNDS; i++) pass();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / (ROUNDS * docs.length);
}

function report(label: string, docs: Uint8Array[], syntax: En16931Syntax): void {
  const parseMs = measure(docs, (doc) => parseXml(doc));
  const totalMs = measure(docs, (doc) => validateEn16931(parseXml(doc), syntax));
  console.log(
    `${label}: ${totalMs.toFixed(3)} ms/invoice (${Math.round(1000 / totalMs)} invoices/s/core), ` +
      `of which parse ${parseMs.toFixed(3)} ms`,
  );
}

for (const syntax of ['ubl', 'cii'] as const) {
  const all = examples(syntax);
  const typical = all.filter((e) => e.bytes.byteLength <= LARGE_BYTES);
  report(
    `${syntax}: ${typical.length} typical examples × ${ROUNDS}`,
    typical.map((e) => e.bytes),
    syntax,
  );
  for (const large of all.filter((e) => e.bytes.byteLength > LARGE_BYTES)) {
    report(
      `${syntax}: ${large.name} (${Math.round(large.bytes.byteLength / 1024)} kB)`,
      [large.bytes],
      syntax,
    );
  }
}
