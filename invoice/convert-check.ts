import { checkInvoiceFile, type CheckResult } from './check';
import {
  convert,
  writtenSpecificationId,
  type ConversionFinding,
  type ConversionTarget,
  type ConvertOptions,
} from './convert';
import type { Finding } from './validate';
import { PEPPOL_BIS_BILLING } from './validate/peppol';
import type { XmlLimits } from './xml';

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

/** The rules a conversion's source may be judged by: those a deposit applies besides the platform's. */
export type ConversionRules = 'en16931' | 'peppol';

/** The fatal findings of `output` whose rule is not among the source's fatal findings. */
export function introducedFatal(source: Finding[], output: Finding[]): Finding[] {
  const before = new Set(source.filter((f) => f.severity === 'fatal').map((f) => f.rule));
  return output.filter((f) => f.severity === 'fatal' && !before.has(f.rule));
}

const declaresPeppol = (specificationId: string | undefined) =>
  specificationId?.trim() === PEPPOL_BIS_BILLING;

/**
 * Judges the source of a conversion as a deposit does, minus the platform's rules: EN 16931 (or its
 * Factur-X profile's rules), plus Peppol BIS when the document declares it (BT-24) or `rules` asks for
 * it. `convertChecked` then judges the result by the same rule sets.
 */
export async function checkConversionSource(
  bytes: Uint8Array,
  options: { rules?: ConversionRules; limits?: XmlLimits } = {},
): Promise<CheckResult> {
  const { rules, limits } = options;
  if (rules) return checkInvoiceFile(bytes, { rules, limits });
  // A document naming Peppol BIS is most likely one: judged once, unless it turns out not to declare it.
  const first: ConversionRules = Buffer.from(bytes).includes(PEPPOL_BIS_BILLING) ? 'peppol' : 'en16931';
  const verdict = await checkInvoiceFile(bytes, { rules: first, limits });
  if (declaresPeppol(verdict.invoice?.specificationId) === (first === 'peppol') || !verdict.invoice)
    return verdict;
  return checkInvoiceFile(bytes, { rules: first === 'peppol' ? 'en16931' : 'peppol', limits });
}

/**
 * Converts a checked source and validates the result by the rule sets that judged the source (see
 * `checkConversionSource`): XSD and EN 16931 or Factur-X profile rules, as `checkInvoiceFile` does for a
 * deposit, and Peppol BIS for the result's syntax when the source was judged by it, unless the result
 * is no Peppol document any more (a Factur-X profile's BT-24 replaced the Peppol one). A plain PDF
 * carries no invoice and is not judged. `source` is the source file's own verdict under the same rules,
 * so only what the conversion adds is reported: a source that was already invalid does not make every
 * conversion of it refused.
 */
export async function convertChecked(
  source: Pick<CheckResult, 'invoice' | 'findings' | 'ruleSets'>,
  target: ConversionTarget,
  options: ConvertOptions = {},
): Promise<CheckedConversion> {
  if (!source.invoice) throw new Error('the source is not a readable invoice');
  const judgedByPeppol =
    (source.ruleSets?.includes('peppol') ?? false) &&
    target !== 'pdf' &&
    (!declaresPeppol(source.invoice.specificationId) ||
      declaresPeppol(writtenSpecificationId(source.invoice, target, options.profile)));
  const { output, findings } = await convert(source.invoice, target, {
    ...options,
    peppol: options.peppol ?? judgedByPeppol,
  });
  if (target === 'pdf') return { output, findings, introduced: [] };
  const verdict = await checkInvoiceFile(output, { rules: judgedByPeppol ? 'peppol' : 'en16931' });
  return {
    output,
    findings,
    introduced: introducedFatal(source.findings, verdict.findings),
    ruleSets: verdict.ruleSets,
  };
}
