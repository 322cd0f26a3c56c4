import { createDb, migrate } from '../platform/db';
import { importRegistryCsv } from '../structures/import-registry';
import { boot, fatal } from './boot';

/** `npm run import:registry -- file.csv`: loads the platform's company directory; progress on stderr. */
async function main() {
  const { config, logger } = boot();
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: npm run import:registry -- <file.csv>\n');
    process.exit(2);
  }
  const db = createDb(config.database);
  await migrate(db);
  const report = await importRegistryCsv(db, file, (n) => process.stderr.write(`\rimported ${n} rows`));
  process.stderr.write('\n');
  for (const s of report.skipped.slice(0, 20)) process.stderr.write(`line ${s.line} skipped: ${s.reason}\n`);
  logger.info({ imported: report.imported, skipped: report.skipped.length }, 'company registry imported');
  await db.destroy();
}

main().catch((err) => fatal(boot().logger, err));
