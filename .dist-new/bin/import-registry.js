"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const db_1 = require("../platform/db");
const import_registry_1 = require("../structures/import-registry");
const boot_1 = require("./boot");
/** `npm run import:registry -- file.csv`: loads the platform's company directory; progress on stderr. */
async function main() {
    const { config, logger } = (0, boot_1.boot)();
    const file = process.argv[2];
    if (!file) {
        process.stderr.write('usage: npm run import:registry -- <file.csv>\n');
        process.exit(2);
    }
    const db = (0, db_1.createDb)(config.database);
    await (0, db_1.migrate)(db);
    const report = await (0, import_registry_1.importRegistryCsv)(db, file, (n) => process.stderr.write(`\rimported ${n} rows`));
    process.stderr.write('\n');
    for (const s of report.skipped.slice(0, 20))
        process.stderr.write(`line ${s.line} skipped: ${s.reason}\n`);
    logger.info({ imported: report.imported, skipped: report.skipped.length }, 'company registry imported');
    await db.destroy();
}
main().catch((err) => (0, boot_1.fatal)((0, boot_1.boot)().logger, err));
//# sourceMappingURL=import-registry.js.map