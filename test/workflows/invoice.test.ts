import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { depositInvoice, DepositDeps } from '../../invoicing/deposit';
import type { Db } from '../../platform/db';
import { invoiceLifecycle, invoiceState } from '../../workflows/invoice';
import { createWorker } from '../../activities/worker';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { testMailer } from '../support/mail';
import { startDevServer, workflowBundle } from '../support/temporal';
import { closeTestDb, testBlobs, testDb, countRows } from '../support/stores';
import { registerStructure } from '../support/parties';
import { InvoiceState } from '../../invoicing/types';

const example = (name: string) =>
  fs.readFileSync(corpusPath('ConnectingEurope/eInvoicing-EN16931/ubl/examples', name));

describeWithCorpus('invoice workflow on the Temporal dev server', () => {
  let env: TestWorkflowEnvironment;
  let db: Db;
  let worker: Worker;
  let running: Promise<void>;
  let deps: DepositDeps;
  const taskQueue = 'invoice-workflow-test';

  beforeAll(async () => {
    [env, db] = await Promise.all([startDevServer(), testDb()]);
    const blobs = testBlobs();
    worker = await createWorker({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue,
      deps: { db, blobs, mailer: testMailer(db).mailer },
      workflowBundle: await workflowBundle(),
    });
    running = worker.run();
    deps = { client: env.client, db, blobs, taskQueue };
    // The examples' buyers, registered as recipient structures so routing finds them.
    for (const identifier of ['987654321', '10202', '1081119'])
      await registerStructure(db, { identifier, name: `Buyer ${identifier}` });
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await closeTestDb(db);
    await env?.teardown();
  });

  /** The workflow's view once it has settled at delivery (it then waits for the buyer) or rejection. */
  const result = async (id: string): Promise<InvoiceState> => {
    const handle = env.client.workflow.getHandle<typeof invoiceLifecycle>(id);
    for (;;) {
      const state = await handle.query(invoiceState);
      if (['MISE_A_DISPOSITION', 'REJETEE'].includes(state.status)) return state;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('takes an official example from DEPOSEE to MISE_A_DISPOSITION and files it', async () => {
    const { invoiceId, created } = await depositInvoice(deps, example('guide-example2.xml'), {
      depositMode: 'UPLOAD_API',
    });
    expect(created).toBe(true);
    expect(invoiceId).toBe('invoice/123456789/2013/TOSL108');
    expect((await result(invoiceId)).status).toBe('MISE_A_DISPOSITION');

    const row = await db('invoices').where({ id: invoiceId }).first();
    expect(row).toMatchObject({
      status: 'MISE_A_DISPOSITION',
      number: 'TOSL108',
      recipient_id: '987654321',
      currency: 'NOK',
      total_with_vat: '1801.78',
      amount_due: '801.78',
    });
    const history = await db('invoice_status_history').where({ invoice_id: invoiceId }).orderBy('seq');
    expect(history.map((h) => h.status)).toEqual(['DEPOSEE', 'EN_COURS_ACHEMINEMENT', 'MISE_A_DISPOSITION']);

    if (process.env.RECORD_HISTORIES === 'true') {
      // Refreshes the fixture the replay test guards determinism with (after an intended workflow change).
      const history = await env.client.workflow.getHandle(invoiceId).fetchHistory();
      fs.writeFileSync(
        path.join(__dirname, '..', 'fixtures', 'histories', 'invoice-lifecycle.json'),
        historyToJSON(history),
      );
    }

    const description = await env.client.workflow.getHandle(invoiceId).describe();
    expect(description.typedSearchAttributes.getAll().map((p) => [p.key.name, p.value])).toEqual(
      expect.arrayContaining([
        ['InvoiceNumber', 'TOSL108'],
        ['InvoiceStatus', 'MISE_A_DISPOSITION'],
        ['SupplierSiret', '123456789'],
        ['RecipientSiret', '987654321'],
      ]),
    );
  });

  it('answers the same id for the same file and creates nothing new', async () => {
    const first = await depositInvoice(deps, example('ubl-tc434-example8.xml'), {
      depositMode: 'UPLOAD_API',
    });
    await result(first.invoiceId);
    const again = await depositInvoice(deps, example('ubl-tc434-example8.xml'), {
      depositMode: 'UPLOAD_API',
    });
    expect(again).toEqual({ invoiceId: first.invoiceId, created: false });
    expect(await countRows(db, 'invoices', { id: first.invoiceId })).toBe(1);
    expect(await countRows(db, 'invoice_status_history', { invoice_id: first.invoiceId })).toBe(3);
  });

  it('refuses another file under a number the supplier already used that year', async () => {
    const original = await depositInvoice(deps, example('ubl-tc434-example1.xml'), {
      depositMode: 'UPLOAD_API',
    });
    await result(original.invoiceId);
    // example10 is another document with the same seller, number and year.
    await expect(
      depositInvoice(deps, example('ubl-tc434-example10.xml'), { depositMode: 'UPLOAD_API' }),
    ).rejects.toMatchObject({ code: 'DUPLICATE_INVOICE' });
  });

  it('rejects an invoice without a recipient identifier, with the reason in the history', async () => {
    const { invoiceId } = await depositInvoice(deps, example('ubl-tc434-example6.xml'), {
      depositMode: 'UPLOAD_API',
    });
    const state = await result(invoiceId);
    expect(state.status).toBe('REJETEE');
    // Without a buyer identifier the recipient directory cannot find it either.
    expect(
      state.findings
        .filter((f) => f.severity === 'fatal')
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['FF-RECIPIENT-01', 'FF-ROUTE-04']);
    const last = await db('invoice_status_history')
      .where({ invoice_id: invoiceId })
      .orderBy('seq', 'desc')
      .first();
    expect(last.status).toBe('REJETEE');
    expect(JSON.parse(last.reasons).map((f: { rule: string }) => f.rule)).toContain('FF-ROUTE-04');
  });
});
