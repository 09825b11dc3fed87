/**
 * Accounts, sessions and roles on the real Neo4j: local mode while no account exists, sign-in with
 * the cookie's attributes, only a hash of the session id stored, CSRF, roles, sign-out, lockout,
 * rate limit, timeouts, a session surviving a new app instance, and the audit log.
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCKOUT_MS, MAX_FAILED_LOGINS } from '../../server/auth/accounts.js';
import { SESSION_IDLE_MS } from '../../server/auth/sessions.js';
import { LOGIN_FAILED_MESSAGE } from '../../server/http/routes/session.js';
import { count, emptyDatabase, testDriver } from '../integration/helpers.js';
import { neo4jContext, withNeo4jStopped } from '../integration/neo4j-context.js';
import { addUser, createAuthApp, PASSWORD, removeAuthData, signIn, type AuthTestApp } from './auth-app.js';

let t: AuthTestApp;
const admin = testDriver();

async function query(text: string, params: Record<string, unknown> = {}) {
  const { records } = await admin.executeQuery(text, params, { database: neo4jContext().database });
  return records.map((r) => r.toObject());
}

async function auditActions(): Promise<{ actor: string; action: string; details: string }[]> {
  return (await query(
    'MATCH (a:AuditEvent) RETURN a.actor AS actor, a.action AS action, a.details AS details ORDER BY a.at',
  )) as { actor: string; action: string; details: string }[];
}

beforeAll(async () => {
  await emptyDatabase(admin);
  t = await createAuthApp();
});

beforeEach(async () => {
  await removeAuthData(admin);
  // Each test starts with a fresh app, so no cached "are there accounts?" survives between tests.
  await t.close();
  t = await createAuthApp();
});

afterAll(async () => {
  await removeAuthData(admin);
  await t.close();
  await admin.close();
});

describe('local mode (no account yet)', () => {
  it('a request from this computer is a coordinator; GET /api/session says local', async () => {
    const res = await request(t.app).get('/api/session').expect(200);
    expect(res.body).toStrictEqual({ mode: 'local', role: 'coordinator', user: null, csrfToken: null });
    await request(t.app).get('/api/dataset').expect(200);
    // Coordinator rights: a preview is allowed (and answers about the files, not about access).
    const preview = await request(t.app)
      .post('/api/uploads/preview')
      .send({ files: { 'x.csv': 'a' } })
      .expect(200);
    expect(preview.body.ok).toBe(false);
    // Admin rights are not part of local mode.
    await request(t.app).get('/api/users').expect(403);
  });

  it('through a proxy or under a foreign Host name it is public', async () => {
    const proxied = await request(t.app)
      .get('/api/session')
      .set('X-Forwarded-For', '203.0.113.9')
      .expect(200);
    expect(proxied.body).toMatchObject({ mode: 'local', role: 'public' });
    await request(t.app).get('/api/dataset').set('X-Forwarded-For', '203.0.113.9').expect(401);
    // A DNS-rebinding page reaches 127.0.0.1 under its own name.
    await request(t.app).get('/api/dataset').set('Host', 'evil.example:3000').expect(401);
    await request(t.app).get('/api/health').set('Host', 'evil.example:3000').expect(200);
  });

  it('a state-changing request from another origin is refused', async () => {
    const res = await request(t.app)
      .post('/api/uploads/preview')
      .set('Origin', 'http://evil.example')
      .send({ files: { 'x.csv': 'a' } })
      .expect(403);
    // Refused by the CORS layer before the CSRF check sees it; either way nothing runs.
    expect(res.body.error.code).toBe('forbidden_origin');
  });

  it('ends with the first account, and returns when the last one is removed', async () => {
    await request(t.app).get('/api/dataset').expect(200);
    await addUser(t.driver, 'ada', 'admin');
    // Added by another process (as `kopru user add` does): seen within the cache's second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await request(t.app).get('/api/dataset').expect(401);
    expect((await request(t.app).get('/api/session').expect(200)).body).toStrictEqual({
      mode: 'accounts',
      role: 'public',
      user: null,
      csrfToken: null,
    });
    const ada = await signIn(t.app, 'ada');
    await request(t.app)
      .delete('/api/users/ada')
      .set('Cookie', ada.cookie)
      .set('X-CSRF-Token', ada.csrf)
      .expect(204);
    // Removed through this app: no waiting.
    expect((await request(t.app).get('/api/session').expect(200)).body.mode).toBe('local');
    await request(t.app).get('/api/dataset').expect(200);
  });
});

describe('signing in and out', () => {
  beforeEach(async () => {
    await addUser(t.driver, 'ada', 'admin');
  });

  it('sets an HttpOnly, SameSite=Strict session cookie; the database keeps only its SHA-256', async () => {
    const session = await signIn(t.app, 'ada');
    expect(session.setCookie).toMatch(/HttpOnly/);
    expect(session.setCookie).toMatch(/SameSite=Strict/);
    expect(session.setCookie).toMatch(/Path=\//);
    expect(session.setCookie).not.toMatch(/Secure/);
    expect(session.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await query('MATCH (s:Session) RETURN properties(s) AS p');
    expect(stored).toHaveLength(1);
    const props = stored[0]!.p as Record<string, unknown>;
    expect(props.idHash).toBe(createHash('sha256').update(session.id).digest('hex'));
    expect(Object.values(props).map(String)).not.toContain(session.id);
    const me = await request(t.app).get('/api/session').set('Cookie', session.cookie).expect(200);
    expect(me.body).toStrictEqual({
      mode: 'accounts',
      role: 'admin',
      user: { name: 'ada', role: 'admin' },
      csrfToken: session.csrf,
    });
  });

  it('marks the cookie Secure behind an HTTPS proxy that is trusted', async () => {
    const proxied = await createAuthApp({ trustProxy: 'loopback' });
    try {
      const res = await request(proxied.app)
        .post('/api/session')
        .set('X-Forwarded-Proto', 'https')
        .send({ name: 'ada', password: PASSWORD })
        .expect(200);
      expect(String(res.headers['set-cookie']?.[0])).toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('answers every failure with the same 401: unknown name, wrong password', async () => {
    const unknown = await request(t.app).post('/api/session').send({ name: 'nobody', password: PASSWORD });
    const wrong = await request(t.app)
      .post('/api/session')
      .send({ name: 'ada', password: 'not the password!' });
    for (const res of [unknown, wrong]) {
      expect(res.status).toBe(401);
      expect(res.body).toStrictEqual({ error: { code: 'login_failed', message: LOGIN_FAILED_MESSAGE } });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const actions = await auditActions();
    expect(actions.map((a) => [a.actor, a.action])).toEqual([
      ['test', 'user.add'],
      ['anonymous', 'login.failed'],
      ['ada', 'login.failed'],
    ]);
    // The unknown name itself is not logged (it may be a password typed in the wrong field).
    expect(actions[1]!.details).not.toContain('nobody');
  });

  it('sign-out deletes the session: the old cookie no longer works', async () => {
    const session = await signIn(t.app, 'ada');
    await request(t.app).get('/api/users').set('Cookie', session.cookie).expect(200);
    const out = await request(t.app)
      .delete('/api/session')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrf)
      .expect(204);
    expect(String(out.headers['set-cookie']?.[0])).toMatch(/^kopru_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await count(admin, 'MATCH (s:Session) RETURN count(s)')).toBe(0);
    await request(t.app).get('/api/users').set('Cookie', session.cookie).expect(401);
  });

  it('a new sign-in replaces the session it was made from (no fixation)', async () => {
    const first = await signIn(t.app, 'ada');
    const res = await request(t.app)
      .post('/api/session')
      .set('Cookie', first.cookie)
      .set('X-CSRF-Token', first.csrf)
      .send({ name: 'ada', password: PASSWORD })
      .expect(200);
    expect(String(res.headers['set-cookie']?.[0])).not.toContain(first.id);
    await request(t.app).get('/api/users').set('Cookie', first.cookie).expect(401);
  });

  it('a session survives a new app instance on the same database (a restart)', async () => {
    const session = await signIn(t.app, 'ada');
    const restarted = await createAuthApp();
    try {
      const me = await request(restarted.app).get('/api/session').set('Cookie', session.cookie).expect(200);
      expect(me.body.user).toStrictEqual({ name: 'ada', role: 'admin' });
    } finally {
      await restarted.close();
    }
  });

  it('ends after the idle timeout and after the absolute timeout', async () => {
    const idle = await signIn(t.app, 'ada');
    await query(
      'MATCH (s:Session {idHash: $h}) SET s.lastSeen = datetime() - duration({milliseconds: $ms})',
      {
        h: createHash('sha256').update(idle.id).digest('hex'),
        ms: SESSION_IDLE_MS + 1000,
      },
    );
    await request(t.app).get('/api/users').set('Cookie', idle.cookie).expect(401);
    const old = await signIn(t.app, 'ada');
    await query('MATCH (s:Session {idHash: $h}) SET s.expires = datetime() - duration({seconds: 1})', {
      h: createHash('sha256').update(old.id).digest('hex'),
    });
    await request(t.app).get('/api/users').set('Cookie', old.cookie).expect(401);
    expect(await count(admin, 'MATCH (s:Session) RETURN count(s)')).toBe(0);
  });

  it(`locks an account after ${MAX_FAILED_LOGINS} failures, even against the right password`, async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      await request(t.app)
        .post('/api/session')
        .send({ name: 'ada', password: `wrong password ${i}!!` })
        .expect(401);
    }
    await request(t.app).post('/api/session').send({ name: 'ada', password: PASSWORD }).expect(401);
    const [row] = await query('MATCH (u:User {name: "ada"}) RETURN u.lockedUntil.epochMillis AS until');
    const until = Number(row!.until);
    expect(until - Date.now()).toBeGreaterThan(LOCKOUT_MS - 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(LOCKOUT_MS);
    const actions = (await auditActions()).map((a) => a.action);
    expect(actions.filter((a) => a === 'login.failed')).toHaveLength(MAX_FAILED_LOGINS - 1 + 1);
    expect(actions.filter((a) => a === 'login.locked')).toHaveLength(1);
    // Once the lock has expired, the right password works again.
    await query('MATCH (u:User {name: "ada"}) SET u.lockedUntil = datetime() - duration({seconds: 1})');
    await signIn(t.app, 'ada');
  });

  it('rate-limits sign-in attempts per address with 429', async () => {
    const limited = await createAuthApp({ loginLimit: { limit: 3, windowMs: 60_000 } });
    try {
      for (let i = 0; i < 3; i++) {
        await request(limited.app).post('/api/session').send({ name: 'nobody', password: 'x' }).expect(401);
      }
      const res = await request(limited.app).post('/api/session').send({ name: 'ada', password: PASSWORD });
      expect(res.status).toBe(429);
      expect(res.body.error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });

  it('refuses a malformed sign-in body with 400', async () => {
    const res = await request(t.app).post('/api/session').send({ name: 'ada' }).expect(400);
    expect(res.body.error.details).toEqual([
      { file: 'body', column: 'password', reason: expect.any(String) },
    ]);
  });
});

describe('CSRF', () => {
  beforeEach(async () => {
    await addUser(t.driver, 'ada', 'admin');
  });

  const body = { name: 'bob', role: 'analyst', password: 'another long passphrase' };

  it('a state-changing request with the cookie needs the session token in X-CSRF-Token', async () => {
    const ada = await signIn(t.app, 'ada');
    const missing = await request(t.app).post('/api/users').set('Cookie', ada.cookie).send(body).expect(403);
    expect(missing.body.error.code).toBe('csrf');
    const other = await signIn(t.app, 'ada');
    await request(t.app)
      .post('/api/users')
      .set('Cookie', ada.cookie)
      .set('X-CSRF-Token', other.csrf)
      .send(body)
      .expect(403);
    await request(t.app)
      .post('/api/users')
      .set('Cookie', ada.cookie)
      .set('X-CSRF-Token', ada.csrf)
      .set('Origin', 'http://evil.example')
      .send(body)
      .expect(403);
    expect(await count(admin, 'MATCH (u:User {name: "bob"}) RETURN count(u)')).toBe(0);
    await request(t.app)
      .post('/api/users')
      .set('Cookie', ada.cookie)
      .set('X-CSRF-Token', ada.csrf)
      .send(body)
      .expect(201);
  });
});

describe('roles', () => {
  beforeEach(async () => {
    await addUser(t.driver, 'ada', 'admin');
    await addUser(t.driver, 'ana', 'analyst');
    await addUser(t.driver, 'cem', 'coordinator');
  });

  it('analyst reads, coordinator imports, admin manages accounts', async () => {
    const ana = await signIn(t.app, 'ana');
    const cem = await signIn(t.app, 'cem');
    await request(t.app).get('/api/dataset').set('Cookie', ana.cookie).expect(200);
    const forbidden = await request(t.app)
      .post('/api/uploads/preview')
      .set('Cookie', ana.cookie)
      .set('X-CSRF-Token', ana.csrf)
      .send({ files: { 'x.csv': 'a' } })
      .expect(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    await request(t.app)
      .post('/api/uploads/preview')
      .set('Cookie', cem.cookie)
      .set('X-CSRF-Token', cem.csrf)
      .send({ files: { 'x.csv': 'a' } })
      .expect(200);
    await request(t.app).get('/api/users').set('Cookie', cem.cookie).expect(403);
    await request(t.app).get('/api/audit').set('Cookie', cem.cookie).expect(403);
  });

  it('a role change applies to an open session at once; removal ends it', async () => {
    const ada = await signIn(t.app, 'ada');
    const ana = await signIn(t.app, 'ana');
    const as = (s: typeof ada) => ({ Cookie: s.cookie, 'X-CSRF-Token': s.csrf });
    await request(t.app).patch('/api/users/ana').set(as(ada)).send({ role: 'coordinator' }).expect(200);
    expect((await request(t.app).get('/api/session').set('Cookie', ana.cookie)).body.role).toBe(
      'coordinator',
    );
    await request(t.app).delete('/api/users/ana').set(as(ada)).expect(204);
    await request(t.app).get('/api/dataset').set('Cookie', ana.cookie).expect(401);
    expect(await count(admin, 'MATCH (s:Session {user: "ana"}) RETURN count(s)')).toBe(0);
  });
});

describe('/api/users and /api/audit', () => {
  beforeEach(async () => {
    await addUser(t.driver, 'ada', 'admin');
  });

  it('adds, lists, changes and removes accounts, every change audited with the admin as actor', async () => {
    const ada = await signIn(t.app, 'ada');
    const as = { Cookie: ada.cookie, 'X-CSRF-Token': ada.csrf };
    await request(t.app)
      .post('/api/users')
      .set(as)
      .send({ name: 'bob', role: 'analyst', password: 'another long passphrase' })
      .expect(201);
    const dup = await request(t.app)
      .post('/api/users')
      .set(as)
      .send({ name: 'bob', role: 'analyst', password: 'another long passphrase' })
      .expect(409);
    expect(dup.body.error.message).toBe('The user "bob" already exists');
    const weak = await request(t.app)
      .post('/api/users')
      .set(as)
      .send({ name: 'cy', role: 'analyst', password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0].column).toBe('password');
    const badName = await request(t.app)
      .post('/api/users')
      .set(as)
      .send({ name: 'Bad Name', role: 'analyst', password: 'another long passphrase' });
    expect(badName.status).toBe(400);
    const list = await request(t.app).get('/api/users').set(as).expect(200);
    expect(list.body.users.map((u: { name: string; role: string }) => [u.name, u.role])).toEqual([
      ['ada', 'admin'],
      ['bob', 'analyst'],
    ]);
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash/);
    await request(t.app)
      .patch('/api/users/bob')
      .set(as)
      .send({ password: 'a brand new passphrase' })
      .expect(200);
    await signIn(t.app, 'bob', 'a brand new passphrase');
    await request(t.app).patch('/api/users/bob').set(as).send({ role: 'coordinator' }).expect(200);
    // The only admin cannot demote or remove themself while others depend on them.
    expect((await request(t.app).patch('/api/users/ada').set(as).send({ role: 'analyst' })).status).toBe(409);
    expect((await request(t.app).delete('/api/users/ada').set(as)).status).toBe(409);
    await request(t.app).delete('/api/users/bob').set(as).expect(204);
    await request(t.app).delete('/api/users/bob').set(as).expect(404);

    const audit = await request(t.app).get('/api/audit').set(as).expect(200);
    const mine = audit.body.events
      .filter((e: { actor: string; action: string }) => e.actor === 'ada' && e.action.startsWith('user.'))
      .map((e: { action: string; details: unknown }) => [e.action, e.details]);
    // Newest first.
    expect(mine).toEqual([
      ['user.remove', { user: 'bob' }],
      ['user.role', { user: 'bob', role: 'coordinator' }],
      ['user.password', { user: 'bob' }],
      ['user.add', { user: 'bob', role: 'analyst' }],
    ]);
    const page = await request(t.app).get('/api/audit?offset=1&limit=2').set(as).expect(200);
    expect(page.body.total).toBe(audit.body.total);
    expect(page.body.events.map((e: { id: string }) => e.id)).toEqual(
      audit.body.events.slice(1, 3).map((e: { id: string }) => e.id),
    );
    await request(t.app).get('/api/audit?limit=0').set(as).expect(400);
  });

  it('an upload commit is audited with the coordinator who made it', async () => {
    await addUser(t.driver, 'cem', 'coordinator');
    const cem = await signIn(t.app, 'cem');
    const files = {
      'organizations.csv': 'id,name,kind\na,Alpha,ngo\nb,Beta,institution\n',
      'ties.csv': 'source,target,wave\na,b,1\n',
    };
    const res = await request(t.app)
      .post('/api/uploads/commit')
      .set({ Cookie: cem.cookie, 'X-CSRF-Token': cem.csrf })
      .send({ files, name: 'audit test' })
      .expect(200);
    const [event] = (await auditActions()).filter((a) => a.action === 'import');
    expect(event?.actor).toBe('cem');
    expect(JSON.parse(event!.details)).toMatchObject({
      importId: res.body.importId,
      source: 'upload: organizations.csv, ties.csv',
      replace: false,
      counts: { organizations: 2, ties: 1 },
    });
    await emptyDatabase(admin);
  });
});

describe('while the database is down', () => {
  it.skipIf(!neo4jContext().embedded)(
    'health answers its own 503, a signed-in request 503 (not 401), and sessions work again after',
    async () => {
      await addUser(t.driver, 'ada', 'admin');
      const ada = await signIn(t.app, 'ada');
      await withNeo4jStopped(async () => {
        const health = await request(t.app).get('/api/health');
        expect(health.status).toBe(503);
        expect(health.body.neo4j.connected).toBe(false);
        const users = await request(t.app).get('/api/users').set('Cookie', ada.cookie);
        expect(users.status).toBe(503);
        expect(users.body.error.code).toBe('unavailable');
      });
      const deadline = Date.now() + 30_000;
      let status = 0;
      while (Date.now() < deadline && status !== 200) {
        status = (await request(t.app).get('/api/users').set('Cookie', ada.cookie)).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(status).toBe(200);
    },
  );
});
