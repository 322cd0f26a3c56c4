import type { FacturXProfile } from '../cii/profile';
import type { Invoice } from '../model';
import type { PlatformContext } from '../platform-rules';
import type { Finding } from '../validate';
import type { XmlLimits } from '../xml';
import { en16931Findings, en16931RuleSet, facturXProfileFindings } from './en16931';
import { facturXFindings } from './facturx';
import { frenchFindings } from './french';
import { CHECK_RULES, errorCode, errorMessage, fatal } from './findings';
import { peppolApplies, peppolFindings } from './peppol';
import { platformFindings } from './platform';
import { readInvoiceFile, type CheckedFormat, type ReadInvoiceFile } from './read';
import { isFacturXRuleSet, type RuleSet } from './rule-sets';
import { schemaOutcomesAhead, xsdFindings, type SchemaOutcomes } from './xsd';

export type { CheckedFormat } from './read';
export { CHECK_RULES } from './findings';
export { RULE_SET_DESCRIPTIONS, RULE_SETS } from './rule-sets';
export type { FacturXRuleSet, RuleSet } from './rule-sets';

export interface CheckOptions {
  rules: RuleSet;
  /** Recipient directory and duplicate registry for the platform rules that need them. */
  platform?: PlatformContext;
  /** The XML limits (depth, elements, lines…); the invoice core's defaults otherwise. */
  limits?: XmlLimits;
  /**
   * The caller reads the bytes no more: a large document's bytes may be moved to the schema thread and
   * back rather than copied, and their memory is given back once the schemas are checked (the caller's
   * are then empty; see `release`). The document pool's threads say so.
   */
  handOver?: boolean;
  /**
   * Called once the file is read and the stages reading its bytes are done, before the rules: a thread
   * checking a large document collects its garbage there (the document's text and what reading it
   * left), so the rules do not pile their own on top of it. A 9,996-line invoice's worker then peaked
   * about 30 MB lower (bench:memory).
   */
  collect?: () => void;
}

export interface CheckResult {
  format: CheckedFormat;
  profile?: FacturXProfile;
  /** No fatal finding. */
  valid: boolean;
  findings: Finding[];
  /** The invoice read from the file, when it could be read. */
  invoice?: Invoice;
  /** The rule sets that judged it: `en16931` or `facturx-<profile>`, `peppol`, `fr`, `platform`. */
  ruleSets?: string[];
}

interface Stage {
  /** Named in the finding when the stage itself fails on an input. */
  name: string;
  /** It reads the file's bytes (the others read its tree and model only). */
  readsBytes?: boolean;
  /** The rule set it reports as having judged the file (none for the envelope and the schemas). */
  ruleSet?: (file: ReadInvoiceFile, rules: RuleSet) => string | undefined;
  appliesTo: (rules: RuleSet, file: ReadInvoiceFile) => boolean;
  run: (
    file: ReadInvoiceFile,
    options: CheckOptions,
    ahead?: SchemaOutcomes,
  ) => Finding[] | Promise<Finding[]>;
}

const standard = (rules: RuleSet) => rules !== 'platform';
const platform = (rules: RuleSet) => rules === 'platform' || rules === 'all';

/** In order: the envelope, the schemas, the standard's business rules, its extensions, the platform's. */
const STAGES: Stage[] = [
  { name: 'Factur-X envelope', readsBytes: true, appliesTo: () => true, run: facturXFindings },
  {
    name: 'XSD',
    readsBytes: true,
    appliesTo: standard,
    run: (file, _options, ahead) => xsdFindings(file, ahead),
  },
  {
    name: 'EN 16931',
    ruleSet: en16931RuleSet,
    appliesTo: (rules) => standard(rules) && !isFacturXRuleSet(rules),
    run: en16931Findings,
  },
  {
    name: 'Factur-X profile',
    ruleSet: (file, rules) => (file.format === 'cii' ? rules : undefined),
    appliesTo: isFacturXRuleSet,
    run: (file, { rules }) => (isFacturXRuleSet(rules) ? facturXProfileFindings(file, rules) : []),
  },
  {
    name: 'Peppol BIS',
    ruleSet: () => 'peppol',
    appliesTo: (rules, file) => peppolApplies(file, rules),
    run: peppolFindings,
  },
  { name: 'French reform', ruleSet: () => 'fr', appliesTo: (rules) => rules === 'fr', run: frenchFindings },
  {
    name: 'Platform',
    ruleSet: () => 'platform',
    appliesTo: platform,
    run: (file, options) => platformFindings(file, options.platform),
  },
];

/**
 * Judges one deposited file (UBL, CII, or Factur-X/ZUGFeRD PDF) and says whether it is acceptable.
 * Never throws on bad input: an unreadable file, or a validator failing on it, is a fatal finding.
 */
export async function checkInvoiceFile(bytes: Uint8Array, options: CheckOptions): Promise<CheckResult> {
  // A large document meets its schemas first, before the invoice core builds its own tree of it.
  let ahead: SchemaOutcomes | undefined;
  if (standard(options.rules))
    ({ outcomes: ahead, bytes } = await schemaOutcomesAhead(bytes, options.handOver));
  const file = await readInvoiceFile(bytes, options.limits);
  if (!file.readable) return { format: file.reportedFormat, valid: false, findings: [file.finding] };
  const findings: Finding[] = [];
  const ruleSets: string[] = [];
  let bytesRead = false;
  for (const stage of STAGES) {
    if (!stage.readsBytes && !bytesRead) {
      bytesRead = true;
      if (options.handOver) release(bytes, file.xmlBytes);
      options.collect?.();
    }
    if (!stage.appliesTo(options.rules, file)) continue;
    findings.push(...(await runStage(stage, file, options, ahead)));
    const judgedBy = stage.ruleSet?.(file, options.rules);
    if (judgedBy) ruleSets.push(judgedBy);
  }
  const result: CheckResult = {
    format: file.reportedFormat,
    valid: !findings.some((f) => f.severity === 'fatal'),
    findings,
    invoice: file.invoice,
    ruleSets,
  };
  if (file.profile) result.profile = file.profile;
  return result;
}

/**
 * Gives back the memory of bytes handed over (and of the XML converted or extracted from them) once
 * the stages that read bytes are done: the rules then read the tree alone, and a 25 MB invoice's bytes
 * are not held through them. The bytes are detached (moved away and dropped): empty from then on, as a
 * caller handing them over expects. A view into a larger or shared buffer is left as it is.
 */
function release(...all: Uint8Array[]): void {
  for (const bytes of new Set(all)) {
    const { buffer } = bytes;
    if (!(buffer instanceof ArrayBuffer) || bytes.byteOffset !== 0 || bytes.byteLength !== buffer.byteLength)
      continue;
    structuredClone(buffer, { transfer: [buffer] });
  }
}

async function runStage(
  stage: Stage,
  file: ReadInvoiceFile,
  options: CheckOptions,
  ahead: SchemaOutcomes | undefined,
): Promise<Finding[]> {
  try {
    return await stage.run(file, options, ahead);
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
