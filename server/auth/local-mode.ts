/**
 * Local demo mode: while no account exists, a request made on this computer gets the coordinator
 * role, so `npm start` works out of the box; any other request is public. "On this computer" means
 * a loopback peer, no proxy header (a reverse proxy on the same host would otherwise make everyone
 * local) and a Host of localhost/127.0.0.1/[::1] (a DNS-rebinding page cannot pass for local).
 */
import type { IncomingHttpHeaders } from 'node:http';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.test(address);
}

export function isLocalRequest(peer: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (!isLoopbackAddress(peer)) return false;
  if (headers['x-forwarded-for'] !== undefined || headers.forwarded !== undefined) return false;
  return LOCAL_HOST.test(headers.host ?? '');
}

/** How long "are there accounts?" is cached; `kopru user add` in another process is seen this fast. */
export const ACCOUNTS_CACHE_MS = 1_000;

/** Caches whether any account exists; dropped at once by this process's own account changes. */
export class AccountPresence {
  private cached: { value: boolean; at: number } | null = null;
  private pending: Promise<boolean> | null = null;
  /** Bumped by invalidate(), so an answer read before a change is not cached after it. */
  private generation = 0;

  constructor(private readonly count: () => Promise<number>) {}

  async any(now = Date.now()): Promise<boolean> {
    if (this.cached && now - this.cached.at < ACCOUNTS_CACHE_MS) return this.cached.value;
    if (this.pending) return this.pending;
    const generation = this.generation;
    const pending = this.count()
      .then((n) => {
        if (generation === this.generation) this.cached = { value: n > 0, at: Date.now() };
        return n > 0;
      })
      .finally(() => {
        if (this.pending === pending) this.pending = null;
      });
    this.pending = pending;
    return pending;
  }

  invalidate(): void {
    this.generation += 1;
    this.cached = null;
    this.pending = null;
  }
}
