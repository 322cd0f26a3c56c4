import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { InvoiceActivities } from '../../activities/invoice';
import { invoiceLifecycle, InvoiceDeposit, InvoiceStatusCode } from '../../workflows/invoice';
import { startTimeSkippingServer, workflowBundle } from '../support/temporal';

const deposit = (number: string): InvoiceDeposit => ({
  invoiceId: `invoice/12345678200010/2026/${number}`,
  supplierId: '12345678200010',
  recipientId: '11000201100044',
  number,
  year: 2026,
  totals: {},
  blob: { sha256: 'a'.repeat(64), size: 10, mediaType: 'application/xml' },
  format: 'ubl',
  depositMode: 'UPLOAD_API',
  depositedAt: '2026-11-02T08:00:00.000Z',
});

describe('invoice workflow on the time-skipping server (activities injected)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkippingServer();
  }, 120_000);
  afterAll(() => env?.teardown());

  async function run(activities: InvoiceActivities, d: InvoiceDeposit) {
    const taskQueue = `time-skipping-${d.number}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    return worker.runUntil(
      env.client.workflow.execute(invoiceLifecycle, { workflowId: d.invoiceId, taskQueue, args: [d] }),
    );
  }

  function recordingActivities(overrides: Partial<InvoiceActivities> = {}) {
    const statuses: [number, InvoiceStatusCode][] = [];
    const activities: InvoiceActivities = {
      registerDeposit: async () => undefined,
      checkInvoice: async () => [],
      recordStatus: async (s) => {
        statuses.push([s.seq, s.status]);
      },
      deliverToRecipient: async () => undefined,
      ...overrides,
    };
    return { activities, statuses };
  }

  it('rides out a recipient delivery that keeps failing for minutes, then delivers once', async () => {
    let attempts = 0;
    const { activities, statuses } = recordingActivities({
      deliverToRecipient: async () => {
        attempts += 1;
        if (attempts < 8) throw new Error('recipient space unavailable');
      },
    });
    const started = Date.now();
    const state = await run(activities, deposit('RETRY-1'));
    expect(state.status).toBe('MISE_A_DISPOSITION');
    expect(attempts).toBe(8);
    expect(statuses).toEqual([
      [2, 'EN_COURS_ACHEMINEMENT'],
      [3, 'MISE_A_DISPOSITION'],
    ]);
    // 1+2+4+8+16+32+60 s of backoff were skipped, not waited for.
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('rejects with the checks findings and never routes the invoice', async () => {
    let delivered = false;
    const { activities, statuses } = recordingActivities({
      checkInvoice: async () => [{ rule: 'FF-ROUTE-04', severity: 'fatal', message: 'no recipient' }],
      deliverToRecipient: async () => {
        delivered = true;
      },
    });
    const state = await run(activities, deposit('REJECT-1'));
    expect(state.status).toBe('REJETEE');
    expect(statuses).toEqual([[2, 'REJETEE']]);
    expect(delivered).toBe(false);
  });

  it('routes an invoice whose findings are only warnings', async () => {
    const { activities, statuses } = recordingActivities({
      checkInvoice: async () => [{ rule: 'BR-CL-24', severity: 'warning', message: 'mime code' }],
    });
    const state = await run(activities, deposit('WARN-1'));
    expect(state.status).toBe('MISE_A_DISPOSITION');
    expect(state.findings).toHaveLength(1);
    expect(statuses.map(([, s]) => s)).toEqual(['EN_COURS_ACHEMINEMENT', 'MISE_A_DISPOSITION']);
  });
});
