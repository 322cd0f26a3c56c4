import crypto from 'node:crypto';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Db } from '../platform/db';
import { hashToken } from '../platform/secrets';
import { DomainError } from '../platform/domain-error';
import type { Caller } from '../accounts';
import { authorize } from '../structures';
import { raccordement } from '../workflows/raccordement';
import {
  applicationsByMode,
  applicationsOfStructure,
  findApplication,
  insertApplication,
  revokeApplicationRow,
  type ApplicationRow,
} from './store';
import type { ApplicationKind, ApplicationView } from './types';

/** Accepted qualification deposits an application needs before an operator may approve production. */
export const DEFAULT_REQUIRED_DEPOSITS = 3;
/** Operators' list of onboardings shows this many at most. */
const ONBOARDINGS_LISTED = 500;

export interface ApplicationDeps {
  db: Db;
  client: Client;
  taskQueue: string;
}

export const raccordementWorkflowId = (applicationId: string) => `raccordement/${applicationId}`;

export function applicationView(row: ApplicationRow): ApplicationView {
  return {
    id: row.id,
    structureId: row.structure_id,
    name: row.name,
    kind: row.kind as ApplicationKind,
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
export async function listApplications(db: Db, structureId: string): Promise<ApplicationView[]> {
  return (await applicationsOfStructure(db, structureId)).map(applicationView);
}

/** Operators' queue: every application (in one onboarding mode, or all), most recently changed first. */
export async function listOnboardings(db: Db, caller: Caller, mode?: string): Promise<ApplicationView[]> {
  if (!caller.operator) throw new DomainError('OPERATOR_REQUIRED', 'Only operators list every connection.');
  return (await applicationsByMode(db, mode, ONBOARDINGS_LISTED)).map(applicationView);
}

/** An application, for a manager of its structure or an operator. */
export async function applicationFor(
  db: Db,
  caller: Caller,
  applicationId: string,
): Promise<ApplicationView> {
  const row = await findApplication(db, applicationId);
  if (!row)
    throw new DomainError('APPLICATION_NOT_FOUND', 'No such application.', { field: 'params.applicationId' });
  if (!caller.operator) await authorize(db, caller, row.structure_id, 'manager');
  return applicationView(row);
}

/**
 * Registers an application of the structure (a connection request): its client credentials, the
 * secret answered once and kept hashed, and its onboarding workflow, which starts in qualification.
 */
export async function registerApplication(
  deps: ApplicationDeps,
  structureId: string,
  createdBy: string,
  r: { name: string; kind?: ApplicationKind; requiredDeposits?: number },
): Promise<ApplicationView & { clientSecret: string }> {
  const now = new Date().toISOString();
  const id = `app-${crypto.randomBytes(8).toString('hex')}`;
  const clientSecret = crypto.randomBytes(32).toString('base64url');
  const kind = r.kind ?? 'API';
  const row: ApplicationRow = {
    id,
    structure_id: structureId,
    name: r.name,
    kind,
    client_id: crypto.randomUUID(),
    secret_hash: hashToken(clientSecret),
    mode: 'QUALIFICATION',
    accepted_deposits: 0,
    rejected_deposits: 0,
    required_deposits: r.requiredDeposits ?? DEFAULT_REQUIRED_DEPOSITS,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  };
  await insertApplication(deps.db, row);
  await deps.client.workflow.start(raccordement, {
    workflowId: raccordementWorkflowId(id),
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
export async function revokeApplication(deps: ApplicationDeps, applicationId: string): Promise<void> {
  await revokeApplicationRow(deps.db, applicationId, new Date().toISOString());
  try {
    await deps.client.workflow
      .getHandle(raccordementWorkflowId(applicationId))
      .terminate('application revoked');
  } catch (err) {
    // Already ended (in production): nothing runs any more.
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
}
