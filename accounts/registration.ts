import crypto from 'node:crypto';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../platform/db';
import { hashPassword, hashToken, passwordProblem } from '../platform/secrets';
import { accountActivation, activate, resendActivation } from '../workflows/account';
import { confirmPasswordReset, passwordReset, resendPasswordReset } from '../workflows/password-reset';
import { DomainError } from '../platform/domain-error';
import * as store from './store';
import type { Account, AccountLinkInput, LinkUse, Registration } from './types';
import { findUserByEmail, normalizeEmail, toAccount } from './users';
import { digitsOnly } from '../invoice/platform-rules/french-ids';

export interface AccountDeps {
  db: Db;
  client: Client;
  taskQueue: string;
  publicUrl: string;
}

/** Portal pages the emailed links open. */
const ACTIVATION_PAGE = '/activation';
const RESET_PAGE = '/mot-de-passe/reinitialisation';

export const activationWorkflowId = (email: string) => `account/${normalizeEmail(email)}`;
export const resetWorkflowId = (email: string) => `account-reset/${normalizeEmail(email)}`;

/** What registering answers, the same whether the email was free or not: no id, nothing stored. */
export type RegistrationAnswer = Omit<Account, 'id'>;

/**
 * Creates the pending account and starts its activation workflow, which emails the link. An email
 * that already has an account gets the same answer, so the endpoint tells nobody who is registered;
 * that account's owner is emailed instead (a new activation link, or a password reset link).
 */
export async function registerAccount(
  deps: AccountDeps,
  r: Registration,
  now = new Date(),
): Promise<RegistrationAnswer> {
  const row: store.UserRow = {
    id: crypto.randomUUID(),
    email: normalizeEmail(r.email),
    first_name: r.firstName.trim(),
    last_name: r.lastName.trim(),
    phone: r.phone ?? null,
    contact_email: normalizeEmail(r.contactEmail ?? r.email),
    siret: r.siret ? digitsOnly(r.siret) : null,
    status: 'PENDING',
    operator: false,
    terms_accepted_at: now.toISOString(),
    created_at: now.toISOString(),
  };
  const { id: _id, ...answer } = toAccount(row);
  if (await findUserByEmail(deps.db, row.email)) {
    await remindOwner(deps, row.email);
    return answer;
  }
  try {
    await store.insertUser(deps.db, row);
  } catch (err) {
    // A registration of the same email in parallel won the unique index.
    if (!(await findUserByEmail(deps.db, row.email))) throw err;
    await remindOwner(deps, row.email);
    return answer;
  }
  try {
    await deps.client.workflow.start(accountActivation, {
      workflowId: activationWorkflowId(row.email),
      taskQueue: deps.taskQueue,
      args: [linkInput(deps, row, ACTIVATION_PAGE)],
    });
  } catch (err) {
    // No workflow, no link: the pending row would only block the email, so it goes too.
    await store.deleteUser(deps.db, row.id);
    throw err;
  }
  return answer;
}

/** Someone registered an email that has an account: its owner gets the link that helps them on. */
async function remindOwner(deps: AccountDeps, email: string): Promise<void> {
  await resendActivationLink(deps, email);
  await requestPasswordReset(deps, email);
}

/** Sends a new activation link to a pending account (a new workflow run if the last one expired). */
export async function resendActivationLink(deps: AccountDeps, email: string): Promise<void> {
  const user = await findUserByEmail(deps.db, email);
  if (user?.status !== 'PENDING') return;
  await deps.client.workflow.signalWithStart(accountActivation, {
    workflowId: activationWorkflowId(user.email),
    taskQueue: deps.taskQueue,
    args: [linkInput(deps, user, ACTIVATION_PAGE)],
    signal: resendActivation,
    signalArgs: [],
  });
}

/** Emails a reset link to an active account; asked again while one is pending, a new link replaces it. */
export async function requestPasswordReset(deps: AccountDeps, email: string): Promise<void> {
  const user = await findUserByEmail(deps.db, email);
  if (user?.status !== 'ACTIVE') return;
  await deps.client.workflow.signalWithStart(passwordReset, {
    workflowId: resetWorkflowId(user.email),
    taskQueue: deps.taskQueue,
    args: [linkInput(deps, user, RESET_PAGE)],
    signal: resendPasswordReset,
    signalArgs: [],
  });
}

export interface LinkAnswer {
  email: string;
  token: string;
  password: string;
}

/** Activates an account through its emailed link, setting its password. */
export async function activateAccount(deps: AccountDeps, a: LinkAnswer): Promise<void> {
  const handle = deps.client.workflow.getHandle(activationWorkflowId(a.email));
  await useLink(deps, a, 'PENDING', (use) => handle.executeUpdate(activate, { args: [use] }));
}

/** Sets a new password through an emailed reset link. */
export async function confirmReset(deps: AccountDeps, a: LinkAnswer): Promise<void> {
  const handle = deps.client.workflow.getHandle(resetWorkflowId(a.email));
  await useLink(deps, a, 'ACTIVE', (use) => handle.executeUpdate(confirmPasswordReset, { args: [use] }));
}

/**
 * The password is checked and hashed here, and the token hashed, before the workflow sees them:
 * update arguments are kept in workflow history, which gets the token hash only; the password hash
 * waits with the link in the database until the workflow uses it.
 */
async function useLink(
  deps: AccountDeps,
  a: LinkAnswer,
  expectedStatus: 'PENDING' | 'ACTIVE',
  update: (use: LinkUse) => Promise<void>,
): Promise<void> {
  const user = await findUserByEmail(deps.db, a.email);
  const invalid = () => new DomainError('TOKEN_INVALID', 'This link is not valid.', { field: 'body.token' });
  if (user?.status !== expectedStatus) throw invalid();
  const weak = passwordProblem(a.password);
  if (weak) throw new DomainError('PASSWORD_WEAK', weak, { field: 'body.password' });
  try {
    const tokenHash = hashToken(a.token);
    await store.keepPendingPassword(deps.db, tokenHash, await hashPassword(a.password));
    await update({ tokenHash });
  } catch (err) {
    const failure = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (failure instanceof ApplicationFailure && failure.type === 'LINK_EXPIRED')
      throw new DomainError('LINK_EXPIRED', failure.message, { field: 'body.token' });
    if (failure instanceof ApplicationFailure && failure.type === 'TOKEN_INVALID') throw invalid();
    // The workflow has ended: its link lapsed (the account is still waiting), or was never sent.
    if (err instanceof WorkflowNotFoundError)
      throw new DomainError('LINK_EXPIRED', 'This link has expired; ask for a new one.', {
        field: 'body.token',
      });
    throw err;
  }
}

function linkInput(deps: AccountDeps, user: store.UserRow, page: string): AccountLinkInput {
  return {
    userId: user.id,
    email: user.email,
    firstName: user.first_name,
    sendTo: user.contact_email,
    linkUrl: `${deps.publicUrl}${page}`,
  };
}
