"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const db_1 = require("../platform/db");
const boot_1 = require("./boot");
const { config, logger } = (0, boot_1.boot)();
const db = (0, db_1.createDb)(config.database);
(0, db_1.migrate)(db)
    .then((applied) => {
    logger.info({ applied }, applied.length ? `applied ${applied.length} migration(s)` : 'database schema up to date');
    return db.destroy();
})
    .catch((err) => (0, boot_1.fatal)(logger, err));
//# sourceMappingURL=migrate.js.map