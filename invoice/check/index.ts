import type { FacturXProfile } from '../cii/profile';
import type { Invoice } from '../model';
import type { PlatformContext } from '../platform-rules';
import type { Finding } from '../validate';
import { en16931Findings } from './en16931';
import { facturXFindings } from './facturx';
import { CHECK_RULES, errorCode, errorMessage, fatal } from './findings';
import { platformFindings } from './platform';
import { readInvoiceFile, type CheckedFormat, type ReadInvoiceFile } from './read';
import { xsdFindings } from './xsd';

export type { CheckedFormat } from './read';
export { CHECK_RULES } from './findings';

/** Which rules to judge a file by: the standard, the platform's own, or both. */
export type RuleSet = 'en16931' | 'platform' | 'all';
export const RULE_SETS: readonly RuleSet[] = ['en16931', 'platform', 'all'];

export interface CheckOptions {
  rules: RuleSet;
  /** Recipient directory and duplicate registry for the platform rules that need them. */
  platform?: PlatformContext;
}

export interface CheckResult {
  format: CheckedFormat;
  profile?: FacturXProfile;
  /** No fatal finding. */
  valid: boolean;
  findings: Finding[];
  /** The invoice read from the file, when it could be read. */
  invoice?: Invoice;
}

interface Stage {
  /** Named in the finding when the stage itself fails on an input. */
  name: string;
  appliesTo: (rules: RuleSet) => boolean;
  run: (file: ReadInvoiceFile, options: CheckOptions) => Finding[] | Promise<Finding[]>;
}

const standard = (rules: RuleSet) => rules !== 'platform';
const platform = (rules: RuleSet) => rules !== 'en16931';

/** In order: the envelope, the schemas, the standard's business rules, then the platform's. */
const STAGES: Stage[] = [
  { name: 'Factur-X envelope', appliesTo: () => true, run: facturXFindings },
  { name: 'XSD', appliesTo: standard, run: xsdFindings },
  { name: 'EN 16931', appliesTo: standard, run: en16931Findings },
  { name: 'Platform', appliesTo: platform, run: (file, options) => platformFindings(file, options.platform) },
];

/**
 * Judges one deposited file (UBL, CII, or Factur-X/ZUGFeRD PDF) and says whether it is acceptable.
 * Never throws on bad input: an unreadable file, or a validator failing on it, is a fatal finding.
 */
export async function checkInvoiceFile(bytes: Uint8Array, options: CheckOptions): Promise<CheckResult> {
  const file = await readInvoiceFile(bytes);
  if (!file.readable) return { format: file.reportedFormat, valid: false, findings: [file.finding] };
  const findings: Finding[] = [];
  for (const stage of STAGES) {
    if (stage.appliesTo(options.rules)) findings.push(...(await runStage(stage, file, options)));
  }
  const result: CheckResult = {
    format: file.reportedFormat,
    valid: !findings.some((f) => f.severity === 'fatal'),
    findings,
    invoice: file.invoice,
  };
  if (file.profile) result.profile = file.profile;
  return result;
}

async function runStage(stage: Stage, file: ReadInvoiceFile, options: CheckOptions): Promise<Finding[]> {
  try {
    return await stage.run(file, options);
  } catch (err) {
    // A validator failing is no verdict: the file must not pass as valid for want of one.
    return [
      fatal(
        CHECK_RULES.rulesNotRun,
        `${stage.name} rules could not run: ${errorCode(err)}: ${errorMessage(err)}`,
      ),
    ];
  }
}
