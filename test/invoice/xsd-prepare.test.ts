import fs from 'node:fs';
import { likelySchemas, prepareSchemas } from '../../invoice/check/xsd';
import {
  closeXsdEngines,
  compiledXsdSchemas,
  prepareXsd,
  validateXsd,
  validateXsdApart,
} from '../../invoice/xsd';
import { corpusPath, describeWithCorpus } from '../support/corpus';

const EXAMPLES = 'ConnectingEurope/eInvoicing-EN16931';

afterEach(() => closeXsdEngines());

describe('likelySchemas', () => {
  it('guesses the schema from the root namespace in the first bytes, without parsing', () => {
    const bytes = (text: string) => new Uint8Array(Buffer.from(text));
    expect(
      likelySchemas(bytes('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">')),
    ).toEqual(['ubl-invoice']);
    expect(
      likelySchemas(bytes('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2">')),
    ).toEqual(['ubl-creditnote']);
    expect(
      likelySchemas(
        bytes(
          '<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">',
        ),
      ),
    ).toEqual(['cii']);
    expect(likelySchemas(bytes('%PDF-1.7\n'))).toEqual(['cii']);
    expect(likelySchemas(bytes('<order/>'))).toEqual([]);
  });
});

describeWithCorpus('compiling schemas ahead of the first document', () => {
  it('starts with no schema compiled', async () => {
    expect(await compiledXsdSchemas()).toEqual([]);
  });

  it('prepareXsd compiles the schema without a document, and validation then uses it', async () => {
    prepareXsd(['cii']);
    const compiled = await compiledXsdSchemas();
    expect(compiled).toHaveLength(1);
    expect(compiled[0]).toMatch(/CrossIndustryInvoice_100pD16B\.xsd$/);
    const example = fs.readFileSync(corpusPath(EXAMPLES, 'cii/examples/CII_example1.xml'));
    expect(await validateXsd(example, 'cii')).toEqual([]);
    expect(await compiledXsdSchemas()).toEqual(compiled);
  });

  it('prepareSchemas compiles what the file in hand needs', async () => {
    prepareSchemas(fs.readFileSync(corpusPath(EXAMPLES, 'ubl/examples/guide-example2.xml')));
    expect(await compiledXsdSchemas()).toEqual([expect.stringMatching(/UBL-Invoice-2\.1\.xsd$/)]);
  });

  it('skips a schema this deployment lacks instead of failing', async () => {
    expect(() => prepareXsd(['cii'], { schemaRoots: ['/nonexistent'] })).not.toThrow();
  });

  it('checks a document apart with the schemas already compiled, then stops that worker for a new one', async () => {
    prepareXsd(['ubl-invoice']);
    expect(await compiledXsdSchemas()).toHaveLength(1);
    const example = fs.readFileSync(corpusPath(EXAMPLES, 'ubl/examples/guide-example2.xml'));
    // Asked of the shared worker before it is taken out of service: still answered.
    const before = validateXsd(example, 'ubl-invoice');
    const apart = await validateXsdApart(example, ['ubl-invoice']);
    expect(apart.outcomes).toEqual([{ status: 'fulfilled', value: [] }]);
    expect(await before).toEqual([]);
    // The worker that read the document is stopped (its memory with it): the next one starts empty.
    expect(await compiledXsdSchemas()).toEqual([]);
    expect(await validateXsd(example, 'ubl-invoice')).toEqual([]);
  });
});
