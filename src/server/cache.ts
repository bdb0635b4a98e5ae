/**
 * Report answers cached per data version: the store's data version (bumped by every import and demo load)
 * is read on each request; when it moved, the whole cache is dropped. Within a version an answer is kept
 * under its key (route, typed input, the viewer's scope) and computed once even when many requests for it
 * arrive together. Beyond `maxEntries` the least recently used entry goes first. Data versions only grow:
 * a computation for a version older than the cache's (a request or a background computation that read the
 * version before an import) runs for its caller but is not kept.
 */

/** Who asks: a request for an answer, a request for a value answers share, or the background warming. */
export type CacheUse = 'answer' | 'shared' | 'warm';

export class ReportCache {
  private version: number | null = null;
  private readonly entries = new Map<string, Promise<unknown>>();
  /** answers served from the cache, and computed for a request */
  hits = 0;
  misses = 0;
  /** values the answers share (`shared` true: a model fit, the tier flows), served and computed */
  sharedHits = 0;
  sharedMisses = 0;
  /** answers computed in the background before anyone asked (`warm.ts`) */
  warmed = 0;

  constructor(private readonly maxEntries = 500) {}

  async get(version: number, key: string, compute: () => Promise<unknown>, shared = false): Promise<unknown> {
    return (await this.lookup(version, key, compute, shared ? 'shared' : 'answer')).value;
  }

  /** Is `key` kept (or being computed) for `version`? */
  has(version: number, key: string): boolean {
    return version === this.version && this.entries.has(key);
  }

  /** The value of `key` at `version`, and whether it was found (a hit) rather than computed. */
  async lookup(
    version: number,
    key: string,
    compute: () => Promise<unknown>,
    use: CacheUse,
  ): Promise<{ value: unknown; hit: boolean }> {
    if (this.version !== null && version < this.version) {
      // read before the data changed: computed for its caller, never kept
      this.count(use, false);
      return { value: await compute(), hit: false };
    }
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const found = this.entries.get(key);
    if (found) {
      this.count(use, true);
      // the least recently used entries go first: one that every request uses (a shared model fit) stays
      this.entries.delete(key);
      this.entries.set(key, found);
      return { value: await found, hit: true };
    }
    this.count(use, false);
    const pending = compute();
    this.entries.set(key, pending);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    try {
      return { value: await pending, hit: false };
    } catch (error) {
      // errors are not cached: the next request tries again
      if (this.entries.get(key) === pending) this.entries.delete(key);
      throw error;
    }
  }

  private count(use: CacheUse, hit: boolean): void {
    if (use === 'shared') {
      if (hit) this.sharedHits++;
      else this.sharedMisses++;
    } else if (use === 'warm') {
      // a background computation that finds its answer kept already does nothing
      if (!hit) this.warmed++;
    } else if (hit) this.hits++;
    else this.misses++;
  }
}

/** JSON with object keys sorted, so equal inputs give equal keys whatever order their fields came in. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
