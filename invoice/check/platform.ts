import { validatePlatformRules, type PlatformContext } from '../platform-rules';
import type { Finding } from '../validate';
import { CHECK_RULES, warning } from './findings';
import type { ReadInvoiceFile } from './read';

/**
 * The platform's deposit rules. Those needing the recipient directory or the duplicate registry run
 * only when given one (e.g. not from the CLI); a warning says so, lest silence read as a pass.
 */
export async function platformFindings(file: ReadInvoiceFile, ctx: PlatformContext = {}): Promise<Finding[]> {
  const findings = await validatePlatformRules(file.invoice, ctx);
  const missing = [ctx.recipients ? '' : 'recipient directory', ctx.duplicates ? '' : 'duplicate registry'];
  const absent = missing.filter(Boolean);
  if (absent.length) {
    findings.push(
      warning(
        CHECK_RULES.rulesNotRun,
        `No ${absent.join(' and ')} given: the platform rules that need it were not checked.`,
      ),
    );
  }
  return findings;
}
