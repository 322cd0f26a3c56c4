import fs from 'node:fs';
import path from 'node:path';

/** Fonts and the ICC profile ship beside the code (see invoice/assets/README.md); a build must copy them. */
const ASSETS_DIR = path.resolve(__dirname, '..', 'assets');
const cache = new Map<string, Uint8Array>();

/** A bundled asset's bytes, read once per process. */
export function readAsset(name: 'DejaVuSans.ttf' | 'DejaVuSans-Bold.ttf' | 'sRGB.icc'): Uint8Array {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = fs.readFileSync(path.join(ASSETS_DIR, name));
    cache.set(name, bytes);
  }
  return bytes;
}
