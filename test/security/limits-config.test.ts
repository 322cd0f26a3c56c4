import fs from 'node:fs';
import { ConfigError, documentPoolOptions, loadConfig } from '../../bin/config';
import { DEFAULT_XML_LIMITS, XmlError } from '../../invoice/xml';
import { DocumentPool } from '../../platform/document-pool';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { deepUbl, withLines } from './hostile';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, '/srv/ff');
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('document limits and connector hosts from the configuration', () => {
  it('defaults to the invoice core’s limits and the document pool’s budgets', () => {
    expect(loadConfig({}, '/srv/ff').documents).toEqual({
      maxDepth: 64,
      maxLines: 9999,
      timeoutMs: 30_000,
      maxMemoryMb: 512,
      flowMaxConcurrentActivities: 16,
      flowThreads: 1,
    });
    expect(loadConfig({}, '/srv/ff').connectorAllowedHosts).toEqual([]);
  });

  it('reads XML_MAX_DEPTH, INVOICE_MAX_LINES, DOCUMENT_*, FLOW_MAX_CONCURRENT_ACTIVITIES and FLOW_DOCUMENT_THREADS', () => {
    const c = loadConfig(
      {
        XML_MAX_DEPTH: '40',
        INVOICE_MAX_LINES: '500',
        DOCUMENT_TIMEOUT_SECONDS: '5',
        DOCUMENT_MAX_MEMORY_MB: '256',
        FLOW_MAX_CONCURRENT_ACTIVITIES: '4',
        FLOW_DOCUMENT_THREADS: '2',
      },
      '/srv/ff',
    );
    expect(c.documents).toEqual({
      maxDepth: 40,
      maxLines: 500,
      timeoutMs: 5000,
      maxMemoryMb: 256,
      flowMaxConcurrentActivities: 4,
      flowThreads: 2,
    });
    expect(documentPoolOptions(c.documents)).toEqual({
      timeoutMs: 5000,
      maxMemoryMb: 256,
      limits: { ...DEFAULT_XML_LIMITS, maxDepth: 40, maxLines: 500 },
    });
  });

  it.each([
    ['XML_MAX_DEPTH', 'deep'],
    ['XML_MAX_DEPTH', '0'],
    ['INVOICE_MAX_LINES', '-3'],
    ['INVOICE_MAX_LINES', '1.5'],
    ['DOCUMENT_TIMEOUT_SECONDS', '0'],
    ['DOCUMENT_MAX_MEMORY_MB', '8'],
    ['DOCUMENT_MAX_MEMORY_MB', '512MB'],
    ['FLOW_MAX_CONCURRENT_ACTIVITIES', '0'],
    ['FLOW_DOCUMENT_THREADS', '65'],
  ])('refuses %s=%s with a message naming the variable and the range', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(`^${name}="${value.replace('.', '\\.')}" must be an integer between \\d+ and \\d+`),
    );
  });

  it('reads CONNECTOR_ALLOWED_HOSTS as names, addresses and ranges, and refuses anything else', () => {
    expect(
      loadConfig(
        { CONNECTOR_ALLOWED_HOSTS: 'localhost, 127.0.0.1,erp.intranet.example,10.0.0.0/8,fd00::/8' },
        '/srv/ff',
      ).connectorAllowedHosts,
    ).toEqual(['localhost', '127.0.0.1', 'erp.intranet.example', '10.0.0.0/8', 'fd00::/8']);
    const problems = problemsOf({ CONNECTOR_ALLOWED_HOSTS: 'localhost,http://x/,10.0.0.0/33' });
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => p.startsWith('CONNECTOR_ALLOWED_HOSTS: '))).toBe(true);
    expect(problems.join('\n')).toMatch(/"http:\/\/x\/"[\s\S]*"10\.0\.0\.0\/33"/);
  });
});

describeWithCorpus('the configured limits reach the document pool', () => {
  // A real invoice of the Factur-X library's fixtures (akretion/factur-x, tests/fixtures/xml).
  const ordinary = () =>
    fs.readFileSync(corpusPath('akretion/factur-x/tests/fixtures/xml/ubl-21-en16931.xml'));
  let pool: DocumentPool | undefined;
  afterEach(() => pool?.close());

  it('refuses a document deeper, or with more lines, than configured, though within the defaults', async () => {
    const { documents } = loadConfig({ XML_MAX_DEPTH: '32', INVOICE_MAX_LINES: '3' }, '/srv/ff');
    pool = new DocumentPool({ size: 1, ...documentPoolOptions(documents) });
    const deep = await pool.identify(Buffer.from(deepUbl(40))).catch((e: Error) => e);
    expect(deep).toBeInstanceOf(XmlError);
    expect([(deep as XmlError).code, (deep as XmlError).limit]).toEqual(['XML_TOO_DEEP', 32]);
    const long = await pool
      .identify(Buffer.from(withLines(ordinary().toString('utf8'), 4)))
      .catch((e: Error) => e);
    expect(long).toBeInstanceOf(XmlError);
    expect([(long as XmlError).code, (long as XmlError).limit]).toEqual(['INVOICE_TOO_MANY_LINES', 3]);
    expect((await pool.identify(Buffer.from(withLines(ordinary().toString('utf8'), 3)))).number).toBe(
      'F124212',
    );
  }, 60_000);
});
