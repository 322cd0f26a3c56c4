import crypto from 'node:crypto';
import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import { ibanProblem } from '../invoice/platform-rules/iban';
import { bicProblem, maskIban } from './identifiers';
import * as store from './store/bank-accounts';
import type { BankAccount, BankAccountInput } from './types';

/** Adds a bank account after the ISO 13616 (IBAN) and ISO 9362 (BIC) checks; the IBAN is kept compact. */
export async function addBankAccount(
  db: Db,
  structureId: string,
  input: BankAccountInput,
): Promise<BankAccount> {
  const iban = input.iban.replace(/\s+/g, '').toUpperCase();
  const bic = input.bic.trim().toUpperCase();
  const problem = ibanProblem(iban);
  // The message names the account by its masked form only: IBANs never appear in clear in logs.
  if (problem)
    throw new DomainError('IBAN_INVALID', `IBAN ${maskIban(iban)} is invalid: ${problem}.`, {
      field: 'body.iban',
    });
  const bicBad = bicProblem(bic);
  if (bicBad) throw new DomainError(bicBad.code, bicBad.message, { field: bicBad.field });
  const existing = await store.bankAccountIdByIban(db, structureId, iban);
  if (existing)
    throw new DomainError('BANK_ACCOUNT_EXISTS', `The structure already has the account ${maskIban(iban)}.`, {
      field: 'body.iban',
      bankAccountId: existing,
    });
  const account: BankAccount = {
    id: crypto.randomUUID(),
    iban,
    bic,
    label: input.label,
    factor: !!input.factor,
    createdAt: new Date().toISOString(),
  };
  await store.insertBankAccount(db, structureId, account);
  return account;
}

/** The structure's bank accounts, oldest first. */
export async function listBankAccounts(db: Db, structureId: string): Promise<BankAccount[]> {
  return store.listBankAccounts(db, structureId);
}

export async function removeBankAccount(db: Db, structureId: string, id: string): Promise<void> {
  if (!(await store.deleteBankAccount(db, structureId, id)))
    throw new DomainError('BANK_ACCOUNT_NOT_FOUND', `No bank account ${id} in this structure.`, {
      field: 'params.bankAccountId',
    });
}
