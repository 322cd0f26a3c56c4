import fs from 'node:fs';
import { documentPoolOptions, loadConfig } from '../../bin/config';
import { XmlError } from '../../invoice/xml';
import { configureDocumentPool } from '../../platform/document-pool';
import { invoiceOf, renderAs } from '../../invoicing/lifecycle/renditions';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { deepUbl, withLines } from './hostile';

describeWithCorpus('renditions read the deposited file with the configured limits', () => {
  // A real invoice of the Factur-X library's fixtures (akretion/factur-x, tests/fixtures/xml).
  const ordinary = () =>
    fs.readFileSync(corpusPath('akretion/factur-x/tests/fixtures/xml/ubl-21-en16931.xml'), 'utf8');

  beforeAll(() => {
    const { documents } = loadConfig({ XML_MAX_DEPTH: '32', INVOICE_MAX_LINES: '3' }, '/srv/ff');
    configureDocumentPool(documentPoolOptions(documents));
  });
  afterAll(() => configureDocumentPool({}).close());

  const refusal = (work: Promise<unknown>) =>
    work.then(
      () => 'rendered',
      (err: Error) => (err instanceof XmlError ? [err.code, err.limit] : err.message),
    );

  it('refuses, as a deposit would, a file with more lines than configured though within the defaults', async () => {
    const four = Buffer.from(withLines(ordinary(), 4));
    expect(await refusal(renderAs(four, 'cii'))).toEqual(['INVOICE_TOO_MANY_LINES', 3]);
    expect(await refusal(invoiceOf(four))).toEqual(['INVOICE_TOO_MANY_LINES', 3]);
  });

  it('refuses a file deeper than configured', async () => {
    expect(await refusal(invoiceOf(Buffer.from(deepUbl(40))))).toEqual(['XML_TOO_DEEP', 32]);
  });

  it('renders a file within the configured limits', async () => {
    const three = Buffer.from(withLines(ordinary(), 3));
    expect((await renderAs(three, 'cii')).mediaType).toBe('application/xml');
    expect((await invoiceOf(three)).lines).toHaveLength(3);
  });
});
