import type { Invoice } from '../invoice/model';

/**
 * The connector contract: what a package must export for the platform to pull invoices from an ERP
 * and write the buyer's decisions back. Built-in connectors and third-party packages
 * (`facturflow-connector-<name>`) implement the same interface.
 */
export interface ConnectorManifest {
  /** Stable id stored with each connection, e.g. "evoliz". */
  id: string;
  name: string;
  version: string;
  capabilities: Capability[];
  /** How the platform retries a failing call (activities use it as their retry policy). */
  retry: { initialIntervalMs: number; maximumIntervalMs: number; maximumAttempts?: number };
  /** The vendor's documented request budget; the HTTP client spaces requests to respect it. */
  rateLimit: { requestsPerSecond: number };
}

export type Capability = 'listInvoices' | 'originalPdf' | 'pushStatus' | 'recordPayment' | 'webhook';

/** Where an incremental listing resumes: opaque to the platform, stored after each page. */
export type Cursor = string;

export interface InvoiceRef {
  /** The ERP's own id of the invoice: the key that makes a re-read invoice the same invoice. */
  externalId: string;
  /** The ERP's last-modified marker, when it gives one. */
  updatedAt?: string;
}

export interface InvoicePage {
  invoices: InvoiceRef[];
  /** Cursor of the next page; undefined when this page was the last one for now. */
  next?: Cursor;
  /** Where the following sync starts once every page is read. */
  resumeFrom: Cursor;
}

export interface FetchedInvoice {
  /** The canonical EN 16931 invoice (the core's model). */
  invoice: Invoice;
  /** The ERP's own rendering of the invoice, when it has one. */
  pdf?: Uint8Array;
}

/** A payment the buyer made, written back where the ERP records payments. */
export interface Payment {
  date: string;
  amount: string;
  currency: string;
  /**
   * Names the invoice, and is the same on every attempt at recording this payment: a connector whose
   * ERP takes no idempotency key finds an earlier attempt by it.
   */
  label: string;
}

/** What a connection gives a connector: its settings and its decrypted credentials. */
export interface ConnectorContext<C = Record<string, unknown>, S = Record<string, unknown>> {
  config: C;
  credentials: S;
  /** The structure the connection belongs to: the supplier of every invoice it pulls. */
  supplier: { siret: string; name: string; vatNumber?: string };
  /** Where a listing starts when the connection has no cursor yet (ISO date), e.g. from `--since`. */
  since?: string;
  /** Aborted when the work is cancelled (worker shutting down): calls in flight should stop. */
  signal?: AbortSignal;
}

export interface ConnectorSession {
  /** Throws CredentialsRejected when the ERP refuses the credentials. */
  testConnection(): Promise<{ account: string }>;
  listInvoices(cursor: Cursor | undefined): Promise<InvoicePage>;
  getInvoice(externalId: string): Promise<FetchedInvoice>;
  pushStatus?(externalId: string, status: string): Promise<void>;
  recordPayment?(externalId: string, payment: Payment): Promise<void>;
}

/**
 * One field of the form that adds a connection, as the connector declares it: the portal draws the form
 * from these declarations, so the person reads French labels and help, never the schema's keys.
 */
export interface ConnectorSetting {
  /** The property in `configSchema` (part "config") or `credentialsSchema` (part "credentials"). */
  key: string;
  part: 'config' | 'credentials';
  /** French label, e.g. "Clé publique". */
  label: string;
  /** French help shown under the label: where to find the value in the ERP. */
  help?: string;
  /** How the field is entered; a secret is entered and never shown again (credentials only). */
  type: 'text' | 'secret' | 'url' | 'number';
  required: boolean;
  default?: string | number;
}

export interface Connector {
  manifest: ConnectorManifest;
  /** JSON Schema of the connection's settings (ajv-checked). */
  configSchema: object;
  /** JSON Schema of the credentials (ajv-checked, then encrypted at rest). */
  credentialsSchema: object;
  /**
   * The form's fields, one per schema property. A package that declares none gets fields named after
   * its schemas' properties (see `settingsOf`).
   */
  settings?: ConnectorSetting[];
  open(ctx: ConnectorContext): ConnectorSession;
}

/** The ERP refused the credentials: retrying cannot help, a person must fix them. */
export class CredentialsRejected extends Error {
  readonly code = 'CONNECTOR_CREDENTIALS_REJECTED';
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsRejected';
  }
}

/** The ERP asked to slow down (HTTP 429); retry after this many seconds. */
export class RateLimited extends Error {
  readonly code = 'CONNECTOR_RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`The ERP asked to wait ${retryAfterSeconds} s (HTTP 429).`);
    this.name = 'RateLimited';
  }
}

/** One ERP record cannot be turned into an invoice; the sync reports it and goes on. */
export class MalformedRecord extends Error {
  readonly code = 'CONNECTOR_MALFORMED_RECORD';
  constructor(
    readonly externalId: string,
    message: string,
  ) {
    super(message);
    this.name = 'MalformedRecord';
  }
}

// A packaged connector brings its own copies of these classes, so errors are recognised by their code.
const codeOf = (err: unknown) => (err as { code?: unknown } | undefined)?.code;
export const isCredentialsRejected = (err: unknown): err is CredentialsRejected =>
  codeOf(err) === 'CONNECTOR_CREDENTIALS_REJECTED';
export const isRateLimited = (err: unknown): err is RateLimited =>
  codeOf(err) === 'CONNECTOR_RATE_LIMITED' && typeof (err as RateLimited).retryAfterSeconds === 'number';
export const isMalformedRecord = (err: unknown): err is MalformedRecord =>
  codeOf(err) === 'CONNECTOR_MALFORMED_RECORD';
