/** Service mode's shapes: applications and their onboarding (raccordement), technical accounts, wire ids. */

/** A structure manager's request to connect software to the platform (Service API or EDI flows). */
export interface RaccordementRequest {
  applicationId: string;
  structureId: string;
  kind: ApplicationKind;
  /** Accepted qualification deposits needed before an operator may approve production. */
  requiredDeposits: number;
}

/**
 * QUALIFICATION: deposits are fully checked and reported but never delivered; QUALIFIEE: the
 * scenario has passed, an operator may approve; PRODUCTION: deposits reach buyers.
 */
export type RaccordementStatus = 'QUALIFICATION' | 'QUALIFIEE' | 'PRODUCTION';

export interface RaccordementState {
  status: RaccordementStatus;
  acceptedDeposits: number;
  rejectedDeposits: number;
  requiredDeposits: number;
  approvedBy?: string;
}

/** The onboarding state the raccordement workflow records, as managers and operators list it. */
export interface RaccordementRecord {
  applicationId: string;
  status: RaccordementStatus;
  acceptedDeposits: number;
  rejectedDeposits: number;
  /** Absent in histories recorded before operators could change it. */
  requiredDeposits?: number;
  approvedBy?: string;
}

export type ApplicationKind = 'API' | 'EDI';

export interface ApplicationView {
  id: string;
  structureId: string;
  name: string;
  kind: ApplicationKind;
  clientId: string;
  mode: string;
  acceptedDeposits: number;
  rejectedDeposits: number;
  requiredDeposits: number;
  createdAt: string;
  approvedAt?: string;
}

/** An application a valid bearer token was issued to: what the wire needs to know of its caller. */
export interface TokenApplication {
  id: string;
  structureId: string;
  mode: string;
}

/** Input of the reminder workflow `technical-account/<structureId>`; a new password starts a new run. */
export interface TechnicalAccountReminders {
  structureId: string;
  login: string;
  /** When the password stops working (ISO). */
  expiresAt: string;
  /** Days before the expiry when the main managers are emailed; the platform's are 15 and 1. */
  remindDaysBefore: number[];
}

export interface RemindersState {
  expiresAt: string;
  sent: number[];
}

/** One reminder of a password's expiry; the key makes a retry send nothing twice. */
export interface PasswordExpiryReminder {
  structureId: string;
  login: string;
  expiresAt: string;
  daysLeft: number;
  idempotencyKey: string;
}

export interface TechnicalAccountView {
  login: string;
  passwordSetAt: string;
  passwordExpiresAt: string;
  expired: boolean;
}

/** The account whose credentials a /cpro call carries. */
export interface TechnicalCaller {
  userId: string;
  login: string;
  structureId: string;
}

/**
 * The platform's wire gives invoices, structures, services, files and bank accounts integer
 * identifiers (identifiantFactureCPP, idStructureCPP, idService, pieceJointeId, idCoordonneeBancaire).
 */
export type IdentifierKind = 'facture' | 'structure' | 'service' | 'fichier' | 'coordbanc' | 'utilisateur';
