/**
 * A refusal by a business rule: a stable code (`NOT_A_MEMBER`, `DUPLICATE_INVOICE`...), a message, and
 * details naming the offending field. Features throw it and know nothing of transports; each edge turns
 * the code into its own answer (HTTP status, Service mode `codeRetour`, a sentence in French).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: { field?: string; [key: string]: unknown },
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
