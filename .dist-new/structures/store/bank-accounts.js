"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bankAccountIdByIban = bankAccountIdByIban;
exports.insertBankAccount = insertBankAccount;
exports.listBankAccounts = listBankAccounts;
exports.deleteBankAccount = deleteBankAccount;
/** SQL on structure_bank_accounts. */
/** The id of the structure's account with this (compact) IBAN, if any. */
async function bankAccountIdByIban(db, structureId, iban) {
    return (await db('structure_bank_accounts').where({ structure_id: structureId, iban }).first('id'))?.id;
}
async function insertBankAccount(db, structureId, a) {
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
async function listBankAccounts(db, structureId) {
    const rows = await db('structure_bank_accounts').where({ structure_id: structureId }).orderBy('created_at');
    return rows.map(toBankAccount);
}
/** Answers whether the account was there. */
async function deleteBankAccount(db, structureId, id) {
    return (await db('structure_bank_accounts').where({ structure_id: structureId, id }).delete()) > 0;
}
function toBankAccount(r) {
    return {
        id: r.id,
        iban: r.iban,
        bic: r.bic,
        label: r.label ?? undefined,
        factor: !!r.factor,
        createdAt: new Date(r.created_at).toISOString(),
    };
}
//# sourceMappingURL=bank-accounts.js.map