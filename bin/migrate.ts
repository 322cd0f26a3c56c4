import { createDb, migrate } from '../platform/db';
import { boot, fatal } from './boot';

const { config, logger } = boot();
const db = createDb(config.database);
migrate(db)
  .then((applied) => {
    logger.info(
      { applied },
      applied.length ? `applied ${applied.length} migration(s)` : 'database schema up to date',
    );
    return db.destroy();
  })
  .catch((err) => fatal(logger, err));
