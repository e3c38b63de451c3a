import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy to a real server that a test can cut and restore, to see what a client
 * does when the server goes away mid-run (without stopping a server others share).
 */
export async function startTcpProxy({ host, port }: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let listenPort = 0;

  async function listen() {
    server = createServer((client) => {
      const upstream = connect({ host, port });
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(listenPort, '127.0.0.1', resolve));
    listenPort = (server.address() as AddressInfo).port;
  }

  await listen();
  return {
    get port() {
      return listenPort;
    },
    /** Refuses new connections and drops the open ones. */
    async cut() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = null;
    },
    /** Listens again on the same port. */
    restore: listen,
    close() {
      return this.cut();
    },
  };
}
