import { setCursor } from './store';
import { pushStatuses, syncPage, SyncDeps } from './sync';
import type { PageOutcome } from './types';

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

/** Told where a backfill stands: the current page and how far through its invoices. */
export interface BackfillProgress {
  update(page: number, done: number, total: number): void;
  stop(): void;
}

const silent: BackfillProgress = { update() {}, stop() {} };

/**
 * The scheduled sync's work, run page by page in the calling process (`facturflow connector sync`).
 * The cursor is stored after every page, so an interrupted backfill run again goes on from the page
 * it stopped in, and what was already deposited is recognised, not deposited twice.
 */
export async function backfill(
  deps: SyncDeps,
  connectionId: string,
  opts: BackfillOptions,
  progress: BackfillProgress = silent,
): Promise<BackfillSummary> {
  if (opts.restart) await setCursor(deps.db, connectionId, null);
  const summary: BackfillSummary = { pages: 0, imported: 0, alreadyKnown: 0, failed: [], statusesPushed: 0 };
  try {
    for (let more = true; more;) {
      const page = await syncPage(deps, connectionId, {
        since: opts.since,
        onRecord: (done, total) => progress.update(summary.pages + 1, done, total),
      });
      summary.pages += 1;
      summary.imported += page.imported;
      summary.alreadyKnown += page.alreadyKnown;
      summary.failed.push(...page.failed);
      more = page.more;
    }
    summary.statusesPushed = await pushStatuses(deps, connectionId);
  } finally {
    progress.stop();
  }
  return summary;
}
