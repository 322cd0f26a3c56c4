import crypto from 'node:crypto';
import type { RequestHandler, Request, Response } from 'express';
import type { Db } from '../platform/db';
import { hashToken } from '../platform/secrets';
import { DomainError } from '../platform/domain-error';
import { findSession } from '../accounts/sessions';
import { Caller } from '../accounts/caller';

export const SESSION_COOKIE = 'ff_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The CSRF token of a cookie session, derived from its (httpOnly) session token: only a page that
 * was given it by the API can send it, and nothing more needs storing. Cross-site pages can make
 * the browser send the cookie, but cannot read a response to learn this value.
 */
export function csrfTokenFor(sessionToken: string): string {
  return hashToken(`csrf:${sessionToken}`);
}

/**
 * Recognises the caller from `Authorization: Bearer <token>` (API clients, no CSRF check) or the
 * session cookie (browsers: unsafe methods must carry the X-CSRF-Token header). Anonymous requests
 * pass through; handlers that need a caller use `requireCaller`.
 */
export function authenticate(db: Db): RequestHandler {
  return async (req, res, next) => {
    try {
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const cookie = sessionCookie(req);
      const token = bearer ?? cookie;
      if (!token) return next();
      const session = await findSession(db, token, bearer ? 'bearer' : 'cookie');
      if (!session) {
        if (bearer) throw new DomainError('UNAUTHENTICATED', 'This bearer token is unknown or expired.');
        return next();
      }
      if (!bearer && !SAFE_METHODS.has(req.method) && !csrfMatches(req, token)) {
        throw new DomainError(
          'CSRF_TOKEN_INVALID',
          'Requests authenticated by the session cookie must send the X-CSRF-Token header given at sign-in.',
          { field: `headers.${CSRF_HEADER}` },
        );
      }
      res.locals.caller = {
        userId: session.userId,
        email: session.email,
        operator: session.operator,
      } satisfies Caller;
      // The session itself, for the sessions resource (sign-out, CSRF token).
      res.locals.session = { token, expiresAt: session.expiresAt };
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** The caller, or 401 UNAUTHENTICATED. */
export function requireCaller(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw new DomainError('UNAUTHENTICATED', 'Sign in first (session cookie or bearer token).');
  return caller;
}

export function sessionCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      throw new DomainError('MALFORMED_HEADER', 'The session cookie is not validly %-encoded.', {
        field: `cookies.${SESSION_COOKIE}`,
      });
    }
  }
  return undefined;
}

function csrfMatches(req: Request, sessionToken: string): boolean {
  const sent = Buffer.from(String(req.headers[CSRF_HEADER] ?? ''));
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  return sent.length === expected.length && crypto.timingSafeEqual(sent, expected);
}
