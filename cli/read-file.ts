import fs from 'node:fs/promises';
import type { Finding } from '../invoice/validate';
import { CHECK_RULES } from '../invoice/check';

/** The file's bytes, or the finding that explains why they could not be read from disk. */
export async function readFileOrFinding(file: string): Promise<Uint8Array | Finding> {
  try {
    return await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    return {
      rule: CHECK_RULES.fileUnreadable,
      severity: 'fatal',
      message: `${code}: cannot read ${file}: ${(err as Error).message}`,
    };
  }
}
