import type { Invoice } from '../model';
import type { Finding } from '../validate/finding';
import type { PlatformContext } from './context';
import { FF_CADRE_01 } from './rules/cadre';
import { FF_DUP_01 } from './rules/duplicate';
import { FF_SIREN_01, FF_SIRET_01 } from './rules/identifiers';
import { FF_IBAN_01 } from './rules/iban';
import { FF_EUR_01, routingFactsOf } from './rules/routing';
import { checkRouting } from './routing';

/**
 * The platform's own deposit rules, on top of EN 16931. Rules that need the recipient's parameters run
 * only when a directory is given, and FF-DUP-01 only when a duplicate registry is given.
 */
export async function validatePlatformRules(invoice: Invoice, ctx: PlatformContext = {}): Promise<Finding[]> {
  const findings = [
    ...FF_SIRET_01(invoice),
    ...FF_SIREN_01(invoice),
    ...FF_CADRE_01(invoice),
    ...FF_IBAN_01(invoice),
  ];

  const routing = await checkRouting(routingFactsOf(invoice), ctx.recipients);
  findings.push(...routing.findings);
  if (routing.recipient) findings.push(...FF_EUR_01(invoice, routing.recipient));

  if (ctx.duplicates) findings.push(...(await FF_DUP_01(invoice, ctx.duplicates, ctx.today)));
  return findings;
}
