"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NOT_RETRYABLE_ERRORS = void 0;
exports.boundedRetry = boundedRetry;
/**
 * Errors a retry cannot cure: a business rule refused the input (`DomainError` carries a stable code
 * such as TOKEN_INVALID or NOT_A_MEMBER), so the next attempt would be refused the same way.
 */
exports.NOT_RETRYABLE_ERRORS = ['DomainError'];
/**
 * The retry policy of the platform's activities outside the invoice and flow lifecycles: quick
 * retries for a lost worker or a busy database, bounded (about half an hour in all) so that a step
 * that keeps failing fails its run for an operator to see instead of retrying for ever.
 */
function boundedRetry(overrides = {}) {
    return {
        initialInterval: '1 second',
        maximumInterval: '1 minute',
        backoffCoefficient: 2,
        maximumAttempts: 40,
        nonRetryableErrorTypes: exports.NOT_RETRYABLE_ERRORS,
        ...overrides,
    };
}
//# sourceMappingURL=activity-retry.js.map