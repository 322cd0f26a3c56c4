import crypto from 'node:crypto';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../platform/db';
import { hashToken } from '../platform/secrets';
import { DomainError } from '../platform/domain-error';
import {
  approveProduction,
  raccordement,
  raccordementState,
  setRequiredDeposits,
  type RaccordementState,
} from '../workflows/raccordement';

/** Accepted qualification deposits an application needs before an operator may approve production. */
export const DEFAULT_REQUIRED_DEPOSITS = 3;
/** Lifetime of an access token, as the State platform's OAuth server gives them. */
export const TOKEN_LIFETIME_SECONDS = 3600;
/** Scopes a token may be asked for (PISTE clients ask `openid`); the default is `openid`. */
export const SCOPES = ['openid', 'cpro'];

export interface ApplicationDeps {
  db: Db;
  client: Client;
  taskQueue: string;
}

export const raccordementWorkflowId = (applicationId: string) => `raccordement/${applicationId}`;

export interface ApplicationView {
  id: string;
  structureId: string;
  name: string;
  kind: 'API' | 'EDI';
  clientId: string;
  mode: string;
  acceptedDeposits: number;
  rejectedDeposits: number;
  requiredDeposits: number;
  createdAt: string;
  approvedAt?: string;
}

export function applicationView(row: Record<string, unknown>): ApplicationView {
  return {
    id: row.id as string,
    structureId: row.structure_id as string,
    name: row.name as string,
    kind: row.kind as 'API' | 'EDI',
    clientId: row.client_id as string,
    mode: row.mode as string,
    acceptedDeposits: Number(row.accepted_deposits),
    rejectedDeposits: Number(row.rejected_deposits),
    requiredDeposits: Number(row.required_deposits),
    createdAt: new Date(row.created_at as string).toISOString(),
    approvedAt: row.approved_at ? new Date(row.approved_at as string).toISOString() : undefined,
  };
}

/**
 * Registers an application of the structure (a connection request): its client credentials, the
 * secret answered once and kept hashed, and its onboarding workflow, which starts in qualification.
 */
export async function registerApplication(
  deps: ApplicationDeps,
  structureId: string,
  createdBy: string,
  r: { name: string; kind?: 'API' | 'EDI'; requiredDeposits?: number },
): Promise<ApplicationView & { clientSecret: string }> {
  const now = new Date().toISOString();
  const id = `app-${crypto.randomBytes(8).toString('hex')}`;
  const clientSecret = crypto.randomBytes(32).toString('base64url');
  const row = {
    id,
    structure_id: structureId,
    name: r.name,
    kind: r.kind ?? 'API',
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
  await deps.db('api_applications').insert(row);
  await deps.client.workflow.start(raccordement, {
    workflowId: raccordementWorkflowId(id),
    taskQueue: deps.taskQueue,
    args: [{ applicationId: id, structureId, kind: row.kind, requiredDeposits: row.required_deposits }],
    staticSummary: `Connection (${row.kind}) of application ${r.name} for structure ${structureId}`,
  });
  return { ...applicationView(row), clientSecret };
}

/** The onboarding state as the workflow holds it (the table follows it a moment later). */
export async function onboardingState(
  deps: ApplicationDeps,
  applicationId: string,
): Promise<RaccordementState> {
  return deps.client.workflow.getHandle(raccordementWorkflowId(applicationId)).query(raccordementState);
}

/** An operator sets the number of accepted deposits an application's qualification needs. */
export async function setQualificationScenario(
  deps: ApplicationDeps,
  applicationId: string,
  requiredDeposits: number,
): Promise<void> {
  const row = await deps.db('api_applications').where({ id: applicationId }).first('mode');
  if (row?.mode !== 'QUALIFICATION')
    throw new DomainError(
      'NOT_IN_QUALIFICATION',
      'Only an application in qualification has a scenario to change.',
    );
  await deps.client.workflow
    .getHandle(raccordementWorkflowId(applicationId))
    .signal(setRequiredDeposits, requiredDeposits);
}

/** An operator approves production once the qualification scenario has passed. */
export async function approveApplication(
  deps: ApplicationDeps,
  applicationId: string,
  caller: { userId: string; operator: boolean },
): Promise<RaccordementState> {
  try {
    return await deps.client.workflow
      .getHandle(raccordementWorkflowId(applicationId))
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

/**
 * A manager withdraws an application (a leaked secret, software no longer used): its tokens stop
 * working at once and an onboarding still running ends.
 */
export async function revokeApplication(deps: ApplicationDeps, applicationId: string): Promise<void> {
  const now = new Date().toISOString();
  await deps.db.transaction(async (trx) => {
    await trx('api_applications').where({ id: applicationId }).update({ mode: 'REVOKED', updated_at: now });
    await trx('oauth_tokens').where({ application_id: applicationId }).delete();
  });
  try {
    await deps.client.workflow
      .getHandle(raccordementWorkflowId(applicationId))
      .terminate('application revoked');
  } catch (err) {
    // Already ended (in production): nothing runs any more.
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
}

/** client_credentials: the application's token, stored hashed, valid an hour. */
export async function issueToken(
  db: Db,
  clientId: string,
  clientSecret: string,
  scope: string,
): Promise<{ token: string } | undefined> {
  const app = await db('api_applications').where({ client_id: clientId }).first();
  const given = Buffer.from(hashToken(clientSecret));
  const expected = Buffer.from(app?.secret_hash ?? hashToken(crypto.randomUUID()));
  if (!app || app.mode === 'REVOKED' || !crypto.timingSafeEqual(given, expected)) return undefined;
  const token = crypto.randomBytes(32).toString('base64url');
  await db('oauth_tokens').insert({
    token_hash: hashToken(token),
    application_id: app.id,
    scope,
    expires_at: new Date(Date.now() + TOKEN_LIFETIME_SECONDS * 1000).toISOString(),
  });
  // Expired tokens are of no use to anyone: cleared as new ones are issued.
  await db('oauth_tokens')
    .where('expires_at', '<', new Date(Date.now() - 86_400_000).toISOString())
    .delete();
  return { token };
}

/** The application a bearer token was issued to, while the token is valid. */
export async function applicationOfToken(
  db: Db,
  token: string,
): Promise<Record<string, unknown> | undefined> {
  const row = await db('oauth_tokens')
    .join('api_applications', 'api_applications.id', 'oauth_tokens.application_id')
    .where('oauth_tokens.token_hash', hashToken(token))
    .andWhere('oauth_tokens.expires_at', '>', new Date().toISOString())
    .whereNot('api_applications.mode', 'REVOKED')
    .first('api_applications.*');
  return row;
}
