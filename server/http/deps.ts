/**
 * What the HTTP layer needs from the rest of the process. `createApp(deps)` takes it, so tests can
 * point the app at a throwaway database.
 */
import type { Driver } from 'neo4j-driver';
import type { AuthServices } from '../auth/index.js';
import type { DatasetStore } from '../neo4j/dataset-store.js';
import type { DatasetRepository } from '../neo4j/repositories/dataset-repository.js';
import type { OrganizationRepository } from '../neo4j/repositories/organization-repository.js';
import type { PublicationRepository } from '../neo4j/repositories/publication-repository.js';

export interface AppDeps {
  driver: Driver;
  database: string;
  /** True when the project started the database itself. */
  embedded: boolean;
  datasets: DatasetRepository;
  organizations: OrganizationRepository;
  store: DatasetStore;
  /** Folder of the built client; a placeholder page is served when it has no index.html. */
  clientDist: string;
  log?: (message: string) => void;
  /** Express's `trust proxy` setting (env TRUST_PROXY): hops or addresses of trusted proxies. */
  trustProxy?: boolean | number | string;
  /** Sign-in attempts allowed per client address per window; default 10 per 15 minutes. */
  loginLimit?: { limit: number; windowMs: number };
  /** Folder of public release files; default `<KOPRU_HOME>/public/releases`. */
  releasesDir?: string;
  /** The (:Publication) records; default a repository on `driver`. */
  publications?: PublicationRepository;
  /** Accounts, sessions and local mode; default built on `driver`. */
  auth?: AuthServices;
  /**
   * Metrics of waves with at least this many organizations run their node measures in Neo4j with
   * Graph Data Science when the database has it (KOPRU_GDS_MIN_NODES); default 20 000.
   */
  gdsMinNodes?: number;
}
