"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const commander_1 = require("commander");
const users_1 = require("../accounts/users");
const db_1 = require("../platform/db");
const boot_1 = require("./boot");
/**
 * `npm run operator -- --email <login>`: makes an existing account an operator (support staff).
 * The person registers and activates the account first, like anyone else, so an operator's password
 * never passes through a command line. `--revoke` withdraws the role.
 */
async function main() {
    const { email, revoke } = new commander_1.Command('operator')
        .requiredOption('--email <email>', 'login email of an existing account')
        .option('--revoke', 'withdraw the operator role instead of granting it', false)
        .parse()
        .opts();
    const { config, logger } = (0, boot_1.boot)();
    const db = (0, db_1.createDb)(config.database);
    try {
        if (!(await (0, users_1.setOperator)(db, email, !revoke))) {
            process.stderr.write(`facturflow: no account uses ${email}; register it first (POST /api/v1/accounts)\n`);
            process.exitCode = 1;
            return;
        }
        logger.info({ email, operator: !revoke }, revoke ? 'operator role withdrawn' : 'operator role granted');
    }
    finally {
        await db.destroy();
    }
}
main().catch((err) => (0, boot_1.fatal)((0, boot_1.boot)().logger, err));
//# sourceMappingURL=operator.js.map