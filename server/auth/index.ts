/**
 * The access-control services of one app: accounts, sessions and the "are there accounts yet?"
 * cache that decides local mode. Built once per createApp from the app's driver.
 */
import type { Driver } from 'neo4j-driver';
import { SessionRepository } from '../neo4j/repositories/session-repository.js';
import { UserRepository } from '../neo4j/repositories/user-repository.js';
import { Accounts } from './accounts.js';
import { AccountPresence } from './local-mode.js';
import { Sessions } from './sessions.js';

export interface AuthServices {
  accounts: Accounts;
  sessions: Sessions;
  presence: AccountPresence;
}

export function createAuthServices(db: { driver: Driver; database: string }): AuthServices {
  const users = new UserRepository(db.driver, db.database);
  let presence: AccountPresence | null = null;
  const accounts = new Accounts(users, db, () => presence?.invalidate());
  presence = new AccountPresence(() => accounts.count());
  return { accounts, sessions: new Sessions(new SessionRepository(db.driver, db.database)), presence };
}
