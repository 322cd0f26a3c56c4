import type { Command } from 'commander';

/** `facturflow connector sync <connectionId> [--since DATE] [--restart]`, added to the program. */
export function addConnectorCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('connector')
    .description('ERP connections')
    .command('sync')
    .description(
      "pull a connection's ERP invoices now (a backfill); run it again to resume after an interruption",
    )
    .argument(
      '<connectionId>',
      'the connection id (Applications page or GET /api/v1/structures/{id}/connections)',
    )
    .option('--since <date>', 'for a connection never synced: start from this date (YYYY-MM-DD)')
    .option('--restart', 'forget where the last sync stopped and read the ERP again from --since', false)
    .action(async (connectionId: string, opts: { since?: string; restart: boolean }) => {
      if (opts.since && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since))
        throw new Error('--since must be a date, YYYY-MM-DD');
      // Loaded on use: the database and Temporal clients would slow every other command's start.
      const { runBackfill } = await import('./connector-run');
      setExitCode(await runBackfill(connectionId, opts));
    });
}
