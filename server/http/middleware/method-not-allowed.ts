/**
 * 405 Method Not Allowed (with `Allow`) for a path the API has but not with this method, instead of a
 * 404 that would suggest the path does not exist. The paths and methods come from the route list the
 * OpenAPI document is built from. Mount it after the routers, before the 404.
 */
import type { RequestHandler } from 'express';
import type { RouteSpec } from '../openapi/registry.js';

function matcher(expressPath: string): RegExp {
  const pattern = expressPath
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${pattern}/?$`);
}

export function methodNotAllowed(routes: readonly RouteSpec[]): RequestHandler {
  const paths = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  for (const route of routes) {
    const entry = paths.get(route.path) ?? { pattern: matcher(route.path), methods: new Set<string>() };
    entry.methods.add(route.method.toUpperCase());
    if (entry.methods.has('GET')) entry.methods.add('HEAD');
    paths.set(route.path, entry);
  }
  return (req, res, next) => {
    const allowed = [...paths.values()].find((entry) => entry.pattern.test(req.path));
    if (!allowed || allowed.methods.has(req.method)) {
      next();
      return;
    }
    const allow = [...allowed.methods].sort().join(', ');
    res
      .status(405)
      .set('Allow', allow)
      .json({
        error: {
          code: 'method_not_allowed',
          message: `${req.method.slice(0, 20)} is not allowed on ${req.path.slice(0, 200)}; use ${allow}`,
        },
      });
  };
}
