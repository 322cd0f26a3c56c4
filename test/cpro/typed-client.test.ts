import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { parseInvoice, toPdf } from '../../invoice';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { json } from '../support/platform';
import { BASE_EXAMPLE } from '../deposits/support/flows';
import { siret } from '../deposits/support/structures';
import { exampleInvoice, startCproPlatform, type CproPlatform } from './support/cpro-clients';
import { TYPES_FILE, typesOf } from './typed-client/generate';
import { buyerJourney, supplierJourney, type JourneyInput, type JourneyState } from './typed-client/journeys';

const OTHER_BUYER_SIRET = siret('2175000160002');

/**
 * A client generated from /cpro/openapi.json with openapi-typescript, compiled with tsc, and driven
 * through a supplier's and a buyer's journeys with openapi-fetch.
 */
describeWithCorpus('typed client generated from /cpro/openapi.json', () => {
  let t: CproPlatform;
  let input: JourneyInput;
  const state: JourneyState = {};

  beforeAll(async () => {
    t = await startCproPlatform();
    const now = new Date().toISOString();
    await t.p.db('structures').insert({
      id: 'st-other',
      identifier_type: 'SIRET',
      identifier: OTHER_BUYER_SIRET,
      name: 'Syndicat des eaux du Beaujolais',
      street: '3 rue du Port',
      postal_code: '69400',
      city: 'Villefranche-sur-Saône',
      country_code: 'FR',
      public: true,
      created_at: now,
      updated_at: now,
    });
    const base = fs.readFileSync(corpusPath(BASE_EXAMPLE), 'utf8');
    input = {
      baseUrl: t.p.url,
      supplierApp: t.supplierApp,
      buyer: t.buyer,
      otherBuyerSiret: OTHER_BUYER_SIRET,
      validatorSiret: (await t.p.db('structures').where({ id: 'st-buyer' }).first('identifier')).identifier,
      invoice: (number) => exampleInvoice(base, number),
      pdf: await toPdf(parseInvoice(exampleInvoice(base, 'TC-A9-1')).invoice),
    };
  }, 120_000);
  afterAll(() => t?.p.stop());

  it('the committed types are what openapi-typescript generates from the served document', async () => {
    const served = await json(await fetch(`${t.p.url}/cpro/openapi.json`));
    const generated = await typesOf(served);
    const committed = fs.existsSync(TYPES_FILE) ? fs.readFileSync(TYPES_FILE, 'utf8') : '';
    if (committed !== generated) fs.writeFileSync(TYPES_FILE, generated);
    expect({ upToDate: committed === generated, file: path.relative(process.cwd(), TYPES_FILE) }).toEqual({
      upToDate: true,
      file: path.relative(process.cwd(), TYPES_FILE),
    });
  }, 60_000);

  it('the journeys compile with tsc against the generated types', async () => {
    const tsc = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'tsc');
    const journeys = path.join(__dirname, 'typed-client', 'journeys.ts');
    const flags = ['--noEmit', '--strict', '--skipLibCheck', '--esModuleInterop', '--module', 'commonjs'];
    const args = [...flags, '--moduleResolution', 'node', '--target', 'es2022', '--types', 'node', journeys];
    const compiled = await promisify(execFile)(tsc, args).then(
      () => 'compiled',
      (err: { stdout?: string }) => err.stdout ?? String(err),
    );
    expect(compiled).toBe('compiled');
  }, 60_000);

  describe('supplier journey', () => {
    it.each(supplierJourney)('%s', async (_name, step) => step(state, input), 90_000);
  });
  describe('buyer journey', () => {
    it.each(buyerJourney)('%s', async (_name, step) => step(state, input), 90_000);
  });
});
