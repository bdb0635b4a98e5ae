/**
 * Warming: after the server starts and whenever it sees the data version move (an import, an undo, an
 * erasure, a scorecard edit through it, or a change by another process that a request noticed), the reports
 * the dashboard's overview and report pages ask first, with the dashboard's default settings, are computed
 * in the background into the report cache, under the keys a request with those parameters uses, so that
 * the first visitor usually finds them cached. One at a time: never more than one background computation,
 * so requests are not starved. A request for an answer being warmed waits for that computation (the cache
 * keeps the pending answer). A newer data version abandons the warming of the older one after the report
 * under way; errors (an empty store) are dropped: nothing is kept, and the request that asks sees them.
 */
import type { Role } from '../data/users/types';

/** One answer to warm: a GET route of the table, the query the dashboard sends, the role it is kept for. */
export interface WarmTarget {
  path: string;
  query: Record<string, string>;
  /** the role whose answer is kept (only routes cached per user depend on it) */
  role: Role;
}

/**
 * What the dashboard asks first with its default settings (window 12 months, ranked by revenue, the
 * report's own as-of day and tiers; web/src/settings.tsx): the overview (the summary, cached per role, and
 * the KPI status) and the first request of each report page.
 */
export const DEFAULT_WARM_TARGETS: readonly WarmTarget[] = [
  { path: '/api/summary', query: {}, role: 'admin' },
  // the other roles' summaries share all but their key accounts with the first (app/summary.ts)
  { path: '/api/summary', query: {}, role: 'analyst' },
  { path: '/api/summary', query: {}, role: 'viewer' },
  { path: '/api/kpi/status', query: {}, role: 'admin' },
  { path: '/api/reports/portfolio', query: { window: '12', value: 'revenue' }, role: 'admin' },
  { path: '/api/reports/flows', query: { window: '12', value: 'revenue' }, role: 'admin' },
  { path: '/api/reports/retention', query: { window: '12', value: 'revenue' }, role: 'admin' },
  { path: '/api/reports/cohorts', query: {}, role: 'admin' },
  { path: '/api/reports/concentration', query: { window: '12', value: 'revenue' }, role: 'admin' },
  { path: '/api/reports/service', query: { window: '12', byTier: 'true' }, role: 'admin' },
  { path: '/api/reports/satisfaction', query: { window: '12', byTier: 'true' }, role: 'admin' },
];

export class Warmer {
  /** the newest data version seen, and the one warmed last (or being warmed) */
  private wanted: number | null = null;
  private warmedVersion: number | null = null;
  private started = false;
  private stopped = false;
  private running: Promise<void> | null = null;
  /** background computations under way now (0 or 1), the most at once ever, and how many ran */
  active = 0;
  maxActive = 0;
  runs = 0;

  constructor(
    /** reads the store's data version */
    private readonly readVersion: () => Promise<number>,
    /** computes one target's answer for `version` into the cache (nothing when it is kept already) */
    private readonly warmOne: (target: WarmTarget, version: number) => Promise<void>,
    private readonly targets: readonly WarmTarget[] = DEFAULT_WARM_TARGETS,
  ) {}

  /** Starts warming (once the server listens): the current data version first. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.check();
  }

  /** Reads the data version and warms it if it moved (after a change through the server). */
  async check(): Promise<void> {
    if (!this.started || this.stopped) return;
    let version: number;
    try {
      version = await this.readVersion();
    } catch {
      return; // the store is closing or unreachable: the next request finds out
    }
    this.noticed(version);
  }

  /** A data version a request read: warmed when it is newer than the one warmed. */
  noticed(version: number): void {
    if (!this.started || this.stopped) return;
    if (this.wanted !== null && version <= this.wanted) return;
    this.wanted = version;
    this.kick();
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.loop().finally(() => {
      this.running = null;
      // a version noticed while the last one finished
      if (this.wanted !== this.warmedVersion) this.kick();
    });
  }

  /** Stops warming; resolves once the computation under way (if any) is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  /** Resolves when nothing is being warmed. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    for (;;) {
      const version = this.wanted;
      if (this.stopped || version === null || version === this.warmedVersion) return;
      this.warmedVersion = version;
      for (const target of this.targets) {
        // a newer version abandons this one: its answers would be dropped with it
        if (this.stopped || this.wanted !== version) break;
        this.active++;
        this.maxActive = Math.max(this.maxActive, this.active);
        this.runs++;
        try {
          await this.warmOne(target, version);
        } catch {
          // nothing is kept; a request for it computes it and answers the error as usual
        } finally {
          this.active--;
        }
      }
    }
  }
}
