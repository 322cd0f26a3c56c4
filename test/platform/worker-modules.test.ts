import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/**
 * A worker's main thread runs the activities; the document threads judge, convert and draw. The main
 * thread loads neither the rules nor the converters nor the certificate's drawing (nor the AWS SDK
 * without a bucket): about 12 MB of every worker's heap. Loaded in a fresh process, as the worker does.
 * (It still loads the invoice core's readers, through `identityOf`, and pdf-lib, through the flow
 * report and the Factur-X writer the deposits import.)
 */
describe("what a worker's main thread loads", () => {
  it('loads the activities and the blob store without the rules, the converters, the drawing or the AWS SDK', () => {
    const script = `
      require(${JSON.stringify(path.join(root, 'activities', 'worker.ts'))});
      require(${JSON.stringify(path.join(root, 'platform', 'blob-store-config.ts'))});
      process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    const loaded: string[] = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8' }),
    );
    const relative = loaded.map((file) => path.relative(root, file));
    expect(relative).toContain(path.join('invoicing', 'checks.ts'));
    const heavy = relative.filter((file) =>
      [
        /^invoice\/validate\//,
        /^invoice\/check\/index/,
        /^invoice\/convert/,
        /^invoicing\/lifecycle\/(rendition-work|certificate-drawing)/,
        /^node_modules\/@aws-sdk\//,
      ].some((pattern) => pattern.test(file)),
    );
    expect(heavy).toEqual([]);
  }, 60_000);
});
