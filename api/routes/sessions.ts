import { Router } from 'express';
import type { Db } from '../../platform/db';
import { checkCredentials, credentials, sessionBody } from '../account-schemas';
import { csrfTokenFor, requireCaller, SESSION_COOKIE } from '../auth';
import { errorResponse, OpenApiPaths } from '../openapi';
import { check } from '../schemas';
import { endSession, SESSION_HOURS, signIn } from '../../accounts/sessions';
import { getAccount } from '../../accounts/users';

export function sessionsRouter({ db, publicUrl }: { db: Db; publicUrl: string }): Router {
  const router = Router();
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: publicUrl.startsWith('https:'),
    path: '/',
  };

  router.post('/sessions', async (req, res) => {
    const { email, password } = check(checkCredentials, req.body, 'body');
    const s = await signIn(db, email, password);
    res
      .cookie(SESSION_COOKIE, s.cookieToken, { ...cookieOptions, maxAge: SESSION_HOURS * 3_600_000 })
      .status(201)
      .json({
        token: s.bearerToken,
        csrfToken: csrfTokenFor(s.cookieToken),
        expiresAt: s.expiresAt,
        account: s.account,
      });
  });

  router.get('/sessions/current', async (_req, res) => {
    const caller = requireCaller(res);
    const session = res.locals.session as { token: string; expiresAt: string };
    res.json({
      csrfToken: csrfTokenFor(session.token),
      expiresAt: session.expiresAt,
      account: await getAccount(db, caller.userId),
    });
  });

  router.delete('/sessions/current', async (_req, res) => {
    requireCaller(res);
    await endSession(db, (res.locals.session as { token: string }).token);
    res.clearCookie(SESSION_COOKIE, cookieOptions).status(204).end();
  });

  return router;
}

export const sessionsOpenApi: OpenApiPaths = {
  '/api/v1/sessions': {
    post: {
      summary: 'Sign in: sets an httpOnly session cookie and answers a bearer token for API clients',
      description:
        'Cookie-authenticated POST/PUT/PATCH/DELETE requests must send the returned csrfToken as X-CSRF-Token; ' +
        'bearer requests need none. Five failed sign-ins lock the account for one hour.',
      requestBody: { required: true, content: { 'application/json': { schema: credentials } } },
      responses: {
        '201': { description: 'Signed in', content: { 'application/json': { schema: sessionBody } } },
        '400': errorResponse('INVALID_INPUT'),
        '401': errorResponse('INVALID_CREDENTIALS: wrong email or password (never says which)'),
        '423': errorResponse('ACCOUNT_LOCKED: too many failures; details.lockedUntil'),
      },
    },
  },
  '/api/v1/sessions/current': {
    get: {
      summary: 'The current session: its account and CSRF token',
      responses: {
        '200': { description: 'The session', content: { 'application/json': { schema: sessionBody } } },
        '401': errorResponse('UNAUTHENTICATED'),
      },
    },
    delete: {
      summary: 'Sign out: ends this session and clears the cookie',
      responses: {
        '204': { description: 'Signed out' },
        '401': errorResponse('UNAUTHENTICATED'),
        '403': errorResponse('CSRF_TOKEN_INVALID: cookie session without X-CSRF-Token'),
      },
    },
  },
};
