export type { Caller } from './caller';

/** A users row as the API shows it: no password hash, no lock counters. */
export interface Account {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  phone?: string;
  contactEmail: string;
  siret?: string;
  status: 'PENDING' | 'ACTIVE';
  operator: boolean;
}

/** What a person gives to open an account. */
export interface Registration {
  email: string;
  firstName: string;
  lastName: string;
  phone?: string;
  contactEmail?: string;
  acceptTerms: true;
  siret?: string;
}

/** Someone the platform writes to: a user and the contact email their mail goes to. */
export interface Contact {
  userId: string;
  email: string;
}

/** A cookie session is only ever read from its httpOnly cookie; a bearer session from the header. */
export type SessionKind = 'cookie' | 'bearer';

export interface SignedIn {
  account: Account;
  cookieToken: string;
  bearerToken: string;
  expiresAt: string;
}

/** The live session a token opens, with its user. */
export interface LiveSession {
  userId: string;
  email: string;
  operator: boolean;
  expiresAt: string;
}

export type LinkPurpose = 'activation' | 'reset';

/**
 * What the person who follows a link sends, as the workflow sees it: the token's hash only. The new
 * password's hash waits in the database (account_tokens.pending_password_hash), out of workflow
 * history; `passwordHash` is read only from histories recorded before.
 */
export interface LinkUse {
  tokenHash: string;
  passwordHash?: string;
}

/** Input of the account workflows (activation, password reset). */
export interface AccountLinkInput {
  userId: string;
  /** The login email; the workflow id is account/<email> or account-reset/<email>. */
  email: string;
  firstName: string;
  /** Where the email goes (the contact email). */
  sendTo: string;
  /** The portal page the emailed link opens; email and token are added as query parameters. */
  linkUrl: string;
  /** How long each link is valid; 60 minutes on the platform, shorter in tests. */
  linkValidityMinutes?: number;
}

export interface LinkState {
  status: 'WAITING' | 'USED' | 'EXPIRED';
  linksSent: number;
  expiresAt?: string;
}

/** One emailed link to send, as the account workflows ask for it. */
export interface AccountLinkRequest {
  purpose: LinkPurpose;
  /** Unique per link (workflow id, run id, link number): the idempotency key of the row and the email. */
  linkKey: string;
  userId: string;
  email: string;
  firstName: string;
  sendTo: string;
  linkUrl: string;
  expiresAt: string;
  validityMinutes: number;
}

/** A link used: whose, its token hash, the new password hash, and when. */
export interface LinkConsumption {
  userId: string;
  tokenHash: string;
  /** Absent: the hash kept with the link (histories from before carry it). */
  passwordHash?: string;
  at: string;
}
