import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { DomainError } from '../platform/domain-error';
import type { Caller } from '../accounts';
import { openOperatorTask, resolveOperatorTask } from '../structures';
import { approveProduction, raccordementState, setRequiredDeposits } from '../workflows/raccordement';
import { raccordementWorkflowId, type ApplicationDeps } from './applications';
import { tellManagersOfOnboarding } from './notices';
import { findApplication, updateOnboarding } from './store';
import type { ApplicationView, RaccordementRecord, RaccordementState } from './types';

/** The onboarding state as the workflow holds it (the table follows it a moment later). */
export async function onboardingState(
  deps: ApplicationDeps,
  applicationId: string,
): Promise<RaccordementState> {
  return deps.client.workflow.getHandle(raccordementWorkflowId(applicationId)).query(raccordementState);
}

/**
 * An application with its onboarding workflow's state; its counts are the workflow's, which the table
 * follows only a moment later (an answer to a scenario change shows the new scenario).
 */
export async function withOnboarding(deps: ApplicationDeps, app: ApplicationView) {
  const raccordement = await onboardingState(deps, app.id);
  const { acceptedDeposits, rejectedDeposits, requiredDeposits } = raccordement;
  return { ...app, acceptedDeposits, rejectedDeposits, requiredDeposits, raccordement };
}

/** Only operators change a qualification scenario (checked before the scenario itself is read). */
export function requireScenarioOperator(caller: Caller): void {
  if (!caller.operator)
    throw new DomainError('OPERATOR_REQUIRED', 'Only operators set the qualification scenario.');
}

/** An operator sets the number of accepted deposits an application's qualification needs. */
export async function setQualificationScenario(
  deps: ApplicationDeps,
  caller: Caller,
  app: ApplicationView,
  requiredDeposits: number,
): Promise<void> {
  requireScenarioOperator(caller);
  if (app.mode !== 'QUALIFICATION')
    throw new DomainError(
      'NOT_IN_QUALIFICATION',
      'Only an application in qualification has a scenario to change.',
    );
  await deps.client.workflow
    .getHandle(raccordementWorkflowId(app.id))
    .signal(setRequiredDeposits, requiredDeposits);
}

/** An operator approves production once the qualification scenario has passed. */
export async function approveApplication(
  deps: ApplicationDeps,
  caller: Caller,
  app: ApplicationView,
): Promise<RaccordementState> {
  if (app.mode === 'REVOKED') throw new DomainError('APPLICATION_REVOKED', 'This application was revoked.');
  try {
    return await deps.client.workflow
      .getHandle(raccordementWorkflowId(app.id))
      .executeUpdate(approveProduction, { args: [{ userId: caller.userId, operator: caller.operator }] });
  } catch (err) {
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type === 'OperatorRequired')
      throw new DomainError('OPERATOR_REQUIRED', cause.message);
    if (cause instanceof ApplicationFailure && cause.type === 'NotQualified')
      throw new DomainError('NOT_QUALIFIED', cause.message);
    throw err;
  }
}

const operatorTaskId = (applicationId: string) => `raccordement/${applicationId}`;

/**
 * Files the onboarding state the workflow reached, as managers and operators list it. On reaching
 * QUALIFIEE the managers are told and the operators' queue gets a task; on PRODUCTION the task is
 * resolved and the managers told. Emails go before the row changes, keyed by status, so a retry
 * sends nothing twice.
 */
export async function recordOnboarding(
  deps: { db: Db; mailer: Mailer },
  r: RaccordementRecord,
): Promise<void> {
  const { db } = deps;
  const now = new Date().toISOString();
  const app = await findApplication(db, r.applicationId);
  if (!app || app.mode === 'REVOKED') return;
  if (app.mode !== r.status && (r.status === 'QUALIFIEE' || r.status === 'PRODUCTION')) {
    await tellManagersOfOnboarding(deps, app, r.status);
    if (r.status === 'QUALIFIEE')
      await openOperatorTask(db, {
        id: operatorTaskId(r.applicationId),
        kind: 'RACCORDEMENT',
        subjectId: r.applicationId,
        structureId: app.structure_id,
        summary: `Application ${app.name} has passed its qualification scenario and awaits approval for production`,
        createdAt: now,
      });
    else await resolveOperatorTask(db, operatorTaskId(r.applicationId), now);
  }
  await updateOnboarding(db, r.applicationId, {
    mode: r.status,
    accepted_deposits: r.acceptedDeposits,
    rejected_deposits: r.rejectedDeposits,
    ...(r.requiredDeposits !== undefined && { required_deposits: r.requiredDeposits }),
    updated_at: now,
    ...(r.status === 'PRODUCTION' && { approved_by: r.approvedBy ?? null, approved_at: now }),
  });
}
