import { Router } from 'express';
import {
  AccountDeps,
  activateAccount,
  confirmReset,
  registerAccount,
  requestPasswordReset,
  resendActivationLink,
} from '../../accounts/registration';
import {
  accountBody,
  checkEmailOnly,
  checkLinkUse,
  checkRegistration,
  emailOnly,
  linkUse,
  registration,
} from '../account-schemas';
import { requireCaller } from '../auth';
import { errorResponse, OpenApiPaths } from '../openapi';
import { check } from '../schemas';
import { getAccount } from '../../accounts/users';

// Answered whether or not the email has an account, so the endpoint reveals nothing about who is registered.
const linkSent = {
  status: 'ACCEPTED',
  message: 'If this email has an account waiting for it, a link is on its way.',
};

export function accountsRouter(deps: AccountDeps): Router {
  const router = Router();

  router.post('/accounts', async (req, res) => {
    const account = await registerAccount(deps, check(checkRegistration, req.body, 'body'));
    res.status(201).json(account);
  });

  router.post('/accounts/activate', async (req, res) => {
    await activateAccount(deps, check(checkLinkUse, req.body, 'body'));
    res.json({ status: 'ACTIVE' });
  });

  router.post('/accounts/resend-activation', async (req, res) => {
    await resendActivationLink(deps, check(checkEmailOnly, req.body, 'body').email);
    res.status(202).json(linkSent);
  });

  router.post('/accounts/password-reset', async (req, res) => {
    await requestPasswordReset(deps, check(checkEmailOnly, req.body, 'body').email);
    res.status(202).json(linkSent);
  });

  router.post('/accounts/password-reset/confirm', async (req, res) => {
    await confirmReset(deps, check(checkLinkUse, req.body, 'body'));
    res.json({ status: 'PASSWORD_CHANGED' });
  });

  router.get('/accounts/me', async (_req, res) => {
    const caller = requireCaller(res);
    res.json(await getAccount(deps.db, caller.userId));
  });

  return router;
}

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const accepted = {
  type: 'object',
  properties: { status: { type: 'string' }, message: { type: 'string' } },
} as const;

export const accountsOpenApi: OpenApiPaths = {
  '/api/v1/accounts': {
    post: {
      summary: 'Create an account: it waits for activation through the emailed link (valid 60 minutes)',
      requestBody: { required: true, ...json(registration) },
      responses: {
        '201': {
          description:
            'Pending account (without its id); the activation email is on its way. An email that already has an account gets the same answer, and its owner an email (activation or password reset link)',
          ...json(accountBody),
        },
        '400': errorResponse('INVALID_INPUT: a field is missing or wrong (email format, terms not accepted)'),
      },
    },
  },
  '/api/v1/accounts/activate': {
    post: {
      summary: 'Activate an account with the token of the emailed link, choosing its password',
      requestBody: { required: true, ...json(linkUse) },
      responses: {
        '200': { description: 'The account is active', ...json(accepted) },
        '400': errorResponse('TOKEN_INVALID (wrong, used or replaced link), PASSWORD_WEAK, INVALID_INPUT'),
        '410': errorResponse('LINK_EXPIRED: ask for a new link'),
      },
    },
  },
  '/api/v1/accounts/resend-activation': {
    post: {
      summary: 'Send a new activation link to a pending account; the previous link stops working',
      requestBody: { required: true, ...json(emailOnly) },
      responses: {
        '202': {
          description: 'Answered alike whether or not the email has a pending account',
          ...json(accepted),
        },
        '400': errorResponse('INVALID_INPUT'),
      },
    },
  },
  '/api/v1/accounts/password-reset': {
    post: {
      summary: 'Email a password reset link (valid 60 minutes) to an active account',
      requestBody: { required: true, ...json(emailOnly) },
      responses: {
        '202': { description: 'Answered alike whether or not the email has an account', ...json(accepted) },
        '400': errorResponse('INVALID_INPUT'),
      },
    },
  },
  '/api/v1/accounts/password-reset/confirm': {
    post: {
      summary: 'Set a new password with the token of the reset link; lifts a lock and ends all sessions',
      requestBody: { required: true, ...json(linkUse) },
      responses: {
        '200': { description: 'The password is changed', ...json(accepted) },
        '400': errorResponse('TOKEN_INVALID, PASSWORD_WEAK, INVALID_INPUT'),
        '410': errorResponse('LINK_EXPIRED: ask for a new link'),
      },
    },
  },
  '/api/v1/accounts/me': {
    get: {
      summary: 'The signed-in account (session cookie or bearer token)',
      responses: {
        '200': { description: 'The account', ...json(accountBody) },
        '401': errorResponse('UNAUTHENTICATED'),
      },
    },
  },
};
