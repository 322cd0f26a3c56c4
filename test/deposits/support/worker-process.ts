// A platform worker in a process of its own, so a test can SIGKILL it mid-flow and start another.
// Settings come from the environment the test passes; the workflow bundle is the test's, prebuilt.
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createDb } from '../../../platform/db';
import { FsBlobStore } from '../../../platform/blobs';
import { createWorker } from '../../../platform/worker';
import { testMailer } from '../../support/mail';

async function main() {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const env = process.env;
  const db = env.WORKER_DB_FILE
    ? createDb({ client: 'better-sqlite3', filename: env.WORKER_DB_FILE })
    : createDb({ client: 'pg', url: env.WORKER_DB_URL! }, { searchPath: env.WORKER_DB_SCHEMA });
  const connection = await NativeConnection.connect({ address: env.WORKER_TEMPORAL_ADDRESS! });
  const worker = await createWorker({
    connection,
    namespace: env.WORKER_NAMESPACE!,
    taskQueue: env.WORKER_TASK_QUEUE!,
    deps: { db, blobs: new FsBlobStore(env.WORKER_BLOB_DIR!), mailer: testMailer(db).mailer },
    workflowBundle: { codePath: env.WORKER_BUNDLE! },
  });
  process.stdout.write('worker ready\n');
  await worker.run();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
