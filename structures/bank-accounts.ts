import crypto from 'node:crypto';
import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import { ibanProblem } from '../invoice/platform-rules/iban';
import { bicProblem, maskIban } from './identifiers';

export interface BankAccountInput {
  iban: string;
  bic: string;
  label?: string;
  /** The account belongs to a factor the structure assigned its receivables to. */
  factor?: boolean;
}

export interface BankAccount extends Required<Omit<BankAccountInput, 'label'>> {
  id: string;
  label?: string;
  createdAt: string;
}

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
  const existing = await db('structure_bank_accounts').where({ structure_id: structureId, iban }).first('id');
  if (existing)
    throw new DomainError('BANK_ACCOUNT_EXISTS', `The structure already has the account ${maskIban(iban)}.`, {
      field: 'body.iban',
      bankAccountId: existing.id,
    });
  const row = {
    id: crypto.randomUUID(),
    structure_id: structureId,
    iban,
    bic,
    label: input.label ?? null,
    factor: !!input.factor,
    created_at: new Date().toISOString(),
  };
  await db('structure_bank_accounts').insert(row);
  return toBankAccount(row);
}

export async function listBankAccounts(db: Db, structureId: string): Promise<BankAccount[]> {
  const rows = await db('structure_bank_accounts').where({ structure_id: structureId }).orderBy('created_at');
  return rows.map(toBankAccount);
}

export async function removeBankAccount(db: Db, structureId: string, id: string): Promise<void> {
  const removed = await db('structure_bank_accounts').where({ structure_id: structureId, id }).delete();
  if (removed === 0)
    throw new DomainError('BANK_ACCOUNT_NOT_FOUND', `No bank account ${id} in this structure.`, {
      field: 'params.bankAccountId',
    });
}

function toBankAccount(r: Record<string, unknown>): BankAccount {
  return {
    id: r.id as string,
    iban: r.iban as string,
    bic: r.bic as string,
    label: (r.label as string | null) ?? undefined,
    factor: !!r.factor,
    createdAt: new Date(r.created_at as string).toISOString(),
  };
}
