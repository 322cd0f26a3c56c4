import net from 'node:net';
import { freePort } from '../../scripts/cluster/topology';

const bindable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

describe("the cluster's ports", () => {
  it('never hands out the same port twice, even among random picks under a small limit', async () => {
    // A cluster asks for about twenty; 300 random picks among 12,767 ports would repeat one almost surely.
    const ports: number[] = [];
    for (let i = 0; i < 300; i++) ports.push(await freePort(32_767));
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports.every((p) => p >= 20_000 && p < 32_767)).toBe(true);
    const any = await freePort();
    expect(ports).not.toContain(any);
    expect(await bindable(any)).toBe(true);
  });
});
