import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { InvoiceActivities } from '../../activities/invoice';
import { invoiceLifecycle, invoiceState } from '../../workflows/invoice';
import type { InvoiceDeposit, StatusRecord } from '../../invoicing/types';
import { XmlError } from '../../invoice/xml';
import { startTimeSkippingServer, workflowBundle } from '../support/temporal';

const deposit = (number: string): InvoiceDeposit => ({
  invoiceId: `invoice/12345678200010/2026/${number}`,
  supplierId: '12345678200010',
  recipientId: '11000201100044',
  number,
  year: 2026,
  totals: {},
  blob: { sha256: 'b'.repeat(64), size: 10, mediaType: 'application/xml' },
  format: 'ubl',
  depositMode: 'UPLOAD_API',
  depositedAt: '2026-11-02T08:00:00.000Z',
});

describe('an invoice whose check cannot complete (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkippingServer();
  }, 120_000);
  afterAll(() => env?.teardown());

  async function run(number: string, checkInvoice: InvoiceActivities['checkInvoice']) {
    const recorded: StatusRecord[] = [];
    const activities = {
      registerDeposit: async () => ({ supplierStructureId: 'st-supplier' }),
      issueDepositCertificate: async () => deposit(number).blob,
      checkInvoice,
      recordStatus: async (s: StatusRecord) => {
        recorded.push(s);
      },
      notifyStatusChange: async () => undefined,
    } as unknown as InvoiceActivities;
    const taskQueue = `unjudged-${number}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.start(invoiceLifecycle, {
        workflowId: deposit(number).invoiceId,
        taskQueue,
        args: [deposit(number)],
      });
      await env.sleep('1 hour');
      const state = await handle.query(invoiceState);
      if ((await handle.describe()).status.name === 'RUNNING') await handle.terminate('test over');
      return { state, recorded };
    });
  }

  it('is rejected with its reason after a bounded number of attempts, never left DEPOSEE', async () => {
    let attempts = 0;
    const { state, recorded } = await run('UNJUDGED-1', async () => {
      attempts += 1;
      throw new Error('worker lost while checking');
    });
    expect(attempts).toBe(5);
    expect(state.status).toBe('REJETEE');
    expect(state.findings).toEqual([
      expect.objectContaining({
        rule: 'FF-CHECK-01',
        severity: 'fatal',
        message: expect.stringContaining('worker lost while checking'),
      }),
    ]);
    expect(recorded.map((r) => r.entry.status)).toEqual(['REJETEE']);
    expect(recorded[0].findings[0].rule).toBe('FF-CHECK-01');
  }, 120_000);

  it('does not retry an error about the file itself', async () => {
    let attempts = 0;
    const { state } = await run('UNJUDGED-2', async () => {
      attempts += 1;
      throw new XmlError('XML_TOO_DEEP', 'XML nesting deeper than 64 levels (limit 64)', 1, 64);
    });
    expect(attempts).toBe(1);
    expect(state.status).toBe('REJETEE');
  }, 120_000);
});
