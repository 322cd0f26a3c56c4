"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.raccordementWorkflowId = exports.DEFAULT_REQUIRED_DEPOSITS = void 0;
exports.applicationView = applicationView;
exports.listApplications = listApplications;
exports.listOnboardings = listOnboardings;
exports.applicationFor = applicationFor;
exports.registerApplication = registerApplication;
exports.revokeApplication = revokeApplication;
const node_crypto_1 = __importDefault(require("node:crypto"));
const client_1 = require("@temporalio/client");
const secrets_1 = require("../platform/secrets");
const domain_error_1 = require("../platform/domain-error");
const structures_1 = require("../structures");
const raccordement_1 = require("../workflows/raccordement");
const store_1 = require("./store");
/** Accepted qualification deposits an application needs before an operator may approve production. */
exports.DEFAULT_REQUIRED_DEPOSITS = 3;
/** Operators' list of onboardings shows this many at most. */
const ONBOARDINGS_LISTED = 500;
const raccordementWorkflowId = (applicationId) => `raccordement/${applicationId}`;
exports.raccordementWorkflowId = raccordementWorkflowId;
function applicationView(row) {
    return {
        id: row.id,
        structureId: row.structure_id,
        name: row.name,
        kind: row.kind,
        clientId: row.client_id,
        mode: row.mode,
        acceptedDeposits: Number(row.accepted_deposits),
        rejectedDeposits: Number(row.rejected_deposits),
        requiredDeposits: Number(row.required_deposits),
        createdAt: new Date(row.created_at).toISOString(),
        approvedAt: row.approved_at ? new Date(row.approved_at).toISOString() : undefined,
    };
}
/** The structure's applications, oldest first. */
async function listApplications(db, structureId) {
    return (await (0, store_1.applicationsOfStructure)(db, structureId)).map(applicationView);
}
/** Operators' queue: every application (in one onboarding mode, or all), most recently changed first. */
async function listOnboardings(db, caller, mode) {
    if (!caller.operator)
        throw new domain_error_1.DomainError('OPERATOR_REQUIRED', 'Only operators list every connection.');
    return (await (0, store_1.applicationsByMode)(db, mode, ONBOARDINGS_LISTED)).map(applicationView);
}
/** An application, for a manager of its structure or an operator. */
async function applicationFor(db, caller, applicationId) {
    const row = await (0, store_1.findApplication)(db, applicationId);
    if (!row)
        throw new domain_error_1.DomainError('APPLICATION_NOT_FOUND', 'No such application.', { field: 'params.applicationId' });
    if (!caller.operator)
        await (0, structures_1.authorize)(db, caller, row.structure_id, 'manager');
    return applicationView(row);
}
/**
 * Registers an application of the structure (a connection request): its client credentials, the
 * secret answered once and kept hashed, and its onboarding workflow, which starts in qualification.
 */
async function registerApplication(deps, structureId, createdBy, r) {
    const now = new Date().toISOString();
    const id = `app-${node_crypto_1.default.randomBytes(8).toString('hex')}`;
    const clientSecret = node_crypto_1.default.randomBytes(32).toString('base64url');
    const kind = r.kind ?? 'API';
    const row = {
        id,
        structure_id: structureId,
        name: r.name,
        kind,
        client_id: node_crypto_1.default.randomUUID(),
        secret_hash: (0, secrets_1.hashToken)(clientSecret),
        mode: 'QUALIFICATION',
        accepted_deposits: 0,
        rejected_deposits: 0,
        required_deposits: r.requiredDeposits ?? exports.DEFAULT_REQUIRED_DEPOSITS,
        created_by: createdBy,
        created_at: now,
        updated_at: now,
    };
    await (0, store_1.insertApplication)(deps.db, row);
    await deps.client.workflow.start(raccordement_1.raccordement, {
        workflowId: (0, exports.raccordementWorkflowId)(id),
        taskQueue: deps.taskQueue,
        args: [{ applicationId: id, structureId, kind, requiredDeposits: row.required_deposits }],
        staticSummary: `Connection (${kind}) of application ${r.name} for structure ${structureId}`,
    });
    return { ...applicationView(row), clientSecret };
}
/**
 * A manager withdraws an application (a leaked secret, software no longer used): its tokens stop
 * working at once and an onboarding still running ends.
 */
async function revokeApplication(deps, applicationId) {
    await (0, store_1.revokeApplicationRow)(deps.db, applicationId, new Date().toISOString());
    try {
        await deps.client.workflow
            .getHandle((0, exports.raccordementWorkflowId)(applicationId))
            .terminate('application revoked');
    }
    catch (err) {
        // Already ended (in production): nothing runs any more.
        if (!(err instanceof client_1.WorkflowNotFoundError))
            throw err;
    }
}
//# sourceMappingURL=applications.js.map