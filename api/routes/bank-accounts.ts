import { Router } from 'express';
import type { Db } from '../../platform/db';
import { errorResponse, OpenApiPaths } from '../openapi';
import { ajv } from '../schemas';
import { accessErrors, body, pathParam, structureCaller, structureIdParam } from '../structure-routes';
import { bankAccountBody, bankAccountCreate, listOf } from '../structure-schemas';
import { addBankAccount, listBankAccounts, removeBankAccount } from '../../structures/bank-accounts';
import type { BankAccountInput } from '../../structures/types';

const checkCreate = ajv.compile<BankAccountInput>(bankAccountCreate);

/** A structure's bank accounts (IBAN + BIC): managers only, as they are where the money goes. */
export function bankAccountsRouter({ db }: { db: Db }): Router {
  const router = Router();
  const base = '/structures/:structureId/bank-accounts';

  router.get(base, async (req, res) => {
    const { structureId } = await structureCaller(db, req, res, 'manager');
    res.json({ items: await listBankAccounts(db, structureId) });
  });

  router.post(base, async (req, res) => {
    const { structureId } = await structureCaller(db, req, res, 'manager');
    res.status(201).json(await addBankAccount(db, structureId, body(checkCreate, req)));
  });

  router.delete(`${base}/:bankAccountId`, async (req, res) => {
    const { structureId } = await structureCaller(db, req, res, 'manager');
    await removeBankAccount(db, structureId, req.params.bankAccountId as string);
    res.status(204).end();
  });

  return router;
}

const json = (schema: object) => ({ 'application/json': { schema } });

export const bankAccountsOpenApi: OpenApiPaths = {
  '/api/v1/structures/{structureId}/bank-accounts': {
    get: {
      summary: 'The structure’s bank accounts (managers)',
      parameters: [structureIdParam],
      responses: {
        '200': { description: 'Accounts', content: json(listOf(bankAccountBody)) },
        ...accessErrors(errorResponse),
      },
    },
    post: {
      summary: 'Add a bank account (managers); IBAN mod-97 and BIC format checked',
      parameters: [structureIdParam],
      requestBody: { required: true, content: json(bankAccountCreate) },
      responses: {
        '201': { description: 'Added', content: json(bankAccountBody) },
        '400': errorResponse('INVALID_INPUT'),
        ...accessErrors(errorResponse),
        '409': errorResponse('The structure already has this IBAN (BANK_ACCOUNT_EXISTS)'),
        '422': errorResponse('IBAN_INVALID, BIC_INVALID'),
      },
    },
  },
  '/api/v1/structures/{structureId}/bank-accounts/{bankAccountId}': {
    delete: {
      summary: 'Remove a bank account (managers)',
      parameters: [structureIdParam, pathParam('bankAccountId', 'The account’s id.')],
      responses: { '204': { description: 'Removed' }, ...accessErrors(errorResponse) },
    },
  },
};
