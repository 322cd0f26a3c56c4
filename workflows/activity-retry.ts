import type { RetryPolicy } from '@temporalio/common';

/**
 * Errors a retry cannot cure: a business rule refused the input (`DomainError` carries a stable code
 * such as TOKEN_INVALID or NOT_A_MEMBER), so the next attempt would be refused the same way.
 */
export const NOT_RETRYABLE_ERRORS = ['DomainError'];

/**
 * The retry policy of the platform's activities outside the invoice and flow lifecycles: quick
 * retries for a lost worker or a busy database, bounded (about half an hour in all) so that a step
 * that keeps failing fails its run for an operator to see instead of retrying for ever.
 */
export function boundedRetry(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    backoffCoefficient: 2,
    maximumAttempts: 40,
    nonRetryableErrorTypes: NOT_RETRYABLE_ERRORS,
    ...overrides,
  };
}
