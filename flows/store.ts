/** All SQL on the `flows` table lives here; other modules call these functions. */
import type { Db } from '../platform/db';
import type { FlowRecord, FlowStateChange } from './types';

/** Files a new flow as received; a flow already filed under this number is left as it is. */
export async function insertFlow(
  db: Db,
  f: {
    numero: string;
    syntax: string;
    blobSha256: string;
    filename?: string;
    depositedBy?: string;
    at: string;
  },
): Promise<void> {
  await db('flows')
    .insert({
      numero: f.numero,
      syntax: f.syntax,
      blob_sha256: f.blobSha256,
      filename: f.filename ?? null,
      deposited_by: f.depositedBy ?? null,
      status: 'IN_RECU',
      deposited_at: f.at,
      updated_at: f.at,
    })
    .onConflict('numero')
    .ignore();
}

export async function findFlow(db: Db, numero: string): Promise<FlowRecord | undefined> {
  return db('flows').where({ numero }).first();
}

/** The flows a user deposited, newest first. */
export async function flowsDepositedBy(db: Db, userId: string, limit: number): Promise<FlowRecord[]> {
  return db('flows').where({ deposited_by: userId }).orderBy('deposited_at', 'desc').limit(limit);
}

/** Moves the flow's row to a state; a settled flow also gets its report. */
export async function updateFlowState(db: Db, s: FlowStateChange): Promise<void> {
  await db('flows')
    .where({ numero: s.numero })
    .update({
      status: s.status,
      updated_at: s.at,
      ...(s.invoiceCount !== undefined && { invoice_count: s.invoiceCount }),
      ...(s.report && {
        integrated_count: s.report.nombreFacturesIntegrees,
        report: JSON.stringify(s.report),
      }),
    });
}
