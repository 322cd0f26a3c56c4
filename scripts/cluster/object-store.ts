import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';

/**
 * SeaweedFS's `weed server` as an S3-compatible object store: master, volume, filer and S3 gateway in
 * one process on loopback, one identity allowed everything. Used by `npm run cluster --object-store`
 * and by the tests of the S3 blob store (test/support/s3.ts).
 */

const { provisionedWeed } = require('../provision-seaweedfs.js') as {
  provisionedWeed(): string | undefined;
};

export const WEED_MISSING =
  'SeaweedFS weed binary not found: run `node scripts/provision-seaweedfs.js` (builds it from the Go module ' +
  'proxy once per machine) or set SEAWEEDFS_WEED_PATH';

/** The weed binary provisioned on this machine, if any. */
export function weedBinary(): string | undefined {
  return provisionedWeed();
}

export interface WeedPorts {
  master: number;
  masterGrpc: number;
  volume: number;
  volumeGrpc: number;
  filer: number;
  filerGrpc: number;
  s3: number;
  s3Grpc: number;
}

export const WEED_PORT_NAMES: (keyof WeedPorts)[] = [
  'master',
  'masterGrpc',
  'volume',
  'volumeGrpc',
  'filer',
  'filerGrpc',
  's3',
  's3Grpc',
];

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Fresh credentials, written as the gateway's identity file (readable by its owner only). */
export function writeIdentity(configFile: string): S3Credentials {
  const credentials = {
    accessKeyId: `ff${crypto.randomBytes(6).toString('hex')}`,
    secretAccessKey: crypto.randomBytes(24).toString('base64url'),
  };
  const identity = {
    identities: [
      {
        name: 'facturflow',
        credentials: [{ accessKey: credentials.accessKeyId, secretKey: credentials.secretAccessKey }],
        actions: ['Admin', 'Read', 'Write', 'List', 'Tagging'],
      },
    ],
  };
  fs.writeFileSync(configFile, JSON.stringify(identity), { mode: 0o600 });
  return credentials;
}

/** The credentials of an identity file written by `writeIdentity`. */
export function readIdentity(configFile: string): S3Credentials {
  const { identities } = JSON.parse(fs.readFileSync(configFile, 'utf8')) as {
    identities: { credentials: { accessKey: string; secretKey: string }[] }[];
  };
  const [{ accessKey, secretKey }] = identities[0].credentials;
  return { accessKeyId: accessKey, secretAccessKey: secretKey };
}

/** `weed server`'s arguments: data under `dir` (which holds the sockets too), the identity file given. */
export function weedServerArgs(dir: string, ports: WeedPorts, configFile: string): string[] {
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  return [
    'server',
    '-ip=127.0.0.1',
    '-ip.bind=127.0.0.1',
    `-dir=${path.join(dir, 'data')}`,
    `-master.port=${ports.master}`,
    `-master.port.grpc=${ports.masterGrpc}`,
    // Every bucket is a collection of its own, with volumes of its own: room for many buckets.
    '-master.volumeSizeLimitMB=128',
    '-master.telemetry=false',
    `-volume.port=${ports.volume}`,
    `-volume.port.grpc=${ports.volumeGrpc}`,
    '-volume.max=300',
    '-filer',
    `-filer.port=${ports.filer}`,
    `-filer.port.grpc=${ports.filerGrpc}`,
    `-filer.localSocket=${path.join(dir, 'filer.sock')}`,
    '-s3',
    `-s3.port=${ports.s3}`,
    `-s3.port.grpc=${ports.s3Grpc}`,
    '-s3.port.iceberg=0',
    '-s3.port.lance=0',
    `-s3.localSocket=${path.join(dir, 's3.sock')}`,
    `-s3.config=${configFile}`,
  ];
}

export const S3_REGION = 'us-east-1';

export function s3Client(endpoint: string, credentials: S3Credentials): S3Client {
  return new S3Client({
    endpoint,
    region: S3_REGION,
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * Whether the store serves: an object goes into `bucket` (created if need be) and comes back, so the
 * gateway, the filer and a volume all answer.
 */
export async function s3Serves(
  endpoint: string,
  credentials: S3Credentials,
  bucket: string,
): Promise<boolean> {
  const client = s3Client(endpoint, credentials);
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket })).catch((err: Error) => {
      if (err.name !== 'BucketAlreadyOwnedByYou' && err.name !== 'BucketAlreadyExists') throw err;
    });
    const Key = `ready-probe-${process.pid}`;
    await client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'ok' }));
    const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key }));
    const back = await got.Body!.transformToString();
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key }));
    return back === 'ok';
  } finally {
    client.destroy();
  }
}
