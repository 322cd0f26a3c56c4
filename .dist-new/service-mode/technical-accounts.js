"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.reminderWorkflowId = exports.REMINDER_DAYS_BEFORE = exports.PASSWORD_VALIDITY_DAYS = void 0;
exports.setTechnicalAccount = setTechnicalAccount;
exports.getTechnicalAccount = getTechnicalAccount;
exports.technicalAccountView = technicalAccountView;
const node_crypto_1 = __importDefault(require("node:crypto"));
const common_1 = require("@temporalio/common");
const secrets_1 = require("../platform/secrets");
const domain_error_1 = require("../platform/domain-error");
const accounts_1 = require("../accounts");
const structures_1 = require("../structures");
const technical_account_1 = require("../workflows/technical-account");
const store_1 = require("./store");
/** A technical account's password is valid this long after it was set (the platform's rule). */
exports.PASSWORD_VALIDITY_DAYS = 424;
/** Reminder emails go to the main managers this many days before the password expires. */
exports.REMINDER_DAYS_BEFORE = [15, 1];
const DAY = 86_400_000;
const reminderWorkflowId = (structureId) => `technical-account/${structureId}`;
exports.reminderWorkflowId = reminderWorkflowId;
/**
 * Creates the structure's technical account, or sets a new password on it (a reset). The password
 * is the one chosen, or else generated and answered once. Each setting starts the 424 days again,
 * and a new run of the reminder workflow replaces the previous one.
 */
async function setTechnicalAccount(deps, structureId, setBy, chosen, now = new Date()) {
    if (chosen !== undefined) {
        const problem = (0, secrets_1.passwordProblem)(chosen);
        if (problem)
            throw new domain_error_1.DomainError('PASSWORD_WEAK', problem, { field: 'body.password' });
    }
    const password = chosen ?? generatedPassword();
    const setting = {
        password_hash: await (0, secrets_1.hashPassword)(password),
        password_set_at: now.toISOString(),
        password_expires_at: new Date(now.getTime() + exports.PASSWORD_VALIDITY_DAYS * DAY).toISOString(),
        set_by: setBy,
    };
    const existing = await (0, store_1.findTechnicalAccount)(deps.db, structureId);
    const login = existing?.login ?? newLogin(deps.publicUrl);
    if (existing)
        await (0, store_1.updateTechnicalAccountPassword)(deps.db, structureId, setting);
    else
        await createTechnicalAccount(deps.db, structureId, login, setting);
    await deps.client.workflow.start(technical_account_1.technicalAccountReminders, {
        workflowId: (0, exports.reminderWorkflowId)(structureId),
        taskQueue: deps.taskQueue,
        args: [
            { structureId, login, expiresAt: setting.password_expires_at, remindDaysBefore: exports.REMINDER_DAYS_BEFORE },
        ],
        workflowIdConflictPolicy: common_1.WorkflowIdConflictPolicy.TERMINATE_EXISTING,
        staticSummary: `Password reminders of technical account ${login}`,
    });
    return {
        login,
        passwordSetAt: setting.password_set_at,
        passwordExpiresAt: setting.password_expires_at,
        expired: false,
        ...(chosen === undefined && { password }),
    };
}
/** The account's user, its membership and the account itself, all or none. */
async function createTechnicalAccount(db, structureId, login, setting) {
    const userId = node_crypto_1.default.randomUUID();
    const at = setting.password_set_at;
    await (0, store_1.inTransaction)(db, async (trx) => {
        await (0, accounts_1.insertTechnicalUser)(trx, { id: userId, login, at });
        // A plain member of the whole structure: the shared services judge it as any member.
        await (0, structures_1.addTechnicalMember)(trx, structureId, userId, at);
        await (0, store_1.insertTechnicalAccount)(trx, {
            structure_id: structureId,
            user_id: userId,
            login,
            ...setting,
            created_at: at,
        });
    });
}
/** The structure's technical account (managers see its login and password expiry). */
async function getTechnicalAccount(db, structureId) {
    const row = await (0, store_1.findTechnicalAccount)(db, structureId);
    if (!row)
        throw new domain_error_1.DomainError('TECHNICAL_ACCOUNT_NOT_FOUND', 'This structure has no technical account yet.');
    return technicalAccountView(row);
}
function technicalAccountView(row, now = Date.now()) {
    const expiresAt = new Date(row.password_expires_at).toISOString();
    return {
        login: row.login,
        passwordSetAt: new Date(row.password_set_at).toISOString(),
        passwordExpiresAt: expiresAt,
        expired: Date.parse(expiresAt) <= now,
    };
}
function newLogin(publicUrl) {
    return `TECH_1_${node_crypto_1.default.randomBytes(6).toString('hex').toUpperCase()}@${loginDomain(publicUrl)}`;
}
function generatedPassword() {
    // 24 characters from four classes, as password policies of client software often ask.
    const base = node_crypto_1.default.randomBytes(18).toString('base64url');
    return `${base}Aa1!`;
}
function loginDomain(publicUrl) {
    try {
        return new URL(publicUrl).hostname || 'facturflow.local';
    }
    catch {
        return 'facturflow.local';
    }
}
//# sourceMappingURL=technical-accounts.js.map