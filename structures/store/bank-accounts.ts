import type { Db } from '../../platform/db';
import type { BankAccount } from '../types';

/** SQL on structure_bank_accounts. */

/** The id of the structure's account with this (compact) IBAN, if any. */
export async function bankAccountIdByIban(
  db: Db,
  structureId: string,
  iban: string,
): Promise<string | undefined> {
  return (await db('structure_bank_accounts').where({ structure_id: structureId, iban }).first('id'))?.id;
}

export async function insertBankAccount(db: Db, structureId: string, a: BankAccount): Promise<void> {
  await db('structure_bank_accounts').insert({
    id: a.id,
    structure_id: structureId,
    iban: a.iban,
    bic: a.bic,
    label: a.label ?? null,
    factor: a.factor,
    created_at: a.createdAt,
  });
}

/** The structure's accounts, oldest first. */
export async function listBankAccounts(db: Db, structureId: string): Promise<BankAccount[]> {
  const rows = await db('structure_bank_accounts').where({ structure_id: structureId }).orderBy('created_at');
  return rows.map(toBankAccount);
}

/** Answers whether the account was there. */
export async function deleteBankAccount(db: Db, structureId: string, id: string): Promise<boolean> {
  return (await db('structure_bank_accounts').where({ structure_id: structureId, id }).delete()) > 0;
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
