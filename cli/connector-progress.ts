import { SingleBar, Presets } from 'cli-progress';
import type { BackfillProgress } from '../connectors/backfill';

/** A bar on stderr when it is a terminal: the current page and how far through its invoices. */
export function progressBar(): BackfillProgress {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'page {page} {bar} {value}/{total} invoices',
      clearOnComplete: true,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(page, done, total) {
      if (!started) bar.start(total, done, { page });
      started = true;
      bar.setTotal(total);
      bar.update(done, { page });
    },
    stop: () => started && bar.stop(),
  };
}
