/**
 * Login rate limiting: failed sign-ins are counted per username and per client address over a sliding
 * window; once either count reaches its limit, further attempts are refused (429) until old failures leave
 * the window. A successful sign-in clears its username's count. The failures are kept in the store
 * (`UsersPort`, table `login_failures`), so the limits survive a restart of the server and hold across
 * every server process that serves one store; failures older than the window are purged as new ones come.
 */
import type { UsersPort } from '../data/users/types';

export interface LoginLimits {
  /** failures per username within the window */
  perUser: number;
  /** failures per client address within the window */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perUser: 5, perAddress: 20, windowMs: 15 * 60_000 };

const userKey = (username: string): string => `u:${username}`;
const addressKey = (address: string): string => `a:${address}`;

export class LoginLimiter {
  constructor(private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {}

  private async recent(users: UsersPort, key: string, nowMs: number): Promise<number[]> {
    const since = new Date(nowMs - this.limits.windowMs).toISOString();
    return (await users.loginFailures(key, since)).map((t) => Date.parse(t));
  }

  /** Seconds until the next attempt may be made, or 0 when it may be made now. */
  async retryAfter(users: UsersPort, username: string, address: string, nowMs: number): Promise<number> {
    const user = await this.recent(users, userKey(username), nowMs);
    const addr = await this.recent(users, addressKey(address), nowMs);
    const blocked = [
      ...(user.length >= this.limits.perUser ? [user[user.length - this.limits.perUser] ?? nowMs] : []),
      ...(addr.length >= this.limits.perAddress ? [addr[addr.length - this.limits.perAddress] ?? nowMs] : []),
    ];
    if (blocked.length === 0) return 0;
    return Math.max(1, Math.ceil((Math.max(...blocked) + this.limits.windowMs - nowMs) / 1000));
  }

  async failed(users: UsersPort, username: string, address: string, nowMs: number): Promise<void> {
    await users.purgeLoginFailures(new Date(nowMs - this.limits.windowMs).toISOString());
    await users.loginFailed([userKey(username), addressKey(address)], new Date(nowMs).toISOString());
  }

  async succeeded(users: UsersPort, username: string): Promise<void> {
    await users.clearLoginFailures(userKey(username));
  }
}
