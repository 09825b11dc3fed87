/**
 * The HTTP server around the app, with the timeouts that stop slow clients from holding connections
 * (slowloris): a whole request must arrive within `requestTimeoutMs`, its headers within
 * `headersTimeoutMs`, and an idle keep-alive connection closes after 5 s. Node checks these on a timer
 * (`connectionsCheckingInterval`, 30 s by default), set here to a fraction of the headers timeout so a
 * limit is enforced close to when it expires.
 */
import { createServer, type RequestListener, type Server } from 'node:http';

export interface ListenOptions {
  port: number;
  host: string;
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  keepAliveTimeoutMs?: number;
}

export function createHttpServer(
  app: RequestListener,
  options: Omit<ListenOptions, 'port' | 'host'>,
): Server {
  // Node refuses a headers timeout above the request timeout.
  const headersTimeout = Math.min(options.headersTimeoutMs, options.requestTimeoutMs);
  return createServer(
    {
      requestTimeout: options.requestTimeoutMs,
      headersTimeout,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
      connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(headersTimeout / 4))),
    },
    app,
  );
}

export function listen(app: RequestListener, options: ListenOptions): Promise<Server> {
  const server = createHttpServer(app, options);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
