/**
 * The current dataset as domain records, loaded from Neo4j and kept while its version is unchanged.
 * Every request asks the database for the version (one tiny query), so Neo4j stays the source of
 * truth, a new import is seen at once, and an unreachable database surfaces as a 503.
 */
import type { Dataset } from '../domain/types.js';
import type { DatasetRepository } from './repositories/dataset-repository.js';

export interface VersionedDataset {
  dataset: Dataset;
  version: number;
}

export class DatasetStore {
  private cached: VersionedDataset | null = null;
  private loading: Promise<VersionedDataset | null> | null = null;

  constructor(private readonly repository: DatasetRepository) {}

  /** The dataset, or null when the database holds none. */
  async current(): Promise<VersionedDataset | null> {
    const info = await this.repository.readInfo();
    if (info === null) {
      this.cached = null;
      return null;
    }
    if (this.cached && this.cached.version === info.version) return this.cached;
    // Concurrent requests after an import share one reload.
    this.loading ??= this.repository.load().finally(() => {
      this.loading = null;
    });
    this.cached = await this.loading;
    return this.cached;
  }
}
