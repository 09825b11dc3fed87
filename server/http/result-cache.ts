/**
 * Analysis results kept per dataset version and parameters, so repeated requests (the map asks for
 * the same metrics on every wave switch) cost a lookup. Bounded: least recently used entries go first.
 * A new import bumps the version, so stale results are never served and age out.
 */
export class ResultCache {
  private readonly entries = new Map<string, unknown>();

  // A compare result is ~300 KB of JSON on the demo; 50 entries keep memory in the tens of MB.
  constructor(private readonly capacity = 50) {}

  async getOrCompute<T>(version: number, key: string, compute: () => T | Promise<T>): Promise<T> {
    const fullKey = `${version}\u0000${key}`;
    if (this.entries.has(fullKey)) {
      const value = this.entries.get(fullKey) as T;
      // Re-insert to mark as most recently used.
      this.entries.delete(fullKey);
      this.entries.set(fullKey, value);
      return value;
    }
    const value = await compute();
    this.entries.set(fullKey, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
