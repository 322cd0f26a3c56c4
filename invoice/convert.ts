import { PROFILE_GUIDELINE, profileOfGuideline, type FacturXProfile } from './cii/profile';
import { toCii } from './cii/write';
import { peppolCiiNotes, peppolRejectedIdentifiers, withoutRejectedIdentifiers } from './convert-peppol';
import { toFacturX } from './facturx/write';
import { isCreditNote, type Invoice } from './model';
import { groupOrUndefined } from './terms';
import { toPdf } from './pdf';
import { toUbl } from './ubl/write';
import type { Finding } from './validate';

export type ConversionTarget = 'ubl' | 'cii' | 'facturx' | 'pdf';
export const CONVERSION_TARGETS: readonly ConversionTarget[] = ['ubl', 'cii', 'facturx', 'pdf'];

/**
 * A business term of the source that the target syntax cannot carry, so the conversion left it out.
 * `message` is English (as every finding's), `messageFr` the same in French.
 */
export interface ConversionFinding extends Finding {
  severity: 'warning';
  messageFr: string;
  /** The EN 16931 business term (BT-x / BG-x) left out. */
  term: string;
  /** The value left out, as the source wrote it. */
  value: string;
}

/** Stable ids of the terms a target syntax cannot carry (see the EN 16931 UBL and CII bindings). */
export const CONVERSION_RULES = {
  /** CII D16B has one header InvoiceReferencedDocument: BG-3 is 0..1 there, 0..n in UBL. */
  precedingInvoiceDropped: 'FF-CONV-01',
  /** CII forbids a VAT accounting currency equal to the invoice currency (BR-53 in the CII binding). */
  vatCurrencySameAsInvoice: 'FF-CONV-02',
  /**
   * UBL carries BT-83, BT-89, BT-91 (and a credit note's BT-9) inside cac:PaymentMeans, whose PaymentMeansCode (BT-81) is
   * mandatory: without BT-81 in the source they cannot be written (CII holds them apart).
   */
  paymentTermWithoutMeans: 'FF-CONV-03',
  /** CII carries BT-7 and BT-8 inside a VAT breakdown (BG-23): without one they cannot be written. */
  vatPointWithoutBreakdown: 'FF-CONV-04',
  /**
   * A term the source repeats beyond its EN 16931 cardinality (a second BT-110 TaxTotal, …): the model
   * keeps the first occurrence (see `repeated` in model.ts), so only that one is written.
   */
  repeatedTerm: 'FF-CONV-05',
  /**
   * For a Peppol BIS result: an identifier (BT-157, BT-71) whose value does not fit its ICD scheme, which
   * Peppol's CII rules check (PEPPOL-COMMON-R040 for a GLN, …) and its UBL rules do not (convert-peppol.ts).
   */
  peppolIdentifierFormat: 'FF-CONV-06',
  /**
   * For a Peppol BIS result in CII: one document note without subject code (PEPPOL-EN16931-R002), where
   * Peppol's UBL rules allow several (German seller and buyer) and a subject code; the notes are joined.
   */
  peppolNotesJoined: 'FF-CONV-07',
} as const;

export interface Conversion<T> {
  output: T;
  /** Terms the target cannot carry, one finding each; empty when nothing was left out. */
  findings: ConversionFinding[];
}

export interface ConvertOptions {
  /** Factur-X / CII profile to write (CII: none, plain EN 16931; Factur-X: defaults to EN 16931). */
  profile?: FacturXProfile;
  /** Creation date of a PDF; defaults to now. */
  date?: Date;
  /**
   * The result must pass the Peppol BIS rules of its syntax, as the source passed those of its own: a
   * CII leaves out the identifiers Peppol's CII rules reject where its UBL rules do not look (FF-CONV-06).
   */
  peppol?: boolean;
}

/** The invoice as the target XML syntax can carry it, and a finding for every term left out. */
export function adaptFor(invoice: Invoice, syntax: 'ubl' | 'cii'): Conversion<Invoice> {
  const adapted = syntax === 'ubl' ? adaptForUbl(invoice) : adaptForCii(invoice);
  return { output: adapted.output, findings: [...repeatedFindings(invoice), ...adapted.findings] };
}

/** One finding per term the source repeats beyond its cardinality: only the first occurrence is written. */
function repeatedFindings(invoice: Invoice): ConversionFinding[] {
  const repeated = [
    ...Object.entries(invoice.repeated ?? {}).map(([term, count]) => ({ term, count, where: '' })),
    ...invoice.lines.flatMap((line) =>
      Object.entries(line.repeated ?? {}).map(([term, count]) => ({ term, count, where: line.id })),
    ),
  ];
  return repeated.map(({ term, count, where }) => {
    const value = `${count}`;
    const [en, fr] = where ? [` on line ${where}`, ` à la ligne ${where}`] : ['', ''];
    return dropFinding(CONVERSION_RULES.repeatedTerm, term, value, {
      en: `The source gives ${term} ${count} times${en}, more than EN 16931 allows; only the first is written.`,
      fr: `La source porte ${term} ${count} fois${fr}, plus que la norme EN 16931 ne l’admet ; seule la première occurrence est reprise.`,
    });
  });
}

const MEANS_TERMS = [
  ['BT-9', 'payment due date of a credit note', 'la date d’échéance d’un avoir'],
  ['BT-83', 'remittance information', 'l’avis de paiement'],
  ['BT-89', 'mandate reference', 'la référence du mandat'],
  ['BT-91', 'debited account', 'le compte débité'],
] as const;

function adaptForUbl(invoice: Invoice): Conversion<Invoice> {
  const p = invoice.paymentInstructions;
  if (p?.typeCode !== undefined) return { output: invoice, findings: [] };
  const values: Record<(typeof MEANS_TERMS)[number][0], string | undefined> = {
    // A UBL CreditNote has no cbc:DueDate: its BT-9 is the PaymentDueDate of the payment means.
    'BT-9': isCreditNote(invoice) ? invoice.dueDate : undefined,
    'BT-83': p?.remittanceInformation,
    'BT-89': p?.directDebit?.mandateReference,
    'BT-91': p?.directDebit?.debitedAccountId,
  };
  const findings = MEANS_TERMS.filter(([term]) => values[term] !== undefined).map(([term, en, fr]) =>
    dropFinding(CONVERSION_RULES.paymentTermWithoutMeans, term, values[term]!, {
      en: `UBL carries the ${en} (${term}) in a payment means, which needs a payment means type code (BT-81) the source does not give; ${values[term]} is left out.`,
      fr: `L’UBL porte ${fr} (${term}) dans un moyen de paiement, qui exige un code de moyen de paiement (BT-81) absent de la source ; ${values[term]} n’est pas repris.`,
    }),
  );
  if (!findings.length) return { output: invoice, findings };
  const adapted: Invoice = { ...invoice };
  if (values['BT-9'] !== undefined) delete adapted.dueDate;
  const creditorId = p?.directDebit?.creditorId;
  const kept =
    p &&
    groupOrUndefined({
      text: p.text,
      creditTransfers: p.creditTransfers,
      card: p.card,
      directDebit: creditorId === undefined ? undefined : { creditorId },
    });
  if (kept) adapted.paymentInstructions = { ...kept, creditTransfers: p.creditTransfers };
  else delete adapted.paymentInstructions;
  return { output: adapted, findings };
}

function adaptForCii(invoice: Invoice): Conversion<Invoice> {
  const findings: ConversionFinding[] = [];
  const adapted: Invoice = { ...invoice };
  const [kept, ...dropped] = invoice.precedingInvoices;
  if (dropped.length) {
    adapted.precedingInvoices = [kept];
    for (const p of dropped) {
      const value = p.issueDate ? `${p.reference} (${p.issueDate})` : p.reference;
      findings.push(
        dropFinding(CONVERSION_RULES.precedingInvoiceDropped, 'BG-3', value, {
          en: `CII carries a single preceding invoice reference (BG-3); ${value} is not written, only ${kept.reference} is.`,
          fr: `Le CII ne porte qu'une référence à une facture antérieure (BG-3) ; ${value} n'est pas reprise, seule ${kept.reference} l'est.`,
        }),
      );
    }
  }
  if (invoice.vatCurrencyCode !== undefined && invoice.vatCurrencyCode === invoice.currencyCode) {
    delete adapted.vatCurrencyCode;
    findings.push(
      dropFinding(CONVERSION_RULES.vatCurrencySameAsInvoice, 'BT-6', invoice.vatCurrencyCode, {
        en: `CII forbids a VAT accounting currency (BT-6) equal to the invoice currency (BR-53); ${invoice.vatCurrencyCode} is left out, the VAT total is in that currency anyway.`,
        fr: `Le CII interdit une devise de comptabilisation de la TVA (BT-6) égale à la devise de la facture (BR-53) ; ${invoice.vatCurrencyCode} n'est pas reprise, le total de TVA est déjà dans cette devise.`,
      }),
    );
  }
  if (!invoice.vatBreakdowns.length) findings.push(...dropVatPoint(invoice, adapted));
  return { output: adapted, findings };
}

const VAT_POINT_TERMS = [
  ['BT-7', 'vatPointDate', 'VAT point date', 'la date d’exigibilité de la TVA'],
  ['BT-8', 'vatPointDateCode', 'VAT point date code', 'le code de date d’exigibilité de la TVA'],
] as const;

/** BT-7 and BT-8 of an invoice without VAT breakdown, which CII cannot carry: removed from `adapted`. */
function dropVatPoint(invoice: Invoice, adapted: Invoice): ConversionFinding[] {
  return VAT_POINT_TERMS.filter(([, key]) => invoice[key] !== undefined).map(([term, key, en, fr]) => {
    const value = invoice[key]!;
    delete adapted[key];
    return dropFinding(CONVERSION_RULES.vatPointWithoutBreakdown, term, value, {
      en: `CII carries the ${en} (${term}) in a VAT breakdown (BG-23), and the invoice has none; ${value} is left out.`,
      fr: `Le CII porte ${fr} (${term}) dans une ventilation de la TVA (BG-23), absente de la facture ; ${value} n’est pas repris.`,
    });
  });
}

/**
 * The invoice as UBL 2.1 or CII D16B XML (CII with a Factur-X profile's BT-24 when one is given). With
 * `peppol`, a CII leaves out what Peppol's CII rules would reject and the source's rules did not check.
 */
export function convertXml(
  invoice: Invoice,
  syntax: 'ubl' | 'cii',
  profile?: FacturXProfile,
  options: Pick<ConvertOptions, 'peppol'> = {},
): Conversion<string> {
  const { output: cii, findings } = adaptFor(invoice, syntax);
  if (syntax === 'ubl') return { output: toUbl(cii), findings };
  if (!options.peppol) return { output: toCii(cii, profile), findings };
  const joined = peppolCiiNotes(cii);
  const adapted = joined ?? cii;
  if (joined) findings.push(notesJoinedFinding(cii));
  const output = toCii(adapted, profile);
  const rejected = peppolRejectedIdentifiers(adapted, output);
  if (!rejected.length) return { output, findings };
  return {
    output: toCii(withoutRejectedIdentifiers(adapted, rejected), profile),
    findings: [...findings, ...rejected.map(rejectedIdentifierFinding)],
  };
}

function notesJoinedFinding(invoice: Invoice): ConversionFinding {
  const codes = invoice.notes.flatMap((n) => (n.subjectCode ? [n.subjectCode] : []));
  const value = codes.length ? `${invoice.notes.length} (${codes.join(', ')})` : `${invoice.notes.length}`;
  return dropFinding(CONVERSION_RULES.peppolNotesJoined, codes.length ? 'BT-21' : 'BT-22', value, {
    en: `Peppol's CII rules allow one invoice note without subject code (PEPPOL-EN16931-R002); the ${invoice.notes.length} note(s) are written as one, each subject code (BT-21) in front of its text as UBL writes it (#CODE#).`,
    fr: `Les règles Peppol du CII n’admettent qu’une note sans code de sujet (PEPPOL-EN16931-R002) ; les ${invoice.notes.length} note(s) sont reprises en une seule, chaque code de sujet (BT-21) devant son texte comme l’UBL l’écrit (#CODE#).`,
  });
}

function rejectedIdentifierFinding(
  r: ReturnType<typeof peppolRejectedIdentifiers>[number],
): ConversionFinding {
  const where = r.line === undefined ? ['', ''] : [` on line ${r.line + 1}`, ` de la ligne ${r.line + 1}`];
  if (r.term === 'BT-71')
    return dropFinding(CONVERSION_RULES.peppolIdentifierFormat, 'BT-71-1', r.schemeId, {
      en: `The deliver to location identifier (BT-71) ${r.value} does not fit its scheme ${r.schemeId}, which Peppol's CII rules check (${r.rule}); it is written without its scheme identifier (BT-71-1).`,
      fr: `L’identifiant du lieu de livraison (BT-71) ${r.value} ne respecte pas le format de son schéma ${r.schemeId}, que les règles Peppol du CII vérifient (${r.rule}) ; il est repris sans identifiant de schéma (BT-71-1).`,
    });
  return dropFinding(CONVERSION_RULES.peppolIdentifierFormat, 'BT-157', `${r.value} (${r.schemeId})`, {
    en: `The item standard identifier (BT-157)${where[0]} ${r.value} does not fit its scheme ${r.schemeId}, which Peppol's CII rules check (${r.rule}), and CII requires its scheme (BR-64); it is left out.`,
    fr: `L’identifiant standard de l’article (BT-157)${where[1]} ${r.value} ne respecte pas le format de son schéma ${r.schemeId}, que les règles Peppol du CII vérifient (${r.rule}), et le CII exige ce schéma (BR-64) ; il n’est pas repris.`,
  });
}

/** BT-24 of what `convert` writes for this target and profile (none for a plain PDF). */
export function writtenSpecificationId(
  invoice: Invoice,
  target: ConversionTarget,
  profile?: FacturXProfile,
): string | undefined {
  switch (target) {
    case 'ubl':
      return invoice.specificationId;
    case 'cii': {
      const written = ciiProfile(invoice, profile);
      return written ? PROFILE_GUIDELINE[written] : invoice.specificationId;
    }
    case 'facturx':
      return PROFILE_GUIDELINE[profile ?? 'EN 16931'];
    case 'pdf':
      return undefined;
  }
}

/**
 * The profile a CII target is written with: none when the source's BT-24 already declares it (a CIUS of
 * EN 16931 such as Peppol BIS keeps its own specification identifier).
 */
function ciiProfile(invoice: Invoice, profile: FacturXProfile | undefined): FacturXProfile | undefined {
  return profile === 'EN 16931' && profileOfGuideline(invoice.specificationId) === profile
    ? undefined
    : profile;
}

/**
 * The invoice in the target form, with a finding for every business term the target cannot carry.
 * Does not judge the result: `convertChecked` (convert-check.ts) validates it against the source.
 */
export async function convert(
  invoice: Invoice,
  target: ConversionTarget,
  options: ConvertOptions = {},
): Promise<Conversion<Uint8Array>> {
  switch (target) {
    case 'ubl':
    case 'cii': {
      const profile = target === 'cii' ? ciiProfile(invoice, options.profile) : undefined;
      const { output, findings } = convertXml(invoice, target, profile, options);
      return { output: Buffer.from(output, 'utf8'), findings };
    }
    case 'facturx': {
      const profile = options.profile ?? 'EN 16931';
      const { output: adapted, findings } = adaptFor(invoice, 'cii');
      // The visible rendering shows every term; only the embedded CII is limited to what CII carries.
      const output = await toFacturX(invoice, { profile, date: options.date, cii: toCii(adapted, profile) });
      return { output, findings };
    }
    case 'pdf':
      return { output: await toPdf(invoice, { date: options.date }), findings: [] };
  }
}

function dropFinding(
  rule: string,
  term: string,
  value: string,
  message: { en: string; fr: string },
): ConversionFinding {
  return { rule, severity: 'warning', message: message.en, messageFr: message.fr, term, value };
}
