import crypto from 'node:crypto';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { storeBlob } from '../platform/stored-blobs';
import type { BlobStore } from '../platform/blobs';
import type { Db } from '../platform/db';
import type { invoiceFlow } from '../workflows/flow';
import { flowTaskQueue } from '../platform/temporal';
import type { FlowSyntax } from './syntax';
import type { FlowDeposit } from './types';
import { findFlow, insertFlow } from './store';

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
  await insertFlow(db, {
    numero: numeroFluxDepot,
    syntax: f.syntax,
    blobSha256: blob.sha256,
    filename: f.filename,
    depositedBy: f.userId,
    at: now,
  });
  const dateDepot = new Date((await findFlow(db, numeroFluxDepot))!.deposited_at).toISOString();
  try {
    await client.workflow.start<typeof invoiceFlow>('invoiceFlow', {
      workflowId: `flux/${numeroFluxDepot}`,
      // Its invoices run on the flow queue with it (a child workflow takes its parent's queue).
      taskQueue: flowTaskQueue(taskQueue),
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
