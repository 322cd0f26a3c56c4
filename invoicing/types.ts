import type { BlobRef } from '../platform/blobs';
import type { Finding } from '../invoice/validate/finding';
import type { InvoiceStatusCode, Side } from './lifecycle/transitions';
import type { LateCharges, PaymentDelays } from './lifecycle/payment';
import type { InvoiceFormat } from './lifecycle/renditions';

export type { BlobRef, Finding, InvoiceStatusCode };

/** The routing data: the only facts a recycle may change. */
export interface Routing {
  recipientId?: string;
  /** BT-10, codeServiceExecutant. */
  serviceCode?: string;
  /** BT-13, numéro d'engagement juridique. */
  engagementNumber?: string;
}

/** What the API hands over when a supplier deposits an invoice file. */
export interface InvoiceDeposit {
  /** invoice/<supplier id>/<year>/<number> — also the workflow id. */
  invoiceId: string;
  supplierId: string;
  supplierName?: string;
  recipientId?: string;
  recipientName?: string;
  number: string;
  year: number;
  issueDate?: string;
  typeCode?: string;
  currency?: string;
  totals: { withoutVat?: string; vat?: string; withVat?: string; amountDue?: string };
  serviceCode?: string;
  engagementNumber?: string;
  /** codeCadreFacturation; A9 and A12 first go to the validator. */
  cadre?: string;
  /** Identifier of the validator structure (the main contractor) of an A9 / A12 invoice. */
  validatorId?: string;
  blob: BlobRef;
  /** Pièces jointes filed with the invoice (a draft's attachments); the first history entry lists them. */
  attachments?: BlobRef[];
  format: string;
  depositMode: string;
  /** The user who deposited it, when a person did. */
  depositedBy?: string;
  /** ISO timestamp of the deposit: it starts the legal payment period. */
  depositedAt: string;
  /**
   * Deposited by an application still in qualification (connection onboarding): checked and
   * reported like any invoice, never delivered; its outcome is signalled to this raccordement workflow.
   */
  qualification?: { raccordementId: string };
  /** Legal payment delays; default 30 days, 50 for public hospitals. */
  paymentDelays?: PaymentDelays;
  /** Reference rate (percent) of the late-payment interest, to which 8 points are added. */
  referenceRate?: string;
  /** Days the validator of an A9 / A12 invoice has to decide (default 15, unconfirmed). */
  validationDelayDays?: number;
}

/** One status change, as the workflow saw it; the read model holds the same rows. */
export interface HistoryEntry {
  seq: number;
  status: InvoiceStatusCode;
  reformCode: number;
  at: string;
  by: Side;
  userId?: string;
  comment?: string;
  reason?: string;
  mandateNumber?: string;
  attachments?: BlobRef[];
}

export interface PaymentState {
  dueDate: string;
  late: boolean;
  paidAt?: string;
  /** Set when MISE_EN_PAIEMENT came after the due date. */
  charges?: LateCharges;
}

/** The structures acting on the invoice (resolved from their identifiers). */
export interface Parties {
  supplierStructureId?: string;
  recipientStructureId?: string;
  validatorStructureId?: string;
}

export interface InvoiceState {
  status: InvoiceStatusCode;
  findings: Finding[];
  history: HistoryEntry[];
  routing: Routing;
  parties: Parties;
  payment?: PaymentState;
  rejectionAcknowledged: boolean;
}

/** A caller's membership of a structure, as the API read it when the request came. */
export interface ActorMembership {
  structureId: string;
  role: string;
  /** Service codes the member acts for; empty: the whole structure. */
  services: string[];
}

/**
 * Who asks, as the API authenticated them, with their memberships read at request time: membership
 * changes happen outside the workflow, so the validator judges fresh facts instead of a stale copy.
 */
export interface Actor {
  userId: string;
  memberships: ActorMembership[];
}

export interface StatusChange {
  actor: Actor;
  status: InvoiceStatusCode;
  reason?: string;
  comment?: string;
  mandateNumber?: string;
}

export interface Completion {
  actor: Actor;
  comment?: string;
  attachments: BlobRef[];
}

export interface Recycling extends Routing {
  actor: Actor;
  comment?: string;
}

/** The A9 / A12 validator the supplier names in place of the one named at deposit. */
export interface ValidatorRef {
  /** Its identifier (SIRET), as codeStructureValideur names it. */
  validatorId: string;
  validatorStructureId: string;
}

/** The supplier corrects the validator of an invoice refused by it (REFUSEE_1) or still waiting for it. */
export interface ValidatorCorrection extends ValidatorRef {
  actor: Actor;
  comment?: string;
}

/** Why an update is refused; the API maps each type to a stable error code. */
export type RefusalType =
  | 'TransitionNotAllowed'
  | 'NotAMember'
  | 'ServiceNotAllowed'
  | 'ReasonRequired'
  | 'MandateNumberRequired'
  | 'RoutingInvalid'
  | 'Busy'
  | 'Closed'
  | 'CompletionEmpty'
  | 'ValidatorNotAllowed';

/** The structures a deposit names, resolved when it is registered. */
export interface DepositParties {
  supplierStructureId?: string;
  validatorStructureId?: string;
}

/** A deposited file to judge; the invoice's own row is not a duplicate of itself. */
export interface InvoiceCheck {
  invoiceId?: string;
  blob: { sha256: string };
}

/** One status change for the read model. */
export interface StatusRecord {
  invoiceId: string;
  entry: HistoryEntry;
  findings: Finding[];
  /** The end of the legal payment period, known once the invoice reaches the recipient. */
  dueDate?: string;
}

/** MISE_EN_PAIEMENT: the payment date, and the late-payment figures when it came late. */
export interface PaymentRecord {
  invoiceId: string;
  paidAt: string;
  charges?: LateCharges;
}

export interface RejectionAcknowledgement {
  invoiceId: string;
  userId: string;
  at: string;
}

export interface DeliveryRequest {
  invoiceId: string;
  routing: Routing;
  blob: BlobRef;
}

/** Where a delivered invoice landed, and in which form. */
export interface Delivery {
  structureId?: string;
  /** The recipient structure's payment category, which sets the legal payment delay. */
  paymentCategory?: string;
  format: InvoiceFormat;
}

/** The payment period ended without MISE_EN_PAIEMENT. */
export interface LatePayment {
  invoiceId: string;
  dueDate: string;
  charges: LateCharges;
}
