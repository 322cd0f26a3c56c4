import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { InvoiceActivities } from '../../activities/invoice';
import type { WorkflowHandle } from '@temporalio/client';
import { changeStatus, invoiceLifecycle, invoiceState, InvoiceStatusCode } from '../../workflows/invoice';
import { startTimeSkippingServer, workflowBundle } from '../support/temporal';
import { InvoiceDeposit } from '../../invoicing/types';

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

  async function run(
    activities: InvoiceActivities,
    d: InvoiceDeposit,
    then: (h: WorkflowHandle<typeof invoiceLifecycle>) => Promise<void> = async () => undefined,
  ) {
    const taskQueue = `time-skipping-${d.number}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    // Delivered invoices wait for the buyer: an hour of skipped time is enough to settle routing.
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.start(invoiceLifecycle, {
        workflowId: d.invoiceId,
        taskQueue,
        args: [d],
      });
      await env.sleep('1 hour');
      await then(handle);
      const state = await handle.query(invoiceState);
      // A workflow left waiting for the buyer would hold the shared clock once its worker is gone.
      if ((await handle.describe()).status.name === 'RUNNING') await handle.terminate('test over');
      return state;
    });
  }

  function recordingActivities(overrides: Partial<InvoiceActivities> = {}) {
    const statuses: [number, InvoiceStatusCode][] = [];
    const activities: InvoiceActivities = {
      registerDeposit: async () => ({ supplierStructureId: 'st-supplier' }),
      issueDepositCertificate: async () => deposit('X').blob,
      checkInvoice: async () => [],
      checkRouting: async () => [],
      recordRouting: async () => undefined,
      recordValidator: async () => undefined,
      recordStatus: async ({ entry }) => {
        statuses.push([entry.seq, entry.status]);
      },
      recordPayment: async () => undefined,
      recordRejectionAcknowledged: async () => undefined,
      notifyStatusChange: async () => undefined,
      notifyLatePayment: async () => undefined,
      deliverToRecipient: async () => ({ structureId: 'st-recipient', format: 'original' as const }),
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
        return { structureId: 'st-recipient', format: 'original' as const };
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
        return { format: 'original' as const };
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

  const buyer = {
    userId: 'u-buyer',
    memberships: [{ structureId: 'st-recipient', role: 'UTILISATEUR', services: [] }],
  };

  it('tells the supplier when the payment delay passes, and computes the interest when payment comes late', async () => {
    const late: string[] = [];
    const { activities } = recordingActivities({
      notifyLatePayment: async ({ dueDate }) => {
        late.push(dueDate);
      },
    });
    const d = {
      ...deposit('LATE-1'),
      depositedAt: new Date().toISOString(),
      totals: { amountDue: '1000.00' },
      referenceRate: '2.15',
      paymentDelays: { standardDays: 30, hospitalDays: 50 },
    };
    let paid: unknown;
    const state = await run(activities, d, async (handle) => {
      expect((await handle.query(invoiceState)).payment).toEqual({
        dueDate: expect.any(String),
        late: false,
      });
      await env.sleep('40 days');
      expect(late).toHaveLength(1);
      paid = await handle.executeUpdate(changeStatus, {
        args: [{ actor: buyer, status: 'MISE_EN_PAIEMENT' }],
      });
      await handle.result();
    });
    expect(state.status).toBe('MISE_EN_PAIEMENT');
    expect(late).toEqual([state.payment!.dueDate]);
    // 1000.00 × (2.15 + 8) % × days / 365, to the cent: 10 days 2.78, 11 days (midnight crossed) 3.06.
    const charges = state.payment!.charges!;
    expect({ 10: '2.78', 11: '3.06' }[charges.daysLate as 10 | 11]).toBe(charges.interest);
    expect(charges).toMatchObject({ annualRate: '10.15', indemnity: '40.00' });
    expect(paid).toBeDefined();
  });

  it('routes an A9 invoice on when its validator never answers within the delay', async () => {
    const { activities, statuses } = recordingActivities();
    const d = {
      ...deposit('A9-1'),
      cadre: 'A9_FACTURE_SOUSTRAITANT',
      validatorId: 'main-contractor',
      validationDelayDays: 15,
      depositedAt: new Date().toISOString(),
    };
    const state = await run(activities, d, async (handle) => {
      expect((await handle.query(invoiceState)).status).toBe('A_VALIDER_1');
      await env.sleep('16 days');
    });
    expect(statuses.map(([, s]) => s)).toEqual([
      'A_VALIDER_1',
      'ABSENCE_VALIDATION_1_HORS_DELAI',
      'EN_COURS_ACHEMINEMENT',
      'MISE_A_DISPOSITION',
    ]);
    expect(state.history.map((h) => [h.status, h.reformCode])).toEqual([
      ['DEPOSEE', 200],
      ['A_VALIDER_1', 203],
      ['ABSENCE_VALIDATION_1_HORS_DELAI', 205],
      ['EN_COURS_ACHEMINEMENT', 201],
      ['MISE_A_DISPOSITION', 203],
    ]);
  });
});
