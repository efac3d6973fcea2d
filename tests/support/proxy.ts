/**
 * A TCP proxy in front of the test Neo4j that can be frozen: while frozen it forwards nothing in
 * either direction and keeps every socket open, so the driver waits for an answer that never
 * comes (a hung server, a black-holed network). Thawing forwards what was held back.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface FreezableProxy {
  uri: string;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function freezableProxy(target: string): Promise<FreezableProxy> {
  const { hostname, port } = new URL(target.replace(/^(bolt|neo4j)/, 'http'));
  const sockets = new Set<Socket>();
  let frozen = false;
  const pipes: [Socket, Socket][] = [];
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: hostname, port: Number(port) });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => sockets.delete(s));
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    pipes.push([client, upstream], [upstream, client]);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      from.pipe(to);
      if (frozen) from.pause();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const proxyPort = typeof address === 'object' && address ? address.port : 0;
  return {
    uri: `bolt://127.0.0.1:${proxyPort}`,
    freeze() {
      frozen = true;
      for (const [from, to] of pipes) {
        from.unpipe(to);
        from.pause();
      }
    },
    thaw() {
      frozen = false;
      for (const [from, to] of pipes) if (!from.destroyed) from.pipe(to);
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
