/**
 * A flow (tar.gz) of N invoices deposited through the API to its final report, next to the same
 * number of single API deposits on the same platform in the same run: the aim is a flow at least as
 * fast per invoice as single deposits. The platform is the one the tests run (real Temporal dev
 * server, one worker with every workflow, SQLite or DATABASE_URL), used by a signed-in supplier.
 * Usage: npm run bench:flow [-- --invoices 500] [-- --concurrency 10] [-- --smoke]
 */
import { Command, InvalidArgumentError } from 'commander';
import { temporal } from '@temporalio/proto';
import { json, startTestPlatform, type TestPlatform } from '../test/support/platform';
import { seedUser } from '../test/support/people';
import { generateFlow, registerRecipient, registerSupplier, tarGz } from '../test/deposits/support/flows';
import { waitForFlow, waitForInvoice } from '../test/deposits/support/wait';
import { BASELINE, fmt, printFigures, printTable, smoke } from './report';

const positive = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
};
const opts = new Command('bench:flow')
  .option('--invoices <n>', 'invoices in the flow, and single deposits to compare', positive, smoke ? 5 : 500)
  .option('--concurrency <c>', 'single deposits in flight at once', positive, 10)
  .option('--smoke', 'a few invoices, to check the benchmark runs')
  .parse()
  .opts<{ invoices: number; concurrency: number }>();

const DELIVERED = ['MISE_A_DISPOSITION'];
/** Generous: the issue saw 500 invoices take over 8 minutes on a loaded machine. */
const FLOW_TIMEOUT_MS = Math.max(120_000, opts.invoices * 2_000);

async function main(): Promise<void> {
  const p = await startTestPlatform();
  try {
    const token = await seedUser(p.db, 'bench-edi');
    await registerSupplier(p.db, 'bench-edi');
    await registerRecipient(p.db);
    const run = Date.now().toString(36).toUpperCase();
    const auth = { authorization: `Bearer ${token}` };

    // Every invoice valid: invalidEvery beyond the count.
    const flow = generateFlow(`FLX${run}`, opts.invoices, opts.invoices + 1);
    const body = await tarGz(flow.files);
    const flowStart = performance.now();
    const res = await fetch(`${p.url}/api/v1/flows?syntaxeFlux=IN_DP_E1_UBL_INVOICE`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/gzip' },
      body,
    });
    if (res.status !== 202) throw new Error(`flow deposit answered ${res.status}: ${await res.text()}`);
    const { numeroFluxDepot } = await json(res);
    const accepted = (performance.now() - flowStart) / 1000;
    const unpacked = waitForUnpack(p.url, token, numeroFluxDepot, flowStart);
    const settled = await waitForFlow(p.url, token, numeroFluxDepot, FLOW_TIMEOUT_MS);
    const reportRes = await fetch(`${p.url}/api/v1/flows/${numeroFluxDepot}/report`, { headers: auth });
    if (!reportRes.ok) throw new Error(`flow report answered ${reportRes.status}`);
    const flowSeconds = (performance.now() - flowStart) / 1000;
    const history = await flowHistory(p.env.client, `flux/${numeroFluxDepot}`);
    const unpackedAt = await unpacked;
    const integrated = Number(settled.nombreFacturesIntegrees);
    if (integrated !== opts.invoices)
      throw new Error(`flow ${numeroFluxDepot} integrated ${integrated} of ${opts.invoices} invoices`);

    const singles = generateFlow(`ONE${run}`, opts.invoices, opts.invoices + 1).files;
    const singleStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(opts.concurrency, singles.length) }, async () => {
        while (next < singles.length) {
          const file = singles[next++];
          const r = await fetch(`${p.url}/api/v1/invoices`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/xml' },
            body: file.xml,
          });
          if (r.status !== 202) throw new Error(`deposit answered ${r.status}: ${await r.text()}`);
          const { id } = await json(r);
          await waitForInvoice(p.url, token, id, DELIVERED, FLOW_TIMEOUT_MS);
        }
      }),
    );
    const singleSeconds = (performance.now() - singleStart) / 1000;

    const flowRate = opts.invoices / flowSeconds;
    const singleRate = opts.invoices / singleSeconds;
    console.log(
      `\n${opts.invoices} invoices, database ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}` +
        (smoke ? ' (smoke run: figures are not comparable)' : ''),
    );
    printTable(
      ['run', 'seconds', 'invoices/s', 'today inv/s'],
      [
        ['flow (tar.gz) → final report', fmt(flowSeconds, 1), fmt(flowRate, 2), fmt(BASELINE.flowPerSecond)],
        [
          `single API deposits (concurrency ${opts.concurrency}) → delivered`,
          fmt(singleSeconds, 1),
          fmt(singleRate, 2),
          '',
        ],
      ],
    );
    console.log(`ratio flow / single deposits: ${fmt(flowRate / singleRate, 2)} (aim ≥ 1)`);
    console.log(
      `flow profile: upload answered after ${fmt(accepted, 2)} s, archive unpacked after ${fmt(unpackedAt, 2)} s; ` +
        `${history.runs} run(s) of the flow workflow (continue-as-new), ${history.events} history events ` +
        `(${fmt(history.events / opts.invoices, 1)} per invoice), ${history.activities} activities, ` +
        `${history.workflowTasks} workflow tasks, ${history.timers} poll timers.`,
    );
    printFigures('flow', {
      invoices: opts.invoices,
      database: process.env.DATABASE_URL ? 'postgresql' : 'sqlite',
      flowSeconds,
      flowPerSecond: flowRate,
      singlePerSecond: singleRate,
      ratio: flowRate / singleRate,
      profile: { acceptedSeconds: accepted, unpackedSeconds: unpackedAt, ...history },
      today: { flowPerSecond: BASELINE.flowPerSecond },
    });
  } finally {
    await p.stop();
  }
}

/** Seconds from the upload until the flow left IN_RECU (its archive unpacked), polled every 100 ms. */
async function waitForUnpack(url: string, token: string, numero: string, since: number): Promise<number> {
  for (;;) {
    const res = await fetch(`${url}/api/v1/flows/${numero}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = res.ok ? await json(res) : {};
    if (body.etatCourantFlux && body.etatCourantFlux !== 'IN_RECU') return (performance.now() - since) / 1000;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What the flow cost Temporal: runs, history events and their kinds, over every run of the id. */
async function flowHistory(client: TestPlatform['env']['client'], workflowId: string) {
  const counts = { runs: 0, events: 0, activities: 0, workflowTasks: 0, timers: 0 };
  const { EventType } = temporal.api.enums.v1;
  for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    counts.runs += 1;
    const history = await client.workflow.getHandle(workflowId, run.runId).fetchHistory();
    for (const event of history.events ?? []) {
      counts.events += 1;
      if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) counts.activities += 1;
      if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) counts.workflowTasks += 1;
      if (event.eventType === EventType.EVENT_TYPE_TIMER_STARTED) counts.timers += 1;
    }
  }
  return counts;
}

main().catch((err: unknown) => {
  console.error(`bench:flow failed: ${(err as Error).message}`);
  process.exit(1);
});
