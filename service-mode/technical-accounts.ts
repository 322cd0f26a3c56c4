import crypto from 'node:crypto';
import type { Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import type { Db } from '../platform/db';
import { hashPassword, hashToken, passwordProblem, verifyPassword } from '../platform/secrets';
import { DomainError } from '../platform/domain-error';
import { technicalAccountReminders } from '../workflows/technical-account';
import { CODES, CproError } from '../api/cpro/wire';

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

export interface TechnicalAccountView {
  login: string;
  passwordSetAt: string;
  passwordExpiresAt: string;
  expired: boolean;
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
  const passwordHash = await hashPassword(password);
  const setAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + PASSWORD_VALIDITY_DAYS * DAY).toISOString();
  const { db } = deps;
  const existing = await db('technical_accounts').where({ structure_id: structureId }).first();
  let login: string = existing?.login;
  if (existing) {
    await db('technical_accounts').where({ structure_id: structureId }).update({
      password_hash: passwordHash,
      password_set_at: setAt,
      password_expires_at: expiresAt,
      set_by: setBy,
    });
  } else {
    login = `TECH_1_${crypto.randomBytes(6).toString('hex').toUpperCase()}@${loginDomain(deps.publicUrl)}`;
    const userId = crypto.randomUUID();
    await db.transaction(async (trx) => {
      await trx('users').insert({
        id: userId,
        email: login.toLowerCase(),
        first_name: 'Compte',
        last_name: 'technique',
        contact_email: login.toLowerCase(),
        // Not ACTIVE: a technical account never signs in to the portal, it only calls /cpro.
        status: 'TECHNICAL',
        operator: false,
        terms_accepted_at: setAt,
        created_at: setAt,
        activated_at: setAt,
      });
      // A plain member of the whole structure: the shared services judge it as any member.
      await trx('structure_members').insert({
        structure_id: structureId,
        user_id: userId,
        role: 'UTILISATEUR',
        services: '[]',
        created_at: setAt,
      });
      await trx('technical_accounts').insert({
        structure_id: structureId,
        user_id: userId,
        login,
        password_hash: passwordHash,
        password_set_at: setAt,
        password_expires_at: expiresAt,
        set_by: setBy,
        created_at: setAt,
      });
    });
  }
  await deps.client.workflow.start(technicalAccountReminders, {
    workflowId: reminderWorkflowId(structureId),
    taskQueue: deps.taskQueue,
    args: [{ structureId, login, expiresAt, remindDaysBefore: REMINDER_DAYS_BEFORE }],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.TERMINATE_EXISTING,
    staticSummary: `Password reminders of technical account ${login}`,
  });
  return {
    login,
    passwordSetAt: setAt,
    passwordExpiresAt: expiresAt,
    expired: false,
    ...(chosen === undefined && { password }),
  };
}

export async function getTechnicalAccount(
  db: Db,
  structureId: string,
): Promise<TechnicalAccountView | undefined> {
  const row = await db('technical_accounts').where({ structure_id: structureId }).first();
  return row && view(row);
}

function view(row: Record<string, unknown>, now = Date.now()): TechnicalAccountView {
  const expiresAt = new Date(row.password_expires_at as string).toISOString();
  return {
    login: row.login as string,
    passwordSetAt: new Date(row.password_set_at as string).toISOString(),
    passwordExpiresAt: expiresAt,
    expired: Date.parse(expiresAt) <= now,
  };
}

/** The account whose credentials a /cpro call carries. */
export interface TechnicalCaller {
  userId: string;
  login: string;
  structureId: string;
}

// bcrypt at cost 12 takes a quarter of a second, and clients send the header on every call: a
// verified header is remembered (by its hash) for a while, as long as the password was not set again.
const verified = new Map<string, { login: string; setAt: string; until: number }>();
const VERIFIED_FOR_MS = 5 * 60_000;

/**
 * Checks the `cpro-account` header: base64 of `login:password` of a technical account. A wrong
 * login or password is one refusal; an expired password another, told only to who knows it.
 */
export async function verifyTechnicalAccount(db: Db, header: string | undefined): Promise<TechnicalCaller> {
  const refuse = () =>
    new CproError(
      CODES.ACCOUNT_INVALID,
      'En-tête cpro-account absent, mal formé, ou identifiants incorrects.',
      'cpro-account',
      401,
    );
  if (!header || !/^[A-Za-z0-9+/=_-]+$/.test(header.trim())) throw refuse();
  const decoded = Buffer.from(header.trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw refuse();
  const login = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const row = await db('technical_accounts').whereRaw('LOWER(login) = ?', [login.toLowerCase()]).first();
  if (!row) {
    // As long as a real check, so a wrong login cannot be told from a wrong password by timing.
    await verifyPassword(password, UNKNOWN_HASH);
    throw refuse();
  }
  const key = hashToken(`cpro-account:${header.trim()}`);
  const setAt = new Date(row.password_set_at).toISOString();
  const cached = verified.get(key);
  if (!(cached && cached.login === row.login && cached.setAt === setAt && cached.until > Date.now())) {
    if (!(await verifyPassword(password, row.password_hash))) throw refuse();
    verified.set(key, { login: row.login, setAt, until: Date.now() + VERIFIED_FOR_MS });
  }
  if (view(row).expired)
    throw new CproError(
      CODES.PASSWORD_EXPIRED,
      'Le mot de passe du compte technique a expiré : le gestionnaire principal de la structure doit le réinitialiser.',
      'cpro-account',
      401,
    );
  return { userId: row.user_id, login: row.login, structureId: row.structure_id };
}

const UNKNOWN_HASH = '$2b$12$rcCjMHub5ptomz4h.sRqJu.4jJd3VQeq.yd5eBzCa8Ip/pqj.Ynzy';

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
