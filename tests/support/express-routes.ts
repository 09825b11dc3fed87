/**
 * Every route an Express 5 app answers, found by walking its router stack (nested routers included),
 * as `METHOD /full/path` in Express notation. Used to check the OpenAPI document against what is
 * really mounted.
 */
import type { Express } from 'express';

interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function join(prefix: string, part: unknown): string {
  if (typeof part !== 'string' || part === '/' || part === '') return prefix;
  return `${prefix}${part.startsWith('/') ? '' : '/'}${part}`;
}

function walk(stack: Layer[], prefix: string, out: string[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all')) {
        for (const p of paths) out.push(`${method.toUpperCase()} ${join(prefix, p)}`);
      }
    } else if (Array.isArray(layer.handle?.stack)) {
      walk(layer.handle.stack, join(prefix, layer.rawPath), out);
    }
  }
}

export function mountedRoutes(app: Express): string[] {
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  const out: string[] = [];
  walk(router.stack, '', out);
  return [...new Set(out)].sort();
}
