import type { Writable } from 'node:stream';

/**
 * Writes and waits while the stream's buffer is full, so that results streamed for thousands of
 * files into a slow pipe stay in bounded memory instead of piling up in the stream.
 */
export async function write(stream: Writable, text: string): Promise<void> {
  if (stream.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (err?: Error) => {
      stream.off('drain', onDrain);
      stream.off('error', done);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    stream.once('drain', onDrain);
    stream.once('error', done);
  });
}

/** Rows of label/value, labels padded to one column. */
export function table(rows: [string, string][]): string {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n') + '\n';
}
