import { execFile } from 'node:child_process';
import path from 'node:path';
import { describeWithCorpus } from '../support/corpus';

const ROOT = path.join(__dirname, '..', '..');

/** Runs a benchmark in smoke mode as `npm run bench:<name> -- --smoke` would; answers its exit and output. */
function smokeRun(name: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'bench', `${name}.ts`), '--smoke'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, BENCH_SMOKE: '' } },
      (err, stdout, stderr) => {
        const code = err ? Number((err as { code?: unknown }).code ?? -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function lastJsonLine(stdout: string): Record<string, unknown> {
  const last = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last);
}

/**
 * Each benchmark still runs (its smoke mode: seconds, a few inputs) and ends with its figures as one
 * JSON line. No figure is judged: timings on a shared machine prove nothing.
 */
describeWithCorpus('benchmarks in smoke mode', () => {
  it('bench:invoice prints rule and Factur-X generation figures', async () => {
    const run = await smokeRun('invoice');
    expect(run).toMatchObject({ code: 0 });
    const figures = lastJsonLine(run.stdout);
    expect(figures).toMatchObject({ bench: 'invoice', smoke: true });
    expect(figures.rules).toEqual(
      ['UBL', 'CII', 'Factur-X PDF'].map((format) => expect.objectContaining({ format })),
    );
    expect(figures.generation).toMatchObject({
      invoices: expect.any(Number),
      msPerInvoice: expect.any(Number),
    });
  }, 300_000);

  it('bench:pipeline deposits as a signed-in supplier and prints its figures', async () => {
    const run = await smokeRun('pipeline');
    expect(run).toMatchObject({ code: 0 });
    expect(lastJsonLine(run.stdout)).toMatchObject({
      bench: 'pipeline',
      smoke: true,
      platform: expect.objectContaining({ perSecond: expect.any(Number) }),
      bare: expect.objectContaining({ perSecond: expect.any(Number) }),
    });
  }, 300_000);

  it('bench:flow takes a flow to its report and prints its figures', async () => {
    const run = await smokeRun('flow');
    expect(run).toMatchObject({ code: 0 });
    expect(lastJsonLine(run.stdout)).toMatchObject({
      bench: 'flow',
      smoke: true,
      flowPerSecond: expect.any(Number),
      singlePerSecond: expect.any(Number),
    });
  }, 300_000);

  it('bench:cli times whole validate processes and prints its figures', async () => {
    const run = await smokeRun('cli');
    expect(run).toMatchObject({ code: 0 });
    expect(lastJsonLine(run.stdout)).toMatchObject({
      bench: 'cli',
      smoke: true,
      oneFile: expect.objectContaining({ tsxSeconds: expect.any(Number) }),
      corpus: expect.objectContaining({ files: expect.any(Number) }),
    });
  }, 300_000);

  it('bench:memory deposits through the platform as npm start runs it and prints the worker’s memory', async () => {
    const run = await smokeRun('memory');
    expect(run).toMatchObject({ code: 0 });
    expect(lastJsonLine(run.stdout)).toMatchObject({
      bench: 'memory',
      smoke: true,
      status: 'MISE_A_DISPOSITION',
      peak: { worker: expect.any(Number), api: expect.any(Number) },
    });
  }, 300_000);
});
