/**
 * Every route of the app × every role, against the policy table (server/http/policy.ts).
 * The routes are read from the Express router stack of createApp itself, so a route added without a
 * policy entry fails this test (and so the build). For each route and role the answer must be
 * 401 (public, role needed), 403 (role too low), or anything else when the table allows the role.
 */
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sessions } from '../../server/auth/sessions.js';
import { ROLES, type Role } from '../../server/auth/roles.js';
import { allows, POLICY, type PolicyEntry } from '../../server/http/policy.js';
import { SessionRepository } from '../../server/neo4j/repositories/session-repository.js';
import { emptyDatabase, testDriver } from '../integration/helpers.js';
import { neo4jContext } from '../integration/neo4j-context.js';
import { addUser, createAuthApp, removeAuthData, type AuthTestApp } from './auth-app.js';

interface RouteOf {
  method: string;
  path: string;
}

interface LayerLike {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
}

/** Every (method, path) the app routes, read from its router stack (nested routers included). */
export function appRoutes(app: Express): RouteOf[] {
  const walk = (stack: LayerLike[], prefix: string): RouteOf[] =>
    stack.flatMap((layer) => {
      if (layer.route) {
        if (typeof layer.route.path !== 'string') throw new Error(`route path ${String(layer.route.path)}`);
        const path = prefix + layer.route.path;
        return Object.keys(layer.route.methods)
          .filter((m) => m !== '_all')
          .map((m) => ({ method: m.toUpperCase(), path }));
      }
      if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        return walk(layer.handle.stack, prefix + mount);
      }
      return [];
    });
  return walk((app as unknown as { router: { stack: LayerLike[] } }).router.stack, '');
}

function unlisted(routes: RouteOf[], table: readonly PolicyEntry[]): RouteOf[] {
  return routes.filter(
    (route) =>
      route.path.startsWith('/api/') &&
      !table.some((entry) => entry.method === route.method && entry.path === route.path),
  );
}

let t: AuthTestApp;
const admin = testDriver();
const sessions = () => new Sessions(new SessionRepository(t.driver, neo4jContext().database));

beforeAll(async () => {
  await emptyDatabase(admin);
  t = await createAuthApp();
  await addUser(t.driver, 'walk-analyst', 'analyst');
  await addUser(t.driver, 'walk-coordinator', 'coordinator');
  await addUser(t.driver, 'walk-admin', 'admin');
});

afterAll(async () => {
  await removeAuthData(admin);
  await t.close();
  await admin.close();
});

describe('the policy table', () => {
  it('lists every /api route of the app', () => {
    const routes = appRoutes(t.app).filter((r) => r.path.startsWith('/api/'));
    // The walk does see the routes (a broken walk must not pass by finding none).
    expect(routes).toContainEqual({ method: 'GET', path: '/api/organizations/:id' });
    expect(routes).toContainEqual({ method: 'POST', path: '/api/uploads/commit' });
    expect(routes).toContainEqual({ method: 'PATCH', path: '/api/users/:name' });
    expect(unlisted(routes, POLICY)).toEqual([]);
  });

  it('would catch a route it does not list', () => {
    const table = POLICY.filter((entry) => entry.path !== '/api/users/:name' || entry.method !== 'DELETE');
    expect(unlisted(appRoutes(t.app), table)).toEqual([{ method: 'DELETE', path: '/api/users/:name' }]);
  });

  it('lists each method and path once', () => {
    const keys = POLICY.map((entry) => `${entry.method} ${entry.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('every route × every role', () => {
  const routes = () => appRoutes(t.app).filter((r) => r.path.startsWith('/api/'));

  async function call(route: RouteOf, role: Role) {
    const path = route.path.replace(/:[A-Za-z]+/g, 'walk-x');
    let req = request(t.app)[route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](path);
    if (role !== 'public') {
      // A fresh session per request: DELETE /api/session ends the one it is sent with.
      const started = await sessions().start(`walk-${role}`);
      req = req.set('Cookie', `kopru_session=${started.id}`).set('X-CSRF-Token', started.csrf);
    }
    return route.method === 'GET' ? req : req.send({});
  }

  it('answers 401 / 403 exactly where the table says, and lets the allowed roles through', async () => {
    const outcome: string[] = [];
    const expected: string[] = [];
    for (const route of routes()) {
      const entry = POLICY.find((e) => e.method === route.method && e.path === route.path)!;
      for (const role of ROLES) {
        const res = await call(route, role);
        const got = res.status === 401 || res.status === 403 ? String(res.status) : 'allowed';
        const want = allows(entry, role) ? 'allowed' : role === 'public' ? '401' : '403';
        outcome.push(`${route.method} ${route.path} as ${role}: ${got}`);
        expected.push(`${route.method} ${route.path} as ${role}: ${want}`);
        if (got === 'allowed')
          expect(res.status, `${route.method} ${route.path} as ${role}`).toBeLessThan(500);
      }
    }
    expect(outcome).toEqual(expected);
    expect(outcome.length).toBeGreaterThanOrEqual(4 * 20);
  });

  it('answers 404 to a path the table does not list, for every role', async () => {
    for (const role of ROLES) {
      const res = await call({ method: 'GET', path: '/api/no-such-thing' }, role);
      expect(res.status, role).toBe(404);
    }
  });
});
