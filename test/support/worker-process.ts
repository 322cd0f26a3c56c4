// A platform worker in a process of its own, so a test can SIGKILL it as a crash would (mid-flow,
// mid-page) and start another. Everything comes from the environment the test passes (see
// spawnWorker): the dev server, the database, the blob folder, the prebuilt workflow bundle, and for
// connector tests the credentials key and extra connector paths.
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createCipher, parseKey } from '../../connectors/credentials';
import { createRegistry } from '../../connectors/registry';
import { createDb } from '../../platform/db';
import { FsBlobStore } from '../../platform/blobs';
import { allowHosts, hostList } from '../../platform/public-host';
import { flowTaskQueue } from '../../platform/temporal';
import { testMailer } from './mail';

async function main() {
  // The test runner gone (a failed or interrupted run), the worker goes too: it reads nothing else on stdin.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const env = process.env;
  allowHosts(hostList(env.WORKER_CONNECTOR_ALLOWED_HOSTS));
  const db = env.WORKER_DB_FILE
    ? createDb({ client: 'better-sqlite3', filename: env.WORKER_DB_FILE })
    : createDb({ client: 'pg', url: env.WORKER_DB_URL! }, { searchPath: env.WORKER_DB_SCHEMA });
  const connection = await NativeConnection.connect({ address: env.WORKER_TEMPORAL_ADDRESS! });
  // As platform/worker's createWorker, plus a short sticky-queue timeout: the dead worker's workflows
  // come back to the shared queue in a second instead of ten, which keeps the kill tests short.
  // Both queues the platform's worker polls: its own and the flow queue.
  const workers = [env.WORKER_TASK_QUEUE!, flowTaskQueue(env.WORKER_TASK_QUEUE!)].map((taskQueue) =>
    Worker.create({
      connection,
      namespace: env.WORKER_NAMESPACE!,
      taskQueue,
      stickyQueueScheduleToStartTimeout: '1 second',
      activities: createActivities({
        db,
        blobs: new FsBlobStore(env.WORKER_BLOB_DIR!),
        mailer: testMailer(db).mailer,
        connectors: env.WORKER_SECRET_KEY
          ? {
              registry: createRegistry({ extraPaths: JSON.parse(env.WORKER_CONNECTOR_PATHS ?? '[]') }),
              cipher: createCipher(parseKey(env.WORKER_SECRET_KEY)),
              // Only the API reads it (for a new connection's schedule).
              syncIntervalMinutes: 15,
            }
          : undefined,
      }),
      workflowBundle: { codePath: env.WORKER_BUNDLE! },
    }),
  );
  const started = await Promise.all(workers);
  process.stdout.write('worker ready\n');
  await Promise.all(started.map((w) => w.run()));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
