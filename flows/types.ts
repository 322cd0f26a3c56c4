import type { StringValue } from 'ms';
import type { BlobRef } from '../platform/blobs';
import type { InvoiceDeposit } from '../invoicing/types';
import type { FlowSyntax } from './syntax';

export type { FlowSyntax };

/** flow states (etatCourantFlux), wire names of the platform. */
export type FlowStatus =
  'IN_RECU' | 'IN_EN_COURS_TRAITEMENT' | 'IN_INTEGRE' | 'IN_INTEGRE_PARTIEL' | 'IN_REJETE' | 'IN_INCIDENTE';

/** One invoice of a flow that was not integrated, as the platform's report lists it. */
export interface FlowInvoiceError {
  numeroDP: string;
  identifiantFournisseur: string;
  identifiantDestinataire: string;
  libelleErreurDP: string;
  /** The archive entry the invoice came from (not a wire field: helps the sender find it). */
  fichier: string;
}

/** The integration report (compte rendu) of a flow. */
export interface FlowReport {
  numeroFluxDepot: string;
  syntaxeFlux: string;
  etatCourantFlux: FlowStatus;
  nombreFactures: number;
  nombreFacturesIntegrees: number;
  listeErreurDP: FlowInvoiceError[];
}

/** A stored flow (a `flows` row): what its depositor and the operators may read. */
export interface FlowRecord {
  numero: string;
  syntax: string;
  status: string;
  blob_sha256: string;
  filename?: string | null;
  deposited_by?: string | null;
  deposited_at: string | Date;
  updated_at: string | Date;
  invoice_count?: number | null;
  integrated_count?: number | null;
  /** The FlowReport as JSON, once the flow is settled. */
  report: string | null;
}

/** What the API (or the inbox poller) hands over when a flow is deposited. */
export interface FlowDeposit {
  numeroFluxDepot: string;
  syntaxeFlux: FlowSyntax;
  /** The archive as deposited, in the blob store. */
  blob: BlobRef;
  depositedAt: string;
  /** The signed-in user who sent it: each invoice must name a supplier structure they belong to. Absent for the inbox folder. */
  depositedBy?: string;
  /** Sent by an application in qualification: each invoice is checked, never delivered. */
  qualification?: InvoiceDeposit['qualification'];
}

/** One invoice file of a flow, stored as a blob under the name it had in the archive. */
export interface FlowEntry {
  name: string;
  blob: BlobRef;
}

/** A flow's archive opened: its invoice files, or why no flow can be made of it. */
export type UnpackedFlow = { entries: FlowEntry[] } | { error: string };

/** A flow moving to a state; a settled flow also carries its report. */
export interface FlowStateChange {
  numero: string;
  status: FlowStatus;
  at: string;
  invoiceCount?: number;
  report?: FlowReport;
}

/** One invoice of a flow to file, as the flow workflow hands it over. */
export interface FlowInvoice {
  syntax: FlowSyntax;
  entry: FlowEntry;
  depositedAt: string;
  depositedBy?: string;
}

/** An invoice of a flow ready for its workflow, or the report line of its refusal. */
export type PreparedFlowInvoice = { deposit: InvoiceDeposit } | { error: FlowInvoiceError };

/** Where an invoice of a flow stands for the flow. */
export type InvoiceOutcome =
  | { invoiceId: string; outcome: 'pending' | 'integrated' }
  | { invoiceId: string; outcome: 'rejected'; reason: string };

export interface FlowOptions {
  /** How many invoices of the flow may be in progress at once (the sliding window). */
  window: number;
  /** How often the invoices in progress are looked at: milliseconds or '1 second'. */
  pollInterval: StringValue | number;
  /** Past this many history events, the flow continues as new with its progress. */
  maxHistoryEvents: number;
}

/** An invoice of the flow whose workflow runs, awaiting its checks. */
export interface InProgress {
  invoiceId: string;
  error: Omit<FlowInvoiceError, 'libelleErreurDP'>;
}

/** Carried across continue-as-new: what is left to do and what was settled. */
export interface FlowProgress {
  entries: FlowEntry[];
  next: number;
  inProgress: InProgress[];
  integrated: number;
  errors: FlowInvoiceError[];
}

/** The flow workflow's input. */
export interface FlowInput {
  deposit: FlowDeposit;
  options?: Partial<FlowOptions>;
  progress?: FlowProgress;
}

/** What the flow workflow answers when asked where it stands. */
export interface FlowView {
  status: FlowStatus;
  total?: number;
  integrated: number;
  rejected: number;
  inProgress: number;
}
