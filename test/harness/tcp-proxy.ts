import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a database server that a test can cut and restore, to stage an outage
 * without stopping the shared server: cutting drops every live connection (as a crash or restart
 * does) and then refuses new ones (`refuse`, as a server that is down) or accepts and drops them
 * (`reset`, as a server that is still starting).
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private mode: 'open' | 'refuse' | 'reset' = 'open';
  private server: Server | null = null;

  private constructor(
    private readonly targetPort: number,
    private readonly targetHost: string,
    public port: number,
  ) {}

  static async start(targetPort: number, targetHost = '127.0.0.1', port = 0): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetPort, targetHost, port);
    await proxy.listen();
    return proxy;
  }

  /** Connections that passed through since the proxy started, for tests that check the proxy was used. */
  accepted = 0;

  private listen(): Promise<void> {
    const server = createServer((client) => {
      if (this.mode !== 'open') {
        client.destroy();
        return;
      }
      this.accepted += 1;
      const upstream = connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        const address = server.address();
        this.port = typeof address === 'object' && address ? address.port : this.port;
        resolve();
      });
    });
  }

  private dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /** The database goes away: live connections drop, new ones are refused (or reset). */
  async cut(mode: 'refuse' | 'reset' = 'refuse'): Promise<void> {
    this.mode = mode;
    this.dropConnections();
    if (mode === 'refuse' && this.server) {
      const server = this.server;
      this.server = null;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** The database is back: new connections pass again. */
  async restore(): Promise<void> {
    this.mode = 'open';
    if (!this.server) await this.listen();
  }

  async close(): Promise<void> {
    this.mode = 'reset';
    this.dropConnections();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The host and port of a mysql:// URL (3306 when none is given). */
export function mysqlAddress(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || 3306) };
}

/** `url` with its host and port replaced by the proxy's. */
export function throughProxy(url: string, proxy: TcpProxy, schema?: string): string {
  const parsed = new URL(url);
  parsed.hostname = '127.0.0.1';
  parsed.port = String(proxy.port);
  if (schema !== undefined) parsed.pathname = `/${schema}`;
  return parsed.toString();
}
