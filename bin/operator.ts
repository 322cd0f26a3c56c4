import { Command } from 'commander';
import { setOperator } from '../accounts/users';
import { createDb } from '../platform/db';
import { boot, fatal } from './boot';

/**
 * `npm run operator -- --email <login>`: makes an existing account an operator (support staff).
 * The person registers and activates the account first, like anyone else, so an operator's password
 * never passes through a command line. `--revoke` withdraws the role.
 */
async function main() {
  const { email, revoke } = new Command('operator')
    .requiredOption('--email <email>', 'login email of an existing account')
    .option('--revoke', 'withdraw the operator role instead of granting it', false)
    .parse()
    .opts<{ email: string; revoke: boolean }>();
  const { config, logger } = boot();
  const db = createDb(config.database);
  try {
    if (!(await setOperator(db, email, !revoke))) {
      process.stderr.write(
        `facturflow: no account uses ${email}; register it first (POST /api/v1/accounts)\n`,
      );
      process.exitCode = 1;
      return;
    }
    logger.info({ email, operator: !revoke }, revoke ? 'operator role withdrawn' : 'operator role granted');
  } finally {
    await db.destroy();
  }
}

main().catch((err) => fatal(boot().logger, err));
