"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.onboardingState = onboardingState;
exports.withOnboarding = withOnboarding;
exports.requireScenarioOperator = requireScenarioOperator;
exports.setQualificationScenario = setQualificationScenario;
exports.approveApplication = approveApplication;
exports.recordOnboarding = recordOnboarding;
const client_1 = require("@temporalio/client");
const common_1 = require("@temporalio/common");
const domain_error_1 = require("../platform/domain-error");
const structures_1 = require("../structures");
const raccordement_1 = require("../workflows/raccordement");
const applications_1 = require("./applications");
const notices_1 = require("./notices");
const store_1 = require("./store");
/** The onboarding state as the workflow holds it (the table follows it a moment later). */
async function onboardingState(deps, applicationId) {
    return deps.client.workflow.getHandle((0, applications_1.raccordementWorkflowId)(applicationId)).query(raccordement_1.raccordementState);
}
/**
 * An application with its onboarding workflow's state; its counts are the workflow's, which the table
 * follows only a moment later (an answer to a scenario change shows the new scenario).
 */
async function withOnboarding(deps, app) {
    const raccordement = await onboardingState(deps, app.id);
    const { acceptedDeposits, rejectedDeposits, requiredDeposits } = raccordement;
    return { ...app, acceptedDeposits, rejectedDeposits, requiredDeposits, raccordement };
}
/** Only operators change a qualification scenario (checked before the scenario itself is read). */
function requireScenarioOperator(caller) {
    if (!caller.operator)
        throw new domain_error_1.DomainError('OPERATOR_REQUIRED', 'Only operators set the qualification scenario.');
}
/** An operator sets the number of accepted deposits an application's qualification needs. */
async function setQualificationScenario(deps, caller, app, requiredDeposits) {
    requireScenarioOperator(caller);
    if (app.mode !== 'QUALIFICATION')
        throw new domain_error_1.DomainError('NOT_IN_QUALIFICATION', 'Only an application in qualification has a scenario to change.');
    await deps.client.workflow
        .getHandle((0, applications_1.raccordementWorkflowId)(app.id))
        .signal(raccordement_1.setRequiredDeposits, requiredDeposits);
}
/** An operator approves production once the qualification scenario has passed. */
async function approveApplication(deps, caller, app) {
    if (app.mode === 'REVOKED')
        throw new domain_error_1.DomainError('APPLICATION_REVOKED', 'This application was revoked.');
    try {
        return await deps.client.workflow
            .getHandle((0, applications_1.raccordementWorkflowId)(app.id))
            .executeUpdate(raccordement_1.approveProduction, { args: [{ userId: caller.userId, operator: caller.operator }] });
    }
    catch (err) {
        const cause = err instanceof client_1.WorkflowUpdateFailedError ? err.cause : undefined;
        if (cause instanceof common_1.ApplicationFailure && cause.type === 'OperatorRequired')
            throw new domain_error_1.DomainError('OPERATOR_REQUIRED', cause.message);
        if (cause instanceof common_1.ApplicationFailure && cause.type === 'NotQualified')
            throw new domain_error_1.DomainError('NOT_QUALIFIED', cause.message);
        throw err;
    }
}
const operatorTaskId = (applicationId) => `raccordement/${applicationId}`;
/**
 * Files the onboarding state the workflow reached, as managers and operators list it. On reaching
 * QUALIFIEE the managers are told and the operators' queue gets a task; on PRODUCTION the task is
 * resolved and the managers told. Emails go before the row changes, keyed by status, so a retry
 * sends nothing twice.
 */
async function recordOnboarding(deps, r) {
    const { db } = deps;
    const now = new Date().toISOString();
    const app = await (0, store_1.findApplication)(db, r.applicationId);
    if (!app || app.mode === 'REVOKED')
        return;
    if (app.mode !== r.status && (r.status === 'QUALIFIEE' || r.status === 'PRODUCTION')) {
        await (0, notices_1.tellManagersOfOnboarding)(deps, app, r.status);
        if (r.status === 'QUALIFIEE')
            await (0, structures_1.openOperatorTask)(db, {
                id: operatorTaskId(r.applicationId),
                kind: 'RACCORDEMENT',
                subjectId: r.applicationId,
                structureId: app.structure_id,
                summary: `Application ${app.name} has passed its qualification scenario and awaits approval for production`,
                createdAt: now,
            });
        else
            await (0, structures_1.resolveOperatorTask)(db, operatorTaskId(r.applicationId), now);
    }
    await (0, store_1.updateOnboarding)(db, r.applicationId, {
        mode: r.status,
        accepted_deposits: r.acceptedDeposits,
        rejected_deposits: r.rejectedDeposits,
        ...(r.requiredDeposits !== undefined && { required_deposits: r.requiredDeposits }),
        updated_at: now,
        ...(r.status === 'PRODUCTION' && { approved_by: r.approvedBy ?? null, approved_at: now }),
    });
}
//# sourceMappingURL=onboarding.js.map