/**
 * The current dataset as domain records, loaded from Neo4j and kept while its version is unchanged.
 * Every request asks the database for the version (one tiny query), so Neo4j stays the source of
 * truth, a new import is seen at once, and an unreachable database surfaces as a 503.
 *
 * Under load the version checks are coalesced: while one check is running, the requests that arrive
 * meanwhile share the next one, which starts when the running one ends. So each request still gets a
 * check that began after it arrived (an import committed before a request is always seen by it), but
 * the database answers at most one check at a time instead of one per request. When the running check
 * fails (the database is down), the requests queued behind it get that failure (a 503) at once.
 */
import type { Dataset } from '../domain/types.js';
import type { DatasetRepository, StoredDatasetInfo } from './repositories/dataset-repository.js';

export interface VersionedDataset {
  dataset: Dataset;
  version: number;
}

export class DatasetStore {
  private cached: (VersionedDataset & { updatedAt: string | null }) | null = null;
  private loading: Promise<VersionedDataset | null> | null = null;
  private running: Promise<StoredDatasetInfo | null> | null = null;
  private queued: Promise<StoredDatasetInfo | null> | null = null;

  constructor(private readonly repository: DatasetRepository) {}

  /** The dataset, or null when the database holds none. */
  async current(): Promise<VersionedDataset | null> {
    const info = await this.check();
    if (info === null) {
      this.cached = null;
      return null;
    }
    // updatedAt too: an import that recreates the (:Dataset) node can start its version again.
    if (this.cached && this.cached.version === info.version && this.cached.updatedAt === info.updatedAt) {
      return this.cached;
    }
    // Concurrent requests after an import share one reload.
    this.loading ??= this.repository.load().finally(() => {
      this.loading = null;
    });
    const loaded = await this.loading;
    this.cached = loaded && { ...loaded, updatedAt: info.updatedAt };
    return loaded;
  }

  /** A version check that started after the call (see the file comment). */
  private check(): Promise<StoredDatasetInfo | null> {
    if (this.running === null) {
      const run = this.repository.readInfo().finally(() => {
        if (this.running === run) this.running = null;
      });
      this.running = run;
      return run;
    }
    // A failed check fails the queued requests too: the database was unreachable while they waited,
    // and a second full deadline would double their wait for a 503.
    this.queued ??= this.running.then(
      () => {
        this.queued = null;
        return this.check();
      },
      (error: unknown) => {
        this.queued = null;
        throw error;
      },
    );
    return this.queued;
  }
}
