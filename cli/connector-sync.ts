import { SingleBar, Presets } from 'cli-progress';
import { PageOutcome, pushStatuses, syncPage, SyncDeps } from '../connectors/sync';

export interface BackfillOptions {
  /** Where a connection without a cursor starts (ISO date); connectors that list by date use it. */
  since?: string;
  /** Forget the stored cursor first, to read the ERP again from `since` (or from its beginning). */
  restart?: boolean;
}

export interface BackfillSummary {
  pages: number;
  imported: number;
  alreadyKnown: number;
  failed: PageOutcome['failed'];
  statusesPushed: number;
}

/**
 * `facturflow connector sync`: the scheduled sync's work, run page by page in this process with a
 * progress bar. The cursor is stored after every page, so an interrupted backfill run again goes on
 * from the page it stopped in, and what was already deposited is recognised, not deposited twice.
 */
export async function backfill(
  deps: SyncDeps,
  connectionId: string,
  opts: BackfillOptions,
  bar = progressBar(),
): Promise<BackfillSummary> {
  if (opts.restart) await deps.db('connections').where({ id: connectionId }).update({ cursor: null });
  const summary: BackfillSummary = { pages: 0, imported: 0, alreadyKnown: 0, failed: [], statusesPushed: 0 };
  try {
    for (let more = true; more;) {
      const page = await syncPage(deps, connectionId, {
        since: opts.since,
        onRecord: (done, total) => bar.update(summary.pages + 1, done, total),
      });
      summary.pages += 1;
      summary.imported += page.imported;
      summary.alreadyKnown += page.alreadyKnown;
      summary.failed.push(...page.failed);
      more = page.more;
    }
    summary.statusesPushed = await pushStatuses(deps, connectionId);
  } finally {
    bar.stop();
  }
  return summary;
}

export interface BackfillProgress {
  update(page: number, done: number, total: number): void;
  stop(): void;
}

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
