import crypto from 'node:crypto';
import type { Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import type { Db } from '../platform/db';
import { hashPassword, passwordProblem } from '../platform/secrets';
import { DomainError } from '../platform/domain-error';
import { insertTechnicalUser } from '../accounts';
import { addTechnicalMember } from '../structures';
import { technicalAccountReminders } from '../workflows/technical-account';
import {
  findTechnicalAccount,
  inTransaction,
  insertTechnicalAccount,
  updateTechnicalAccountPassword,
  type TechnicalAccountRow,
} from './store';
import type { TechnicalAccountView } from './types';

/** A technical account's password is valid this long after it was set (the platform's rule). */
export const PASSWORD_VALIDITY_DAYS = 424;
/** Reminder emails go to the main managers this many days before the password expires. */
export const REMINDER_DAYS_BEFORE = [15, 1];

const DAY = 86_400_000;

export interface TechnicalAccountDeps {
  db: Db;
  client: Client;
  taskQueue: string;
  publicUrl: string;
}

export const reminderWorkflowId = (structureId: string) => `technical-account/${structureId}`;

/**
 * Creates the structure's technical account, or sets a new password on it (a reset). The password
 * is the one chosen, or else generated and answered once. Each setting starts the 424 days again,
 * and a new run of the reminder workflow replaces the previous one.
 */
export async function setTechnicalAccount(
  deps: TechnicalAccountDeps,
  structureId: string,
  setBy: string,
  chosen?: string,
  now = new Date(),
): Promise<TechnicalAccountView & { password?: string }> {
  if (chosen !== undefined) {
    const problem = passwordProblem(chosen);
    if (problem) throw new DomainError('PASSWORD_WEAK', problem, { field: 'body.password' });
  }
  const password = chosen ?? generatedPassword();
  const setting = {
    password_hash: await hashPassword(password),
    password_set_at: now.toISOString(),
    password_expires_at: new Date(now.getTime() + PASSWORD_VALIDITY_DAYS * DAY).toISOString(),
    set_by: setBy,
  };
  const existing = await findTechnicalAccount(deps.db, structureId);
  const login = existing?.login ?? newLogin(deps.publicUrl);
  if (existing) await updateTechnicalAccountPassword(deps.db, structureId, setting);
  else await createTechnicalAccount(deps.db, structureId, login, setting);
  await deps.client.workflow.start(technicalAccountReminders, {
    workflowId: reminderWorkflowId(structureId),
    taskQueue: deps.taskQueue,
    args: [
      { structureId, login, expiresAt: setting.password_expires_at, remindDaysBefore: REMINDER_DAYS_BEFORE },
    ],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.TERMINATE_EXISTING,
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
async function createTechnicalAccount(
  db: Db,
  structureId: string,
  login: string,
  setting: Pick<TechnicalAccountRow, 'password_hash' | 'password_set_at' | 'password_expires_at' | 'set_by'>,
): Promise<void> {
  const userId = crypto.randomUUID();
  const at = setting.password_set_at;
  await inTransaction(db, async (trx) => {
    await insertTechnicalUser(trx, { id: userId, login, at });
    // A plain member of the whole structure: the shared services judge it as any member.
    await addTechnicalMember(trx, structureId, userId, at);
    await insertTechnicalAccount(trx, {
      structure_id: structureId,
      user_id: userId,
      login,
      ...setting,
      created_at: at,
    });
  });
}

/** The structure's technical account (managers see its login and password expiry). */
export async function getTechnicalAccount(db: Db, structureId: string): Promise<TechnicalAccountView> {
  const row = await findTechnicalAccount(db, structureId);
  if (!row)
    throw new DomainError('TECHNICAL_ACCOUNT_NOT_FOUND', 'This structure has no technical account yet.');
  return technicalAccountView(row);
}

export function technicalAccountView(row: TechnicalAccountRow, now = Date.now()): TechnicalAccountView {
  const expiresAt = new Date(row.password_expires_at).toISOString();
  return {
    login: row.login,
    passwordSetAt: new Date(row.password_set_at).toISOString(),
    passwordExpiresAt: expiresAt,
    expired: Date.parse(expiresAt) <= now,
  };
}

function newLogin(publicUrl: string): string {
  return `TECH_1_${crypto.randomBytes(6).toString('hex').toUpperCase()}@${loginDomain(publicUrl)}`;
}

function generatedPassword(): string {
  // 24 characters from four classes, as password policies of client software often ask.
  const base = crypto.randomBytes(18).toString('base64url');
  return `${base}Aa1!`;
}

function loginDomain(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'facturflow.local';
  } catch {
    return 'facturflow.local';
  }
}
