/**
 * Report answers cached per data version: the store's data version (bumped by every import and demo load)
 * is read on each request; when it moved, the whole cache is dropped. Within a version an answer is kept
 * under its key (route, typed input, the viewer's scope) and computed once even when many requests for it
 * arrive together. Beyond `maxEntries` the least recently used entry goes first.
 */
export class ReportCache {
  private version: number | null = null;
  private readonly entries = new Map<string, Promise<unknown>>();
  /** answers served from the cache, and computed */
  hits = 0;
  misses = 0;
  /** values the answers share (`shared` true: a model fit, the tier flows), served and computed */
  sharedHits = 0;
  sharedMisses = 0;

  constructor(private readonly maxEntries = 500) {}

  async get(version: number, key: string, compute: () => Promise<unknown>, shared = false): Promise<unknown> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const found = this.entries.get(key);
    if (found) {
      if (shared) this.sharedHits++;
      else this.hits++;
      // the least recently used entries go first: one that every request uses (a shared model fit) stays
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    if (shared) this.sharedMisses++;
    else this.misses++;
    const pending = compute();
    this.entries.set(key, pending);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    try {
      return await pending;
    } catch (error) {
      // errors are not cached: the next request tries again
      if (this.entries.get(key) === pending) this.entries.delete(key);
      throw error;
    }
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
