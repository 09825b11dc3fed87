/**
 * Shared pieces of the access-control tests: an app on the test database (no dataset needed),
 * accounts created through the real service (argon2id), sign-in through the API, and a clean-up
 * that leaves no account, session or audit event behind for the other test files (which expect
 * local mode: no accounts).
 */
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { createApp } from '../../server/app.js';
import { Accounts } from '../../server/auth/accounts.js';
import type { AccountRole } from '../../server/auth/roles.js';
import { DatasetStore } from '../../server/neo4j/dataset-store.js';
import { createDriver } from '../../server/neo4j/driver.js';
import { DatasetRepository } from '../../server/neo4j/repositories/dataset-repository.js';
import { OrganizationRepository } from '../../server/neo4j/repositories/organization-repository.js';
import { UserRepository } from '../../server/neo4j/repositories/user-repository.js';
import { neo4jContext } from '../integration/neo4j-context.js';
import type { AppDeps } from '../../server/http/deps.js';
import { TEST_RELEASES_DIR } from '../integration/helpers.js';

export interface AuthTestApp {
  app: Express;
  driver: Driver;
  deps: AppDeps;
  close(): Promise<void>;
}

export async function createAuthApp(extra: Partial<AppDeps> = {}): Promise<AuthTestApp> {
  const ctx = neo4jContext();
  const driver = createDriver({ ...ctx });
  const datasets = new DatasetRepository(driver, ctx.database);
  await datasets.applySchema();
  const deps: AppDeps = {
    driver,
    database: ctx.database,
    embedded: ctx.embedded,
    datasets,
    organizations: new OrganizationRepository(driver, ctx.database),
    store: new DatasetStore(datasets),
    clientDist: '/nonexistent',
    log: () => undefined,
    releasesDir: TEST_RELEASES_DIR,
    ...extra,
  };
  return { app: createApp(deps), driver, deps, close: () => driver.close() };
}

/** Removes every account, session and audit event (what these tests create). */
export async function removeAuthData(driver: Driver): Promise<void> {
  await driver.executeQuery(
    'MATCH (n) WHERE n:User OR n:Session OR n:AuditEvent DETACH DELETE n',
    {},
    {
      database: neo4jContext().database,
    },
  );
}

export const PASSWORD = 'correct horse battery staple';

export async function addUser(driver: Driver, name: string, role: AccountRole, password = PASSWORD) {
  const database = neo4jContext().database;
  await new Accounts(new UserRepository(driver, database), { driver, database }).add(
    name,
    role,
    password,
    'test',
  );
}

export interface SignedIn {
  cookie: string;
  /** The cookie's value: the session id. */
  id: string;
  csrf: string;
  setCookie: string;
}

export async function signIn(app: Express, name: string, password = PASSWORD): Promise<SignedIn> {
  const res = await request(app).post('/api/session').send({ name, password }).expect(200);
  const setCookie = String(res.headers['set-cookie']?.[0] ?? '');
  const id = /^kopru_session=([^;]+)/.exec(setCookie)?.[1] ?? '';
  return { cookie: `kopru_session=${id}`, id, csrf: String(res.body.csrfToken), setCookie };
}
