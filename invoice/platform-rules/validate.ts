import type { Invoice } from '../model';
import type { Finding } from '../validate/finding';
import type { PlatformContext, RecipientParameters } from './context';
import { FF_CADRE_01 } from './rules/cadre';
import { FF_DUP_01 } from './rules/duplicate';
import { FF_SIREN_01, FF_SIRET_01 } from './rules/identifiers';
import { FF_IBAN_01 } from './rules/iban';
import {
  FF_EJ_01,
  FF_EJ_02,
  FF_EUR_01,
  FF_RECIPIENT_01,
  FF_SERVICE_01,
  recipientIdentifier,
} from './rules/routing';

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

  let recipient: RecipientParameters | undefined;
  if (ctx.recipients) {
    const id = recipientIdentifier(invoice);
    recipient = id ? await ctx.recipients.find(id.value.trim(), id.schemeId?.trim() || undefined) : undefined;
    findings.push(...FF_RECIPIENT_01(invoice, recipient));
    if (recipient) {
      findings.push(...FF_SERVICE_01(invoice, recipient), ...FF_EJ_02(invoice, recipient));
      findings.push(...FF_EUR_01(invoice, recipient));
    }
  }
  findings.push(...FF_EJ_01(invoice, recipient));

  if (ctx.duplicates) findings.push(...(await FF_DUP_01(invoice, ctx.duplicates, ctx.today)));
  return findings;
}
