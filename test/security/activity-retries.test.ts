import fs from 'node:fs';
import path from 'node:path';
import type { ActivityOptions } from '@temporalio/common';

/**
 * Every workflow's activity options, read as the workflow modules declare them: a retry policy
 * without a maximum number of attempts (Temporal's default retries for ever) fails here, and the
 * workflows outside the invoice and flow lifecycles must mark business refusals as not retryable.
 */
const declared: { module: string; options: ActivityOptions }[] = [];
let loading = '';

jest.mock('@temporalio/workflow', () => {
  const actual = jest.requireActual('@temporalio/workflow');
  return {
    ...actual,
    proxyActivities: (options: ActivityOptions) => {
      declared.push({ module: loading, options });
      return new Proxy({}, { get: () => () => Promise.reject(new Error('not in a workflow')) });
    },
  };
});

const WORKFLOWS = path.join(__dirname, '../../workflows');
/** Workflows whose activities are declared inside the workflow function, from its input. */
const DECLARED_PER_RUN = ['connector.ts'];
/** Workflows that handle business refusals themselves (the invoice lifecycle rejects the invoice). */
const OWN_REFUSALS = ['invoice.ts', 'flow.ts'];

const modules = fs
  .readdirSync(WORKFLOWS)
  .filter((f) => f.endsWith('.ts') && !DECLARED_PER_RUN.includes(f))
  .filter((f) => /\bproxyActivities\b/.test(fs.readFileSync(path.join(WORKFLOWS, f), 'utf8')));

beforeAll(() => {
  for (const file of modules) {
    loading = file;
    jest.isolateModules(() => require(path.join(WORKFLOWS, file)));
  }
});

describe('activity retry policies', () => {
  it('finds the workflows that declare activities', () => {
    expect(modules).toEqual(
      expect.arrayContaining([
        'account.ts',
        'emailed-link.ts',
        'membership.ts',
        'password-reset.ts',
        'raccordement.ts',
        'support-request.ts',
        'support.ts',
        'technical-account.ts',
        'invoice.ts',
        'flow.ts',
      ]),
    );
  });

  it.each(modules)('%s: every activity has a bounded number of attempts', (file) => {
    const mine = declared.filter((d) => d.module === file);
    expect(mine.length).toBeGreaterThan(0);
    for (const { options } of mine) {
      expect(options.retry?.maximumAttempts).toBeGreaterThan(0);
      expect(options.retry?.maximumAttempts).toBeLessThanOrEqual(100);
      expect(options.retry?.maximumInterval).toBeDefined();
    }
  });

  it.each(modules.filter((f) => !OWN_REFUSALS.includes(f)))(
    '%s: a business refusal (DomainError) is not retried',
    (file) => {
      for (const { options } of declared.filter((d) => d.module === file))
        expect(options.retry?.nonRetryableErrorTypes).toContain('DomainError');
    },
  );
});
