import net from 'node:net';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { KEEP_ALIVE_MS, listen } from '../../api/listen';

/** Sends one request on `socket` and resolves with the status line of its answer. */
function request(socket: net.Socket, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    const onData = (chunk: Buffer) => {
      data += chunk.toString('latin1');
      if (!data.includes('\r\n\r\n') || !data.endsWith('pong')) return;
      socket.off('data', onData);
      socket.off('close', onClose);
      resolve(data.split('\r\n')[0]);
    };
    const onClose = () => reject(new Error(`connection closed by the server before answering ${path}`));
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: test\r\nConnection: keep-alive\r\n\r\n`);
  });
}

describe('the API server keeps idle connections open longer than what stands in front of it', () => {
  it('answers a request sent on a connection left idle past the 5 s that Node would keep it', async () => {
    const app = express();
    app.get('/ping', (_req, res) => res.type('text/plain').send('pong'));
    const server = await listen(app, 0, '127.0.0.1');
    const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
    try {
      await new Promise((resolve) => socket.once('connect', resolve));
      expect(await request(socket, '/ping')).toBe('HTTP/1.1 200 OK');
      // Node's default keepAliveTimeout (5 s) would have closed the connection by now.
      await new Promise((resolve) => setTimeout(resolve, 6000));
      expect(socket.destroyed || socket.readyState !== 'open').toBe(false);
      expect(await request(socket, '/ping')).toBe('HTTP/1.1 200 OK');
      expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_MS);
    } finally {
      socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 20_000);

  it('says which port is taken when it is', async () => {
    const app = express();
    const first = await listen(app, 0, '127.0.0.1');
    const { port } = first.address() as AddressInfo;
    await expect(listen(app, port, '127.0.0.1')).rejects.toThrow(`port ${port} is already in use`);
    await new Promise((resolve) => first.close(resolve));
  });
});
