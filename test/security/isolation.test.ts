import fs from 'node:fs';
import { DocumentPool } from '../../platform/document-pool';
import { DocumentTooComplexError } from '../../invoice/errors';
import { XmlError } from '../../invoice/xml';
import { checkInvoiceFile } from '../../invoice/check';
import { identityOf } from '../../invoice/identify';
import type { PlatformContext } from '../../invoice/platform-rules';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { deepUbl, withLines } from './hostile';

describeWithCorpus('documents read in worker threads with a budget', () => {
  // A real invoice of the Factur-X library's fixtures (akretion/factur-x, tests/fixtures/xml).
  const ordinary = () =>
    fs.readFileSync(corpusPath('akretion/factur-x/tests/fixtures/xml/ubl-21-en16931.xml'));
  /** Within every XML limit, yet far longer to read than the budget below allows. */
  const heavy = () => Buffer.from(withLines(ordinary().toString('utf8'), 9999));
  /** Within every XML limit too (47 MB, 250 attributes on each line's item), yet over 192 MB once read. */
  const bulky = () => {
    const attributes = Array.from({ length: 250 }, (_, i) => ` a${i}="${(i % 90) + 10}"`).join('');
    const lines = withLines(ordinary().toString('utf8'), 9999);
    return Buffer.from(lines.replace(/<cac:Item>/g, `<cac:Item${attributes}>`));
  };

  let pool: DocumentPool | undefined;
  afterEach(() => pool?.close());

  it('answers an ordinary document, and keeps its event loop turning, while a heavy one runs out of time', async () => {
    // The heavy document takes seconds to read on any machine, the ordinary one milliseconds: the budget
    // sits far from both.
    pool = new DocumentPool({ size: 2, keepWarm: 2, timeoutMs: 500 });
    await pool.start(); // both threads loaded: the budget then measures the work alone
    const events: string[] = [];
    let ticks = 0;
    let heavyDone = false;
    const beat = setInterval(() => {
      if (!heavyDone) ticks += 1;
    }, 5);
    const hostile = pool.identify(heavy()).then(
      () => events.push('heavy accepted'),
      (err) => events.push(`heavy refused ${(err as DocumentTooComplexError).code}`),
    );
    const normal = pool.identify(ordinary()).then((id) => events.push(`ordinary ${id.number}`));
    await Promise.all([hostile, normal]);
    heavyDone = true;
    clearInterval(beat);
    expect(events).toEqual(['ordinary F124212', 'heavy refused DOCUMENT_TOO_COMPLEX']);
    // The process kept serving (timers fired) while the heavy document was being read elsewhere.
    expect(ticks).toBeGreaterThan(0);
    // The stopped thread was replaced.
    expect((await pool.identify(ordinary())).number).toBe('F124212');
  }, 60_000);

  it('keeps one thread loaded while idle, starts more when documents wait, and stops them once idle again', async () => {
    pool = new DocumentPool({ size: 2, keepWarm: 1, idleMs: 300 });
    await pool.start();
    expect(pool.threads).toBe(1);
    const tasks = () => `${fs.readdirSync('/proc/self/task').length}`;
    const before = Number(tasks());
    const numbers = await Promise.all([pool.identify(ordinary()), pool.identify(ordinary())]);
    expect(numbers.map((n) => n.number)).toEqual(['F124212', 'F124212']);
    expect(pool.threads).toBe(2);
    expect(Number(tasks())).toBeGreaterThan(before);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // The second thread is gone from the process, not only from the pool's list; the warm one stays.
    expect(pool.threads).toBe(1);
    expect(Number(tasks())).toBeLessThanOrEqual(before);
    expect((await pool.identify(ordinary())).number).toBe('F124212');
  }, 60_000);

  it('refuses a document over the memory budget without harming the process', async () => {
    pool = new DocumentPool({ size: 1, maxMemoryMb: 192, timeoutMs: 60_000 });
    const err = await pool.identify(bulky()).catch((e: Error) => e);
    expect(err).toBeInstanceOf(DocumentTooComplexError);
    expect((err as Error).message).toMatch(/192 MB of memory/);
    expect((await pool.identify(ordinary())).number).toBe('F124212');
  }, 60_000);

  it('keeps the typed errors of the invoice core across the thread boundary', async () => {
    pool = new DocumentPool();
    const err = await pool.identify(Buffer.from(deepUbl(60_000))).catch((e: Error) => e);
    expect(err).toBeInstanceOf(XmlError);
    expect([(err as XmlError).code, (err as XmlError).limit]).toEqual(['XML_TOO_DEEP', 64]);
  });

  it('judges a file in a thread exactly as the invoice core does, its lookups answered by this process', async () => {
    pool = new DocumentPool({ size: 1 });
    const asked: string[] = [];
    const platform: PlatformContext = {
      recipients: {
        find: async (identifier) => {
          asked.push(`recipient ${identifier}`);
          return undefined;
        },
      },
      duplicates: {
        exists: async (supplier, year, number) => {
          asked.push(`duplicate ${supplier} ${year} ${number}`);
          return true;
        },
      },
    };
    const inThread = await pool.check(ordinary(), { rules: 'all', platform });
    const lookups = asked.splice(0);
    expect(lookups.length).toBeGreaterThan(0);
    expect(inThread).toEqual(await checkInvoiceFile(ordinary(), { rules: 'all', platform }));
    expect(asked).toEqual(lookups);
  }, 60_000);

  it('moves handed-over bytes to the thread instead of copying them, with the same verdict', async () => {
    pool = new DocumentPool({ size: 1 });
    const kept = await pool.check(ordinary(), { rules: 'en16931' });
    const owned = new Uint8Array(ordinary()); // a buffer of its own (a small Buffer shares Node's pool)
    const moved = await pool.check(owned, { rules: 'en16931' }, { handOver: true });
    expect(owned.byteLength).toBe(0);
    expect(moved).toEqual(kept);
    // A view into a larger buffer (as Node's small-buffer pool gives) is copied and stays readable.
    const bytes = ordinary();
    const larger = new Uint8Array(bytes.byteLength + 16);
    larger.set(bytes, 8);
    const view = larger.subarray(8, 8 + bytes.byteLength);
    expect(await pool.check(view, { rules: 'en16931' }, { handOver: true })).toEqual(kept);
    expect(view.byteLength).toBe(bytes.byteLength);
  }, 60_000);

  it('brings back a model of more lines than asked as its identity only, the verdict unchanged', async () => {
    pool = new DocumentPool({ size: 1 });
    const whole = await pool.check(ordinary(), { rules: 'en16931' });
    const lines = whole.invoice!.lines.length;
    expect(await pool.check(ordinary(), { rules: 'en16931' }, { modelUpTo: lines })).toEqual(whole);
    const small = await pool.check(ordinary(), { rules: 'en16931' }, { modelUpTo: lines - 1 });
    expect(small.invoice).toBeUndefined();
    expect(small.identity).toEqual(identityOf(whole.invoice!, 'ubl'));
    expect(small.findings).toEqual(whole.findings);
    expect(small.valid).toBe(whole.valid);
  }, 60_000);

  it('refuses a file whose check runs over budget', async () => {
    pool = new DocumentPool({ size: 1, checkTimeoutMs: 500 });
    await pool.start();
    const err = await pool.check(heavy(), { rules: 'all' }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(DocumentTooComplexError);
    expect((err as Error).message).toMatch(/500 ms of processing/);
  }, 60_000);
});
