import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXIT } from '../../cli/exit-codes';
import { runCli } from '../cli/run-cli';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { hostileInvoices, ORDINARY_UBL } from './hostile';

/** The hostile invoices through the real `facturflow` command: each refused with its code, none crashing it. */
describeWithCorpus('hostile corpus through the CLI', () => {
  let dir: string;
  const docs = hostileInvoices(fs.readFileSync(corpusPath(ORDINARY_UBL), 'utf8'));
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facturflow-hostile-'));
    for (const doc of docs) fs.writeFileSync(path.join(dir, doc.name), doc.bytes);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('validate: reports each hostile file unreadable with its code, and the windows-1252 one valid', async () => {
    const files = docs.map((d) => path.join(dir, d.name));
    const run = await runCli(['validate', '--json', ...files]);
    // Unreadable files (refused while parsing) make the whole run exit 2, as documented.
    expect(run.code).toBe(EXIT.unreadable);
    const report = JSON.parse(run.stdout) as {
      file: string;
      valid: boolean;
      findings: { message: string }[];
    }[];
    expect(report.map((r) => path.basename(r.file))).toEqual(docs.map((d) => d.name));
    for (const [i, doc] of docs.entries()) {
      const r = report[i];
      if (doc.expect === 'ACCEPTED') expect([doc.name, r.valid, r.findings]).toEqual([doc.name, true, []]);
      else
        expect([doc.name, r.valid, r.findings[0]?.message]).toEqual([
          doc.name,
          false,
          expect.stringContaining(doc.expect),
        ]);
    }
  }, 120_000);

  it.each(docs.filter((d) => d.expect !== 'ACCEPTED').map((d) => [d.name, d.expect]))(
    'convert %s: refused with %s, no output file written',
    async (name, code) => {
      const output = path.join(dir, `${name}.cii.xml`);
      const run = await runCli(['convert', path.join(dir, name), '--to', 'cii', '-o', output]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(code);
      expect(fs.existsSync(output)).toBe(false);
    },
    60_000,
  );

  it('convert: converts the windows-1252 invoice, keeping its accented letters', async () => {
    const output = path.join(dir, 'windows-1252.cii.xml');
    const run = await runCli(['convert', path.join(dir, 'windows-1252.xml'), '--to', 'cii', '-o', output]);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(output, 'utf8')).toContain('Société Œuvre à l’été');
  }, 60_000);
});
