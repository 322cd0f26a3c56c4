import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** One bundled browser file: its path under /portail/js/ and its bytes. */
export type ClientBundle = Map<string, Uint8Array>;

/** The browser modules, one entry point per page (portal/client/pages/*.ts). */
export const CLIENT_DIR = [
  path.join(__dirname, 'client'),
  path.join(__dirname, '..', '..', 'portal', 'client'),
].find((dir) => fs.existsSync(dir))!;

let bundling: Promise<ClientBundle> | undefined;

/**
 * The portal's TypeScript, bundled by esbuild in memory the first time a page asks for it and then
 * kept: `npm start` and the tests need no build step. Shared code goes to chunks, so each page loads
 * only what it uses.
 */
export function clientBundle(): Promise<ClientBundle> {
  bundling ??= bundleClient().catch((err) => {
    bundling = undefined;
    throw err;
  });
  return bundling;
}

async function bundleClient(): Promise<ClientBundle> {
  const pagesDir = path.join(CLIENT_DIR, 'pages');
  const entryPoints = fs
    .readdirSync(pagesDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(pagesDir, f));
  const outdir = path.join(CLIENT_DIR, 'out');
  const result = await build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    write: false,
    chunkNames: 'chunk-[hash]',
    logLevel: 'silent',
  });
  return new Map(
    result.outputFiles.map((f) => [path.relative(outdir, f.path).split(path.sep).join('/'), f.contents]),
  );
}
