/** Why a Factur-X PDF could not be written; `code` is stable. */
export class FacturXWriteError extends Error {
  constructor(
    readonly code: 'FACTURX_CII_NOT_INVOICE' | 'FACTURX_PROFILE_MISMATCH',
    message: string,
  ) {
    super(message);
    this.name = 'FacturXWriteError';
  }
}
