"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.resetWorkflowId = exports.activationWorkflowId = void 0;
exports.registerAccount = registerAccount;
exports.resendActivationLink = resendActivationLink;
exports.requestPasswordReset = requestPasswordReset;
exports.activateAccount = activateAccount;
exports.confirmReset = confirmReset;
const node_crypto_1 = __importDefault(require("node:crypto"));
const client_1 = require("@temporalio/client");
const common_1 = require("@temporalio/common");
const secrets_1 = require("../platform/secrets");
const account_1 = require("../workflows/account");
const password_reset_1 = require("../workflows/password-reset");
const domain_error_1 = require("../platform/domain-error");
const store = __importStar(require("./store"));
const users_1 = require("./users");
const french_ids_1 = require("../invoice/platform-rules/french-ids");
/** Portal pages the emailed links open. */
const ACTIVATION_PAGE = '/activation';
const RESET_PAGE = '/mot-de-passe/reinitialisation';
const activationWorkflowId = (email) => `account/${(0, users_1.normalizeEmail)(email)}`;
exports.activationWorkflowId = activationWorkflowId;
const resetWorkflowId = (email) => `account-reset/${(0, users_1.normalizeEmail)(email)}`;
exports.resetWorkflowId = resetWorkflowId;
/**
 * Creates the pending account and starts its activation workflow, which emails the link. An email
 * that already has an account gets the same answer, so the endpoint tells nobody who is registered;
 * that account's owner is emailed instead (a new activation link, or a password reset link).
 */
async function registerAccount(deps, r, now = new Date()) {
    const row = {
        id: node_crypto_1.default.randomUUID(),
        email: (0, users_1.normalizeEmail)(r.email),
        first_name: r.firstName.trim(),
        last_name: r.lastName.trim(),
        phone: r.phone ?? null,
        contact_email: (0, users_1.normalizeEmail)(r.contactEmail ?? r.email),
        siret: r.siret ? (0, french_ids_1.digitsOnly)(r.siret) : null,
        status: 'PENDING',
        operator: false,
        terms_accepted_at: now.toISOString(),
        created_at: now.toISOString(),
    };
    const { id: _id, ...answer } = (0, users_1.toAccount)(row);
    if (await (0, users_1.findUserByEmail)(deps.db, row.email)) {
        await remindOwner(deps, row.email);
        return answer;
    }
    try {
        await store.insertUser(deps.db, row);
    }
    catch (err) {
        // A registration of the same email in parallel won the unique index.
        if (!(await (0, users_1.findUserByEmail)(deps.db, row.email)))
            throw err;
        await remindOwner(deps, row.email);
        return answer;
    }
    try {
        await deps.client.workflow.start(account_1.accountActivation, {
            workflowId: (0, exports.activationWorkflowId)(row.email),
            taskQueue: deps.taskQueue,
            args: [linkInput(deps, row, ACTIVATION_PAGE)],
        });
    }
    catch (err) {
        // No workflow, no link: the pending row would only block the email, so it goes too.
        await store.deleteUser(deps.db, row.id);
        throw err;
    }
    return answer;
}
/** Someone registered an email that has an account: its owner gets the link that helps them on. */
async function remindOwner(deps, email) {
    await resendActivationLink(deps, email);
    await requestPasswordReset(deps, email);
}
/** Sends a new activation link to a pending account (a new workflow run if the last one expired). */
async function resendActivationLink(deps, email) {
    const user = await (0, users_1.findUserByEmail)(deps.db, email);
    if (user?.status !== 'PENDING')
        return;
    await deps.client.workflow.signalWithStart(account_1.accountActivation, {
        workflowId: (0, exports.activationWorkflowId)(user.email),
        taskQueue: deps.taskQueue,
        args: [linkInput(deps, user, ACTIVATION_PAGE)],
        signal: account_1.resendActivation,
        signalArgs: [],
    });
}
/** Emails a reset link to an active account; asked again while one is pending, a new link replaces it. */
async function requestPasswordReset(deps, email) {
    const user = await (0, users_1.findUserByEmail)(deps.db, email);
    if (user?.status !== 'ACTIVE')
        return;
    await deps.client.workflow.signalWithStart(password_reset_1.passwordReset, {
        workflowId: (0, exports.resetWorkflowId)(user.email),
        taskQueue: deps.taskQueue,
        args: [linkInput(deps, user, RESET_PAGE)],
        signal: password_reset_1.resendPasswordReset,
        signalArgs: [],
    });
}
/** Activates an account through its emailed link, setting its password. */
async function activateAccount(deps, a) {
    const handle = deps.client.workflow.getHandle((0, exports.activationWorkflowId)(a.email));
    await useLink(deps, a, 'PENDING', (use) => handle.executeUpdate(account_1.activate, { args: [use] }));
}
/** Sets a new password through an emailed reset link. */
async function confirmReset(deps, a) {
    const handle = deps.client.workflow.getHandle((0, exports.resetWorkflowId)(a.email));
    await useLink(deps, a, 'ACTIVE', (use) => handle.executeUpdate(password_reset_1.confirmPasswordReset, { args: [use] }));
}
/**
 * The password is checked and hashed here, and the token hashed, before the workflow sees them:
 * update arguments are kept in workflow history, which gets the token hash only; the password hash
 * waits with the link in the database until the workflow uses it.
 */
async function useLink(deps, a, expectedStatus, update) {
    const user = await (0, users_1.findUserByEmail)(deps.db, a.email);
    const invalid = () => new domain_error_1.DomainError('TOKEN_INVALID', 'This link is not valid.', { field: 'body.token' });
    if (user?.status !== expectedStatus)
        throw invalid();
    const weak = (0, secrets_1.passwordProblem)(a.password);
    if (weak)
        throw new domain_error_1.DomainError('PASSWORD_WEAK', weak, { field: 'body.password' });
    try {
        const tokenHash = (0, secrets_1.hashToken)(a.token);
        await store.keepPendingPassword(deps.db, tokenHash, await (0, secrets_1.hashPassword)(a.password));
        await update({ tokenHash });
    }
    catch (err) {
        const failure = err instanceof client_1.WorkflowUpdateFailedError ? err.cause : undefined;
        if (failure instanceof common_1.ApplicationFailure && failure.type === 'LINK_EXPIRED')
            throw new domain_error_1.DomainError('LINK_EXPIRED', failure.message, { field: 'body.token' });
        if (failure instanceof common_1.ApplicationFailure && failure.type === 'TOKEN_INVALID')
            throw invalid();
        // The workflow has ended: its link lapsed (the account is still waiting), or was never sent.
        if (err instanceof client_1.WorkflowNotFoundError)
            throw new domain_error_1.DomainError('LINK_EXPIRED', 'This link has expired; ask for a new one.', {
                field: 'body.token',
            });
        throw err;
    }
}
function linkInput(deps, user, page) {
    return {
        userId: user.id,
        email: user.email,
        firstName: user.first_name,
        sendTo: user.contact_email,
        linkUrl: `${deps.publicUrl}${page}`,
    };
}
//# sourceMappingURL=registration.js.map