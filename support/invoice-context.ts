import type { Db } from '../platform/db';
import { invoiceHistory, latestInvoiceNumbered } from '../invoicing/read-model';
import { structureIdentifiersOfUser } from '../structures';
import { localizeWith, type Localisable } from '../invoice/messages/localize';
import { frenchCatalogue } from '../invoice/messages';

/** A finding or reason recorded with a status change (invoice_status_history.reasons). */
export interface Reason {
  rule?: string;
  message: string;
}

export interface InvoiceContext {
  id: string;
  number: string;
  status: string;
  /** The reasons of the latest status change that gave some (rejection findings, suspension motive). */
  reasons: Reason[];
  comment?: string;
}

/** Words that look like invoice numbers: a digit in them, and not a validation rule id. */
export function invoiceNumbersIn(question: string): string[] {
  return (question.match(/[A-Za-z0-9][\w/.-]*\d[\w/.-]*/g) ?? [])
    .map((n) => n.replace(/[.-]+$/, ''))
    .filter((n) => n.length >= 3 && !/^(BR|FF|UBL|CII)-/i.test(n));
}

/**
 * The caller's invoice named in a question, read from the read model: only invoices whose supplier is
 * a structure the caller is a member of, so nobody learns about another supplier's invoices.
 */
export async function callerInvoice(
  db: Db,
  userId: string,
  question: string,
): Promise<InvoiceContext | undefined> {
  const numbers = invoiceNumbersIn(question);
  if (numbers.length === 0) return undefined;
  const row = await latestInvoiceNumbered(db, await structureIdentifiersOfUser(db, userId), numbers);
  if (!row) return undefined;
  const latest = (await invoiceHistory(db, row.id)).filter((h) => h.reasons !== undefined).pop();
  // The assistant speaks French: findings are explained in the supplier's words, ids kept.
  const reasons: Reason[] = (latest?.reasons ?? []).map((r: Reason) =>
    r.rule ? localizeWith(frenchCatalogue(), r as Localisable, 'fr') : r,
  );
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    reasons,
    comment: latest?.comment,
  };
}
