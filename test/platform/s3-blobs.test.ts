import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { ConfigError, loadConfig } from '../../bin/config';
import { BlobNotFoundError, FsBlobStore, type BlobStore } from '../../platform/blobs';
import { openBlobStore } from '../../platform/blob-store-config';
import type { Db } from '../../platform/db';
import { BlobStoreError, S3BlobStore } from '../../platform/s3-blobs';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { registerStructure } from '../support/parties';
import { seedUser } from '../support/people';
import { json, waitForStatus } from '../support/platform';
import { freePort } from '../support/ports';
import { sharedDatabase } from '../support/processes';
import { describeWithS3, startS3Server, type S3Server } from '../support/s3';
import { tempDir } from '../support/stores';
import { startDevServer } from '../support/temporal';

const root = path.resolve(__dirname, '..', '..');
const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');
let buckets = 0;
/** A bucket name no other test of the run uses. */
const newBucket = () => `ff-${process.pid}-${(buckets += 1)}-${crypto.randomBytes(3).toString('hex')}`;

/** What every blob store promises its callers, whichever it is. */
function blobStoreContract(open: () => Promise<BlobStore>) {
  let store: BlobStore;
  beforeAll(async () => {
    store = await open();
  });

  it('gives back the bytes it was given, under their SHA-256', async () => {
    const bytes = Buffer.from('<Invoice>contract</Invoice>');
    const ref = await store.put(bytes, { mediaType: 'application/xml', filename: 'f.xml' });
    expect(ref).toEqual({
      sha256: sha256(bytes),
      size: bytes.length,
      mediaType: 'application/xml',
      filename: 'f.xml',
    });
    expect(await store.has(ref.sha256)).toBe(true);
    expect((await store.get(ref.sha256)).equals(bytes)).toBe(true);
  });

  it('stores the same bytes once: a second put is the same blob', async () => {
    const bytes = crypto.randomBytes(10_000);
    const first = await store.put(bytes, { mediaType: 'application/pdf' });
    const second = await store.put(bytes, { mediaType: 'application/pdf', filename: 'again.pdf' });
    expect(second).toEqual({ ...first, filename: 'again.pdf' });
    expect((await store.get(first.sha256)).equals(bytes)).toBe(true);
  });

  it('keeps an empty file', async () => {
    const ref = await store.put(new Uint8Array(0), { mediaType: 'text/plain' });
    expect(ref.size).toBe(0);
    expect((await store.get(ref.sha256)).length).toBe(0);
  });

  it('answers BlobNotFoundError for a blob it does not hold, and for what is no SHA-256', async () => {
    const absent = sha256(crypto.randomBytes(16));
    expect(await store.has(absent)).toBe(false);
    await expect(store.get(absent)).rejects.toBeInstanceOf(BlobNotFoundError);
    for (const bad of ['../../etc/passwd', 'ABCDEF', `${absent}x`, '']) {
      expect(await store.has(bad)).toBe(false);
      await expect(store.get(bad)).rejects.toBeInstanceOf(BlobNotFoundError);
    }
  });
}

describe('FsBlobStore (the directory store)', () => {
  blobStoreContract(async () => new FsBlobStore(tempDir('blobs')));
});

describe('blob store configuration', () => {
  const s3 = { BLOB_STORE: 's3', S3_BUCKET: 'invoices', S3_ENDPOINT: 'http://127.0.0.1:8333' };

  it('keeps files under DATA_DIR/blobs unless BLOB_STORE=s3', () => {
    expect(loadConfig({}, '/srv/ff').blobs).toEqual({ kind: 'fs', dir: '/srv/ff/data/blobs' });
  });

  it('reads the bucket settings, path-style by default when an endpoint is given', () => {
    const config = loadConfig(
      { ...s3, S3_PREFIX: 'facturflow', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' },
      '/srv/ff',
    );
    expect(config.blobs).toEqual({
      kind: 's3',
      endpoint: 'http://127.0.0.1:8333',
      region: 'us-east-1',
      bucket: 'invoices',
      prefix: 'facturflow/',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    expect(
      loadConfig({ BLOB_STORE: 's3', S3_BUCKET: 'invoices', S3_REGION: 'eu-west-3' }).blobs,
    ).toMatchObject({
      endpoint: undefined,
      region: 'eu-west-3',
      forcePathStyle: false,
    });
    expect(loadConfig({ ...s3, S3_FORCE_PATH_STYLE: 'false' }).blobs).toMatchObject({
      forcePathStyle: false,
    });
  });

  it('reports each mistake with its variable, never repeating the secret', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as ConfigError).problems;
      }
      return [];
    };
    expect(problems({ BLOB_STORE: 'nfs' })).toEqual([
      expect.stringMatching(/^BLOB_STORE="nfs" must be "fs"/),
    ]);
    expect(problems({ BLOB_STORE: 's3' })).toEqual([
      expect.stringMatching(/^S3_BUCKET is needed with BLOB_STORE=s3/),
    ]);
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const all = problems({
      BLOB_STORE: 's3',
      S3_BUCKET: 'Invoices_2026',
      S3_ENDPOINT: 's3.example.org',
      S3_REGION: 'EU WEST',
      S3_PREFIX: 'a//b',
      S3_SECRET_ACCESS_KEY: secret,
      S3_FORCE_PATH_STYLE: 'yes',
    });
    expect(all.map((p) => p.split(/[ =]/)[0]).sort()).toEqual([
      'S3_ACCESS_KEY_ID',
      'S3_BUCKET',
      'S3_ENDPOINT',
      'S3_FORCE_PATH_STYLE',
      'S3_PREFIX',
      'S3_REGION',
    ]);
    expect(all.join('\n')).not.toContain(secret);
    // Bucket settings with the directory store would silently keep files on one machine.
    expect(problems({ S3_BUCKET: 'invoices', S3_SECRET_ACCESS_KEY: secret })).toEqual([
      'S3_BUCKET, S3_SECRET_ACCESS_KEY set but BLOB_STORE is not "s3": set BLOB_STORE=s3 to keep files in the bucket, or unset them',
    ]);
  });
});

describeWithS3('S3BlobStore on a real S3-compatible server (SeaweedFS)', () => {
  let server: S3Server;
  let raw: S3Client;
  beforeAll(async () => {
    server = await startS3Server();
    raw = server.client();
  }, 120_000);
  afterAll(async () => {
    raw?.destroy();
    await server?.stop();
  });

  describe('the blob store contract', () => {
    blobStoreContract(() => S3BlobStore.open(server.settings(newBucket(), 'contract/')));
  });

  it('creates its bucket at start and keeps blobs under content-addressed keys below the prefix', async () => {
    const bucket = newBucket();
    const store = await openBlobStore({ kind: 's3', ...server.settings(bucket, 'tenant-a/') });
    expect(store).toBeInstanceOf(S3BlobStore);
    await raw.send(new HeadBucketCommand({ Bucket: bucket }));
    const ref = await store.put(Buffer.from('keyed'), { mediaType: 'text/plain' });
    const key = `tenant-a/sha256/${ref.sha256.slice(0, 2)}/${ref.sha256.slice(2, 4)}/${ref.sha256}`;
    const head = await raw.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    expect(head.ContentLength).toBe(5);
    // A second store on the same bucket (another process) opens without creating anything.
    const again = await S3BlobStore.open(server.settings(bucket, 'tenant-a/'));
    expect((await again.get(ref.sha256)).toString()).toBe('keyed');
    await again.put(Buffer.from('keyed'), { mediaType: 'text/plain' });
    const listed = await raw.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'tenant-a/' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual([key]);
  });

  it('is refused by the server when the SHA-256 sent with an upload is not that of its bytes', async () => {
    const bucket = newBucket();
    await S3BlobStore.open(server.settings(bucket));
    const bytes = Buffer.from('what the client sends');
    const claimed = crypto.createHash('sha256').update('what the client meant to send').digest('base64');
    const refused = raw.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'k',
        Body: bytes,
        ContentLength: bytes.length,
        ChecksumSHA256: claimed,
      }),
    );
    await expect(refused).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } });
    await expect(raw.send(new HeadObjectCommand({ Bucket: bucket, Key: 'k' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
    // The right SHA-256 goes in, and the server keeps it.
    const right = crypto.createHash('sha256').update(bytes).digest('base64');
    await raw.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'k',
        Body: bytes,
        ContentLength: bytes.length,
        ChecksumSHA256: right,
      }),
    );
    const head = await raw.send(new HeadObjectCommand({ Bucket: bucket, Key: 'k', ChecksumMode: 'ENABLED' }));
    expect(head.ContentLength).toBe(bytes.length);
  });

  it('refuses to return an object changed behind its back (BLOB_CORRUPT), and a put of the blob repairs it', async () => {
    const bucket = newBucket();
    const store = await S3BlobStore.open(server.settings(bucket));
    const bytes = Buffer.from('<Invoice><Amount>100.00</Amount></Invoice>');
    const ref = await store.put(bytes, { mediaType: 'application/xml' });
    const overwrite = (body: Buffer) =>
      raw.send(new PutObjectCommand({ Bucket: bucket, Key: store.keyOf(ref.sha256), Body: body }));

    // Same length, one figure changed: only the hash tells.
    await overwrite(Buffer.from(bytes.toString().replace('100.00', '900.00')));
    await expect(store.get(ref.sha256)).rejects.toMatchObject({
      name: 'BlobStoreError',
      code: 'BLOB_CORRUPT',
    });
    const stream = await store.getStream(ref.sha256);
    await expect(pipeline(stream, devNull())).rejects.toMatchObject({ code: 'BLOB_CORRUPT' });

    // Truncated: a shorter object is corrupt too, and putting the blob again writes it whole.
    await overwrite(bytes.subarray(0, 10));
    await expect(store.get(ref.sha256)).rejects.toMatchObject({ code: 'BLOB_CORRUPT' });
    await store.put(bytes, { mediaType: 'application/xml' });
    expect((await store.get(ref.sha256)).equals(bytes)).toBe(true);
  });

  it('streams a 50 MB blob in and out without holding it whole', async () => {
    const store = await S3BlobStore.open(server.settings(newBucket()));
    const size = 50 * 1024 * 1024;
    const seed = crypto.randomBytes(1024 * 1024);
    // 50 chunks of 1 MB, each made distinct, generated as they are read.
    const chunks = function* () {
      for (let i = 0; i < 50; i += 1) {
        const chunk = Buffer.from(seed);
        chunk.writeUInt32BE(i, 0);
        yield chunk;
      }
    };
    const expected = crypto.createHash('sha256');
    for (const c of chunks()) expected.update(c);
    const digest = expected.digest('hex');

    let started = Date.now();
    const ref = await store.putStream(Readable.from(chunks()), { mediaType: 'application/pdf' });
    const putMs = Date.now() - started;
    expect(ref).toMatchObject({ sha256: digest, size });

    started = Date.now();
    const hash = crypto.createHash('sha256');
    let received = 0;
    await pipeline(await store.getStream(digest), async function (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        received += chunk.length;
      }
    });
    const getMs = Date.now() - started;
    expect(received).toBe(size);
    expect(hash.digest('hex')).toBe(digest);

    // The whole-buffer get of the same blob: one buffer of its size, checked.
    started = Date.now();
    const whole = await store.get(digest);
    const bufferMs = Date.now() - started;
    expect(whole.length).toBe(size);
    expect(sha256(whole)).toBe(digest);
    console.log(`50 MB through SeaweedFS: putStream ${putMs} ms, getStream ${getMs} ms, get ${bufferMs} ms`);
  }, 120_000);

  it('says clearly when the credentials are wrong, without the secret', async () => {
    const wrongSecret = `${server.secretAccessKey.slice(0, -4)}XXXX`;
    const refused = S3BlobStore.open({ ...server.settings(newBucket()), secretAccessKey: wrongSecret });
    await expect(refused).rejects.toMatchObject({ name: 'BlobStoreError', code: 'S3_CREDENTIALS_REFUSED' });
    const err = (await refused.catch((e) => e)) as BlobStoreError;
    expect(err.message).toMatch(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/);
    expect(err.message).not.toContain(wrongSecret);
    expect(err.message).not.toContain(server.secretAccessKey);
    await expect(
      S3BlobStore.open({ ...server.settings(newBucket()), accessKeyId: 'NOSUCHKEY' }),
    ).rejects.toMatchObject({ code: 'S3_CREDENTIALS_REFUSED' });
  });

  it('says clearly when nothing answers at S3_ENDPOINT', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    await expect(S3BlobStore.open({ ...server.settings(newBucket()), endpoint })).rejects.toMatchObject({
      code: 'S3_UNREACHABLE',
      message: expect.stringContaining(endpoint),
    });
  });

  describeWithCorpus('blobs shared by an API process and a worker process', () => {
    let temporal: Awaited<ReturnType<typeof startDevServer>>;
    let db: Db;
    let dropDatabase: (() => Promise<void>) | undefined;
    const processes: { name: string; child: ChildProcess; output: string[] }[] = [];
    const dataDirs: string[] = [];
    let api = '';
    let token = '';
    let bucket = '';

    beforeAll(async () => {
      temporal = await startDevServer();
      const database = await sharedDatabase();
      db = database.db;
      dropDatabase = database.drop;
      token = await seedUser(db, 'supplier-s3');
      await registerStructure(db, { identifier: '123456789', members: [{ userId: 'supplier-s3' }] });
      await registerStructure(db, { identifier: '987654321' });
      bucket = newBucket();
      const port = await freePort();
      api = `http://127.0.0.1:${port}`;
      // Each process has a DATA_DIR of its own: nothing on disk is shared, only the bucket.
      const env = (role: string): NodeJS.ProcessEnv => {
        const dataDir = tempDir(`s3-${role}`);
        dataDirs.push(dataDir);
        return {
          ...process.env,
          ...server.env(bucket, 'platform/'),
          DATA_DIR: dataDir,
          DATABASE_URL: database.url,
          TEMPORAL_ADDRESS: temporal.address,
          TEMPORAL_TASK_QUEUE: `s3-blobs-${process.pid}`,
          PORT: String(port),
          LOG_LEVEL: 'info',
        };
      };
      const worker = startRole('worker', env('worker'));
      const apiProcess = startRole('api', env('api'));
      processes.push(worker, apiProcess);
      await Promise.all([
        untilLogged(worker, 'worker polling', 180_000),
        untilLogged(apiProcess, 'API listening', 180_000),
      ]);
    }, 240_000);

    afterAll(async () => {
      await Promise.all(processes.map(({ child }) => stopRole(child)));
      await dropDatabase?.();
      await temporal?.teardown();
    });

    it('takes a deposit to MISE_A_DISPOSITION: the worker checks the file the API wrote, from the bucket', async () => {
      const xml = fs.readFileSync(
        corpusPath('ConnectingEurope/eInvoicing-EN16931/ubl/examples/guide-example2.xml'),
        'utf8',
      );
      const res = await fetch(`${api}/api/v1/invoices`, {
        method: 'POST',
        headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` },
        body: xml,
      });
      expect(res.status).toBe(202);
      const { id } = await json(res);
      await waitForStatus(api, id, ['MISE_A_DISPOSITION'], 90_000, token);

      const file = sha256(Buffer.from(xml));
      expect(await db('blobs').where({ sha256: file }).first()).toBeDefined();
      const key = `platform/sha256/${file.slice(0, 2)}/${file.slice(2, 4)}/${file}`;
      const head = await raw.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      expect(head.ContentLength).toBe(Buffer.byteLength(xml));
      const got = await raw.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      expect(await got.Body!.transformToString()).toBe(xml);
      for (const dir of dataDirs) expect(fs.existsSync(path.join(dir, 'blobs'))).toBe(false);

      const health = await json(await fetch(`${api}/health`));
      expect(health.checks.blobs).toMatchObject({ status: 'up' });
      const logs = processes.map((p) => p.output.join('')).join('\n');
      expect(logs).toContain(`"bucket":"${bucket}"`);
      expect(logs).not.toContain(server.secretAccessKey);
    }, 120_000);
  });
});

/** A writable that throws away what it is given. */
function devNull() {
  return async function (source: AsyncIterable<Buffer>) {
    for await (const _chunk of source);
  };
}

function startRole(role: 'api' | 'worker', env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bin', `${role}.ts`)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (c) => output.push(String(c)));
  child.stderr!.on('data', (c) => output.push(String(c)));
  return { name: role, child, output };
}

async function untilLogged(
  p: { name: string; child: ChildProcess; output: string[] },
  text: string,
  ms: number,
) {
  const deadline = Date.now() + ms;
  while (!p.output.join('').includes(text)) {
    if (p.child.exitCode !== null)
      throw new Error(`the ${p.name} process exited with ${p.child.exitCode}:\n${p.output.join('')}`);
    if (Date.now() > deadline)
      throw new Error(`the ${p.name} process did not log "${text}":\n${p.output.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopRole(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
