/**
 * What a request needs to know before it can be answered from the report cache — who is signed in (the
 * session of its cookie and that user's role) and the store's data version — remembered for a short time
 * (`recheckMs`, default 1 s), so that a cache hit reads nothing from the store. Two rules keep it true:
 *
 * - every state-changing request through this server (anything but GET and HEAD: sign-in and sign-out,
 *   imports, user changes …) forgets everything, both when it starts and when it ends, so a logout, a
 *   removed user, a changed role and an import take effect at once on this server;
 * - a change made by another process on the same store (the CLI, another server on PostgreSQL) is seen
 *   once the remembered value is older than `recheckMs`.
 *
 * A value read from the store while something was forgotten is not remembered (its read may have started
 * before the change committed). Only live sessions are remembered, and each one only until it expires.
 */
import type { SessionRow, UserRow } from '../data/users/types';

export const DEFAULT_RECHECK_MS = 1000;

/** The most sessions remembered at once; beyond it the memory is cleared (and filled again as needed). */
const MAX_SESSIONS = 10_000;

export interface SignedIn {
  session: SessionRow;
  user: UserRow;
}

interface Remembered<T> {
  value: T;
  /** when it was read, in `ticks` milliseconds */
  at: number;
}

export class Recheck {
  private generation = 0;
  private version: Remembered<number> | null = null;
  private readonly sessions = new Map<string, Remembered<SignedIn>>();
  /** reads of the store that a remembered value saved */
  saved = 0;

  constructor(
    private readonly recheckMs: number = DEFAULT_RECHECK_MS,
    /** a monotonic clock in milliseconds */
    private readonly ticks: () => number = () => performance.now(),
  ) {}

  /** Forgets every remembered value: something may have changed. */
  forget(): void {
    this.generation++;
    this.version = null;
    this.sessions.clear();
  }

  private fresh<T>(r: Remembered<T> | null | undefined): r is Remembered<T> {
    return r !== null && r !== undefined && this.ticks() - r.at < this.recheckMs;
  }

  /** The data version: remembered, or read with `read` (and remembered). */
  async dataVersion(read: () => Promise<number>): Promise<number> {
    if (this.fresh(this.version)) {
      this.saved++;
      return this.version.value;
    }
    const generation = this.generation;
    const at = this.ticks();
    const value = await read();
    if (generation === this.generation) this.version = { value, at };
    return value;
  }

  /**
   * The live session `id` and its user at `now` (an ISO timestamp): remembered, or read with `read` (and
   * remembered when there is one).
   */
  async signedIn(id: string, now: string, read: () => Promise<SignedIn | null>): Promise<SignedIn | null> {
    const found = this.sessions.get(id);
    if (this.fresh(found) && found.value.session.expiresAt > now) {
      this.saved++;
      return found.value;
    }
    if (found) this.sessions.delete(id);
    const generation = this.generation;
    const at = this.ticks();
    const value = await read();
    if (value !== null && generation === this.generation && this.recheckMs > 0) {
      if (this.sessions.size >= MAX_SESSIONS) this.sessions.clear();
      this.sessions.set(id, { value, at });
    }
    return value;
  }
}
