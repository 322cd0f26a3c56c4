import { storeBlob } from '../platform/stored-blobs';
import crypto from 'node:crypto';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { BlobStore } from '../platform/blobs';
import type { Db } from '../platform/db';
import type { FlowSyntax } from './syntax';
import { invoiceFlow, type FlowDeposit } from '../workflows/flow';

export interface FlowDepositDeps {
  db: Db;
  blobs: BlobStore;
  client: Client;
  taskQueue: string;
}

/**
 * Stores a deposited flow, files its row (IN_RECU) and starts its workflow flux/<numeroFluxDepot>.
 * The number is derived from the syntax and the archive's bytes, so a retried upload (or an inbox
 * file picked up again after a crash) answers the same flow instead of filing it twice.
 */
export async function depositFlow(
  { db, blobs, client, taskQueue }: FlowDepositDeps,
  bytes: Buffer,
  f: { syntax: FlowSyntax; filename?: string; userId?: string; qualification?: FlowDeposit['qualification'] },
) {
  const digest = crypto.createHash('sha256').update(f.syntax).update('\n').update(bytes).digest('hex');
  const numeroFluxDepot = `FX${digest.slice(0, 18).toUpperCase()}`;
  const now = new Date().toISOString();
  const blob = await storeBlob(db, blobs, bytes, {
    mediaType: 'application/octet-stream',
    filename: f.filename,
  });
  await db('flows')
    .insert({
      numero: numeroFluxDepot,
      syntax: f.syntax,
      blob_sha256: blob.sha256,
      filename: f.filename ?? null,
      deposited_by: f.userId ?? null,
      status: 'IN_RECU',
      deposited_at: now,
      updated_at: now,
    })
    .onConflict('numero')
    .ignore();
  const flow = await db('flows').where({ numero: numeroFluxDepot }).first('deposited_at');
  const dateDepot = new Date(flow.deposited_at).toISOString();
  try {
    await client.workflow.start(invoiceFlow, {
      workflowId: `flux/${numeroFluxDepot}`,
      taskQueue,
      args: [
        {
          deposit: {
            numeroFluxDepot,
            syntaxeFlux: f.syntax,
            blob,
            depositedAt: dateDepot,
            depositedBy: f.userId,
            ...(f.qualification && { qualification: f.qualification }),
          },
        },
      ],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      staticSummary: `Flow ${numeroFluxDepot} (${f.syntax}${f.filename ? `, ${f.filename}` : ''})`,
    });
    return { numeroFluxDepot, dateDepot, created: true };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    return { numeroFluxDepot, dateDepot, created: false };
  }
}
