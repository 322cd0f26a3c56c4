import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Connection credentials at rest: AES-256-GCM, a fresh IV per record, sealed as
 * `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url). The key id lets a rotated key still open
 * records written before the rotation: keep the old key in FACTURFLOW_SECRET_KEY_PREVIOUS and
 * records are sealed again under the new key the next time they are read.
 */
export interface CredentialCipher {
  seal(value: unknown): string;
  open(sealed: string): unknown;
  /** True when the record was sealed under an older key and should be sealed again. */
  isStale(sealed: string): boolean;
}

const keyId = (key: Buffer) => crypto.createHash('sha256').update(key).digest('hex').slice(0, 8);

export function createCipher(current: Buffer, previous: Buffer[] = []): CredentialCipher {
  for (const k of [current, ...previous]) {
    if (k.length !== 32)
      throw new Error('A credentials key must be 32 bytes (64 hex or 44 base64 characters).');
  }
  const keys = new Map([current, ...previous].map((k) => [keyId(k), k]));
  const currentId = keyId(current);
  return {
    seal(value) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([c.update(JSON.stringify(value), 'utf8'), c.final()]);
      return ['v1', currentId, iv, c.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, id, iv, tag, body] = sealed.split('.');
      const key = keys.get(id);
      if (version !== 'v1' || !key) throw new Error(`No key can open these credentials (key id ${id}).`);
      const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return JSON.parse(
        Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8'),
      );
    },
    isStale: (sealed) => sealed.split('.')[1] !== currentId,
  };
}

/** A key given as 64 hex characters or base64 of 32 bytes. */
export function parseKey(text: string): Buffer {
  const t = text.trim();
  return /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
}

/**
 * The cipher of this installation: FACTURFLOW_SECRET_KEY when set (production), else a key made on
 * first start and kept in DATA_DIR/secret.key (mode 0600) so a development machine needs no setup.
 */
export function loadCipher(opts: {
  secretKey?: string;
  previousKeys?: string[];
  dataDir: string;
}): CredentialCipher {
  const previous = (opts.previousKeys ?? []).map(parseKey);
  if (opts.secretKey) return createCipher(parseKey(opts.secretKey), previous);
  const file = path.join(opts.dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // Another process (the API beside the worker) made it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return createCipher(parseKey(fs.readFileSync(file, 'utf8')), previous);
}
