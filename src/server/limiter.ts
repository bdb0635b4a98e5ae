/**
 * Login rate limiting: failed sign-ins are counted per username and per client address over a sliding
 * window; once either count reaches its limit, further attempts are refused (429) until old failures leave
 * the window. A successful sign-in clears its username's count. In memory: one server process.
 */
export interface LoginLimits {
  /** failures per username within the window */
  perUser: number;
  /** failures per client address within the window */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perUser: 5, perAddress: 20, windowMs: 15 * 60_000 };

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {}

  private recent(key: string, nowMs: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => t > nowMs - this.limits.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Seconds until the next attempt may be made, or 0 when it may be made now. */
  retryAfter(username: string, address: string, nowMs: number): number {
    const user = this.recent(`u:${username}`, nowMs);
    const addr = this.recent(`a:${address}`, nowMs);
    const blocked = [
      ...(user.length >= this.limits.perUser ? [user[user.length - this.limits.perUser] ?? nowMs] : []),
      ...(addr.length >= this.limits.perAddress ? [addr[addr.length - this.limits.perAddress] ?? nowMs] : []),
    ];
    if (blocked.length === 0) return 0;
    return Math.max(1, Math.ceil((Math.max(...blocked) + this.limits.windowMs - nowMs) / 1000));
  }

  failed(username: string, address: string, nowMs: number): void {
    for (const key of [`u:${username}`, `a:${address}`])
      this.failures.set(key, [...this.recent(key, nowMs), nowMs]);
  }

  succeeded(username: string): void {
    this.failures.delete(`u:${username}`);
  }
}
