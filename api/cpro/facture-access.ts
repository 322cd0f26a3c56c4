import type { AppDeps } from '../app';
import { raccordementWorkflowId } from '../../service-mode/applications';
import { internalId } from '../../service-mode/identifiers';
import { readableInvoice } from '../../invoicing/access';
import { DomainError } from '../../platform/domain-error';
import type { InvoiceDeposit } from '../../invoicing/types';
import { CODES, CproError } from './wire';
import type { CproContext } from './context';

/** A base64 field's bytes; empty or not base64 is a refusal naming the field. */
export const decode = (value: string, field: string): Buffer => {
  const bytes = Buffer.from(value.replace(/\s/g, ''), 'base64');
  if (bytes.length === 0)
    throw new CproError(CODES.FILE_INVALID, `Champ ${field} : fichier vide ou pas en base64.`, field);
  return bytes;
};

/** Deposits of an application not yet in production go to its qualification scenario. */
export const qualificationOf = (ctx: CproContext): InvoiceDeposit['qualification'] =>
  ctx.application.mode === 'PRODUCTION'
    ? undefined
    : { raccordementId: raccordementWorkflowId(ctx.application.id) };

/**
 * The invoice a wire id names, if the technical account's structure is its party on the side the
 * operation is for (`validator`: the A9 / A12 validator; `any`: on whichever side, once its row is
 * filed); else the platform's "no such invoice" (a party's invoices are all it knows).
 */
export async function invoiceOfParty(
  deps: AppDeps,
  ctx: CproContext,
  wire: unknown,
  side: 'supplier' | 'recipient' | 'validator' | 'any',
  refusal: { field: string; libelle?: string },
) {
  const notFound = () =>
    new CproError(
      CODES.INVOICE_NOT_FOUND,
      refusal.libelle ?? `Aucune facture ${String(wire)} pour cette structure.`,
      refusal.field,
    );
  const id = await internalId(deps.db, 'facture', wire);
  if (!id) throw notFound();
  try {
    const asked = side === 'any' || side === 'validator' ? undefined : side;
    const found = await readableInvoice(deps, ctx.caller, id, asked);
    if (side === 'any' && !(found.filed && found.sides.length > 0)) throw notFound();
    if (side === 'validator' && !found.sides.includes('validator')) throw notFound();
    return found;
  } catch (err) {
    if (err instanceof DomainError && (err.code === 'INVOICE_NOT_FOUND' || err.code === 'NOT_A_MEMBER'))
      throw notFound();
    throw err;
  }
}
