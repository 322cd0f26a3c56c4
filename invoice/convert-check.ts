import { checkInvoiceFile, type CheckResult } from './check';
import { convert, type ConversionFinding, type ConversionTarget, type ConvertOptions } from './convert';
import type { Finding } from './validate';

/** A conversion judged by the validator the platform judges deposits with. */
export interface CheckedConversion {
  output: Uint8Array;
  /** Business terms the target syntax could not carry (FF-CONV-*). */
  findings: ConversionFinding[];
  /** Fatal findings on the output whose rule the source did not break: when any, the output is invalid. */
  introduced: Finding[];
  /** The rule sets that judged the output (see CheckResult.ruleSets); none for a plain PDF. */
  ruleSets?: string[];
}

/** The fatal findings of `output` whose rule is not among the source's fatal findings. */
export function introducedFatal(source: Finding[], output: Finding[]): Finding[] {
  const before = new Set(source.filter((f) => f.severity === 'fatal').map((f) => f.rule));
  return output.filter((f) => f.severity === 'fatal' && !before.has(f.rule));
}

/**
 * Converts a checked source and validates the result (XSD and EN 16931 or Factur-X profile rules, as
 * `checkInvoiceFile` does for a deposit). A plain PDF carries no invoice and is not judged.
 * `source` is the source file's own verdict under the same rules, so only what the conversion adds
 * is reported: a source that was already invalid does not make every conversion of it refused.
 */
export async function convertChecked(
  source: Pick<CheckResult, 'invoice' | 'findings'>,
  target: ConversionTarget,
  options: ConvertOptions = {},
): Promise<CheckedConversion> {
  if (!source.invoice) throw new Error('the source is not a readable invoice');
  const { output, findings } = await convert(source.invoice, target, options);
  if (target === 'pdf') return { output, findings, introduced: [] };
  const verdict = await checkInvoiceFile(output, { rules: 'en16931' });
  return {
    output,
    findings,
    introduced: introducedFatal(source.findings, verdict.findings),
    ruleSets: verdict.ruleSets,
  };
}
