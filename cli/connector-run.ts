import { loadConfig } from '../bin/config';
import { createDb } from '../platform/db';
import { openBlobStore } from '../platform/blob-store-config';
import { connectClient } from '../platform/temporal';
import { createConnectorRuntime } from '../connectors/runtime';
import { backfill, BackfillOptions } from '../connectors/backfill';
import { progressBar } from './connector-progress';

/** Runs a backfill against the configured platform (same environment as the worker); exit 1 if records were refused. */
export async function runBackfill(connectionId: string, opts: BackfillOptions): Promise<number> {
  const config = loadConfig();
  const db = createDb(config.database);
  const address = config.temporal.address ?? `localhost:${config.temporal.devServerPort}`;
  const client = await connectClient(config.temporal, address);
  try {
    const summary = await backfill(
      {
        db,
        blobs: await openBlobStore(config.blobs),
        runtime: createConnectorRuntime(config.connectors, config.dataDir),
        client,
        taskQueue: config.temporal.taskQueue,
      },
      connectionId,
      opts,
      progressBar(),
    );
    process.stdout.write(
      `${summary.pages} page(s): ${summary.imported} invoice(s) deposited, ${summary.alreadyKnown} already known, ` +
        `${summary.failed.length} refused, ${summary.statusesPushed} status(es) written back\n`,
    );
    for (const f of summary.failed) process.stdout.write(`  ${f.externalId}: ${f.reason}\n`);
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    await client.connection.close();
    await db.destroy();
  }
}
