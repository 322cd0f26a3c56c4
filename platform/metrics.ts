import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { MetricMeter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { flowTaskQueue } from './temporal';
import { DomainError } from './domain-error';

/**
 * The API process's Prometheus metrics. Each process counts what it served; Prometheus scrapes every
 * API process and sums. Labels are closed lists (channel, outcome, queue), never an invoice id, a
 * caller or anything a client chose, so neither secrets nor unbounded series come out.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'facturflow_api_' });

/** Deposits by channel (API, PORTAIL, FLUX, SERVICE...) and outcome (accepted, duplicate, refused, failed). */
export const deposits = new Counter({
  name: 'facturflow_deposits_total',
  help: 'Invoice and flow deposits received, by channel and outcome',
  labelNames: ['channel', 'outcome'] as const,
  registers: [registry],
});

const DEPOSIT_CHECK_HELP = 'Time to read and check a deposited file before its workflow starts, by channel';

/** The deposit's reading before any workflow starts: syntax, identifiers, filing rules. */
export const depositCheckSeconds = new Histogram({
  name: 'facturflow_deposit_check_seconds',
  help: DEPOSIT_CHECK_HELP,
  labelNames: ['channel'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

/** accepted: a workflow started; duplicate: the same file again; refused: the sender's mistake; failed: ours. */
export type DepositOutcome = 'accepted' | 'duplicate' | 'refused' | 'failed';

export function countDeposit(channel: string, outcome: DepositOutcome): void {
  const meter = activityMeter();
  if (!meter) deposits.inc({ channel, outcome });
  else
    meter
      .createCounter(
        'facturflow_deposits',
        undefined,
        'Invoice and flow deposits received, by channel and outcome',
      )
      .add(1, { channel, outcome });
}

/**
 * Times a deposit's checks and counts the deposit when they refuse it: an error with a stable code
 * (a DomainError) is the sender's mistake, anything else failed on the platform's side.
 */
export async function timedDepositCheck<T>(channel: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } catch (err) {
    countDeposit(channel, err instanceof DomainError ? 'refused' : 'failed');
    throw err;
  } finally {
    const seconds = (performance.now() - started) / 1000;
    const meter = activityMeter();
    if (!meter) depositCheckSeconds.observe({ channel }, seconds);
    else
      meter
        .createHistogram('facturflow_deposit_check_seconds', 'float', 's', DEPOSIT_CHECK_HELP)
        .record(seconds, { channel });
  }
}

/**
 * Deposits counted by a worker (a flow's or a connector's invoices, read and filed by activities) go
 * to the Temporal SDK's metric meter: a worker serves no /metrics of its own, and the SDK's exporter
 * (WORKER_METRICS_PORT) publishes what the meter records, under the same names. Outside an activity
 * (the API), this process's registry.
 */
function activityMeter(): MetricMeter | undefined {
  try {
    return Context.current().metricMeter;
  } catch {
    return undefined;
  }
}

const backlog = new Gauge({
  name: 'facturflow_task_queue_backlog',
  help: 'Approximate tasks waiting in a Temporal task queue (DescribeTaskQueue), by queue and kind',
  labelNames: ['queue', 'kind'] as const,
  registers: [registry],
});

const backlogAge = new Gauge({
  name: 'facturflow_task_queue_backlog_age_seconds',
  help: 'Age of the oldest task waiting in a Temporal task queue, by queue and kind',
  labelNames: ['queue', 'kind'] as const,
  registers: [registry],
});

const backlogScrapeErrors = new Counter({
  name: 'facturflow_task_queue_describe_errors_total',
  help: 'DescribeTaskQueue calls that failed (the backlog gauges then keep their last values)',
  registers: [registry],
});

/** Asked of Temporal at most this often, however often (and by however many scrapers) /metrics is read. */
const BACKLOG_CACHE_MS = 10_000;

/**
 * Reads the backlog of the platform's queues (its own and the flow queue, workflow and activity tasks)
 * from DescribeTaskQueue with stats, at most every BACKLOG_CACHE_MS. A server without task queue stats
 * answers none: the gauges stay absent rather than report a false zero.
 */
export function backlogReader(client: Client, namespace: string, taskQueue: string): () => Promise<void> {
  let readAt = 0;
  let reading: Promise<void> | undefined;
  const kinds = [
    ['workflow', temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW],
    ['activity', temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY],
  ] as const;
  const read = async () => {
    const queues = [taskQueue, flowTaskQueue(taskQueue)];
    await Promise.all(
      queues.flatMap((queue) =>
        kinds.map(async ([kind, taskQueueType]) => {
          const { stats } = await client.connection.withDeadline(Date.now() + 5000, () =>
            client.workflowService.describeTaskQueue({
              namespace,
              taskQueue: { name: queue },
              taskQueueType,
              reportStats: true,
            }),
          );
          if (!stats) return;
          backlog.set({ queue, kind }, Number(stats.approximateBacklogCount ?? 0));
          backlogAge.set({ queue, kind }, Number(stats.approximateBacklogAge?.seconds ?? 0));
        }),
      ),
    );
  };
  return async () => {
    if (Date.now() - readAt < BACKLOG_CACHE_MS) return reading;
    readAt = Date.now();
    reading = read().catch(() => backlogScrapeErrors.inc());
    return reading;
  };
}
