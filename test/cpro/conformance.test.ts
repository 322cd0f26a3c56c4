import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { cproCatalogue } from '../../api/cpro/catalogue';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { BASE_EXAMPLE } from '../deposits/support/flows';
import { BUYER_SIRET, SUPPLIER_SIRET } from '../deposits/support/structures';
import { exampleInvoice, settledFlow, startCproPlatform, type CproPlatform } from './support/cpro-clients';
import { emptyLists, shapeDifferences, type Shape } from './conformance/shape';
import { prepareFactures } from './conformance/states';

/**
 * One fixture per operation and case, written from the published specification (its `source` names the
 * section): the request a client sends, and the shape of the answer the specification describes.
 * `{{name}}` in a request is a value of the platform under test (VARIABLES below).
 */
interface Fixture {
  file: string;
  operation: string;
  source: string;
  client?: 'supplier' | 'buyer';
  method?: 'get' | 'post';
  request?: unknown;
  status?: number;
  answer: Shape;
  /** Lists that may come back empty (their items' shape is then unchecked). */
  mayBeEmpty?: string[];
}

const DIR = path.join(__dirname, 'conformance');

function readFixtures(): Fixture[] {
  return fs
    .readdirSync(DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      fs
        .readdirSync(path.join(DIR, d.name))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => ({
          file: `${d.name}/${f}`,
          ...(JSON.parse(fs.readFileSync(path.join(DIR, d.name, f), 'utf8')) as Omit<Fixture, 'file'>),
        })),
    );
}

const fixtures = readFixtures();

/** group/path of every operation the server declares. */
const declared = () =>
  cproCatalogue().flatMap((g) => g.operations.map((op) => ({ key: `${g.name}${op.path}`, op })));

const substitute = (value: unknown, vars: Record<string, unknown>): unknown => {
  if (typeof value === 'string') {
    const whole = /^\{\{([\w.]+)\}\}$/.exec(value);
    if (whole) {
      if (!(whole[1] in vars)) throw new Error(`unknown fixture variable ${whole[1]}`);
      return vars[whole[1]];
    }
    return value.replace(/\{\{([\w.]+)\}\}/g, (_m, k: string) => String(vars[k]));
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)]));
  return value;
};

describe('conformance fixtures', () => {
  it('every operation of the four groups has at least one fixture', () => {
    const covered = new Set(fixtures.map((f) => f.operation));
    const missing = declared()
      .map((d) => d.key)
      .filter((k) => !covered.has(k));
    expect(missing).toEqual([]);
  });

  it('every fixture names its source and an operation the server declares', () => {
    const known = new Set(declared().map((d) => d.key));
    for (const f of fixtures) {
      expect({ file: f.file, source: typeof f.source === 'string' && f.source.length > 10 }).toEqual({
        file: f.file,
        source: true,
      });
      expect({ file: f.file, known: known.has(f.operation) }).toEqual({ file: f.file, known: true });
    }
  });
});

describeWithCorpus('conformance: each fixture replayed against the server', () => {
  let t: CproPlatform;
  const vars: Record<string, unknown> = {};
  const ajv = addFormats(new Ajv({ strict: false, allowUnionTypes: true }));

  beforeAll(async () => {
    t = await startCproPlatform();
    const id = async (kind: 'structure', siret: string) =>
      (
        await t.cpro('structures/v1/rechercher', t.supplier, {
          structure: { identifiantStructure: siret, typeIdentifiantStructure: 'SIRET' },
        })
      ).body.listeStructures[0].idStructureCPP as number;
    vars['supplier.siret'] = SUPPLIER_SIRET;
    vars['supplier.idStructure'] = await id('structure', SUPPLIER_SIRET);
    vars['buyer.siret'] = BUYER_SIRET;
    vars['buyer.idStructure'] = await id('structure', BUYER_SIRET);
    vars['buyer.postalCode'] = '69400';
    vars['buyer.managerEmail'] = 'buyer-manager@example.org';
    vars['buyer.idService'] = (
      await t.cpro('structures/v1/rechercher/services', t.supplier, {
        idStructure: vars['buyer.idStructure'],
      })
    ).body.listeServices[0].idService;
    await t.p.db('company_registry').insert({
      siret: BUYER_SIRET,
      name: 'COMMUNE DE VILLEFRANCHE',
      street: '1 PLACE DE LA MAIRIE',
      postal_code: '69400',
      city: 'VILLEFRANCHE-SUR-SAONE',
      updated_at: new Date().toISOString(),
    });
    vars.pieceJointeId = (
      await t.cpro('transverses/v1/ajouter/fichier', t.supplier, {
        pieceJointeFichier: Buffer.from('%PDF-1.4 annexe\n%%EOF\n').toString('base64'),
        pieceJointeNom: 'annexe.pdf',
      })
    ).body.pieceJointeId;
    const base = fs.readFileSync(corpusPath(BASE_EXAMPLE), 'utf8');
    const flux = await t.cpro('factures/v1/deposer/flux', t.supplier, {
      fichierFlux: exampleInvoice(base, 'CONF-0001').toString('base64'),
      nomFichier: 'CONF-0001.xml',
      syntaxeFlux: 'IN_DP_E1_UBL_INVOICE',
      avecSignature: false,
    });
    vars.numeroFluxDepot = flux.body.numeroFluxDepot;
    await settledFlow(t, t.supplier, flux.body.numeroFluxDepot);
    const found = await t.cpro('factures/v1/rechercher/fournisseur', t.supplier, {
      numeroFluxDepot: flux.body.numeroFluxDepot,
    });
    vars.identifiantFactureCPP = found.body.listeFactures?.[0]?.identifiantFactureCPP;
    await prepareFactures(t, vars);
  }, 240_000);
  afterAll(() => t?.p.stop());

  it.each(fixtures.map((f) => [f.file, f] as const))('%s', async (_file, f) => {
    const [group, ...rest] = f.operation.split('/');
    const op = declared().find((d) => d.key === f.operation)?.op;
    const r = await t.cpro(
      `${group}/v1/${rest.join('/')}`,
      f.client === 'buyer' ? t.buyer : t.supplier,
      substitute(f.request ?? {}, vars),
      { method: (f.method ?? op?.method ?? 'post').toUpperCase() },
    );
    const problems = [
      ...(r.status === (f.status ?? 200) ? [] : [`HTTP ${r.status}: ${JSON.stringify(r.body)}`]),
      ...shapeDifferences(f.answer, r.body),
      ...emptyLists(f.answer, r.body)
        .filter((p) => !(f.mayBeEmpty ?? []).includes(p))
        .map((p) => `${p}: empty, its items' shape unchecked`),
    ];
    // The OpenAPI document's answer schema must describe the same answer.
    if (op && (f.status ?? 200) === 200 && !ajv.validate(op.answer, r.body))
      problems.push(`declared answer schema: ${ajv.errorsText(ajv.errors)}`);
    expect({ file: f.file, problems }).toEqual({ file: f.file, problems: [] });
  });
});
