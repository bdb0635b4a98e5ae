/**
 * The users port: the people who may use the HTTP API (name, role, password hash), their server-side
 * sessions, the failed sign-ins the login limits count, the audit log of changes (imports, scorecard and KPI target edits, user changes), and the
 * version of the customer data that report caches key on (every import and demo load bumps it). Timestamps
 * are ISO strings in UTC (`2026-03-01T09:30:00.000Z`). The port is small and its SQL portable, so every
 * backend implements it the same way.
 */

/** What a user may do: see ARCHITECTURE.md ("Server") for the rules of each role. */
export const ROLES = ['admin', 'analyst', 'account_manager', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface UserRow {
  username: string;
  role: Role;
  displayName: string | null;
  /** an argon2id PHC string; never leaves the server */
  passwordHash: string;
  createdAt: string;
}

export interface SessionRow {
  /** random, 256 bits, base64url */
  sessionId: string;
  username: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** One entry of the audit log: who did what to which thing, when. */
export interface AuditEntry {
  /** assigned by the store, increasing */
  id: number;
  at: string;
  username: string;
  /** e.g. `import`, `kpi.set`, `user.add`, `user.set-role`, `user.remove` */
  action: string;
  /** what the action was about (a kind, a KPI id, a username), if anything */
  target: string | null;
  /** a JSON text with the details (rows imported, the new role …) */
  detail: string | null;
}

export interface UsersPort {
  /** every user, by username */
  list(): Promise<UserRow[]>;
  /** one user, or null */
  get(username: string): Promise<UserRow | null>;
  /** adds a user; false when the username is taken (nothing changes then) */
  add(user: UserRow): Promise<boolean>;
  /** changes a user's role; false when there is no such user */
  setRole(username: string, role: Role): Promise<boolean>;
  /** removes a user and their sessions; false when there is no such user */
  remove(username: string): Promise<boolean>;
  /** stores a new session */
  createSession(session: SessionRow): Promise<void>;
  /** a session that has not expired at `now`, or null */
  session(sessionId: string, now: string): Promise<SessionRow | null>;
  /** ends a session (no error when it does not exist) */
  removeSession(sessionId: string): Promise<void>;
  /** removes the sessions that have expired at `now`; returns how many */
  purgeSessions(now: string): Promise<number>;
  /** records a failed sign-in at `at` under each key (`u:` a username, `a:` a client address) */
  loginFailed(keys: readonly string[], at: string): Promise<void>;
  /** the failed sign-ins of `key` after `since` (ISO timestamps), oldest first */
  loginFailures(key: string, since: string): Promise<string[]>;
  /** forgets the failed sign-ins of `key` */
  clearLoginFailures(key: string): Promise<void>;
  /** forgets every failed sign-in at or before `before`; returns how many */
  purgeLoginFailures(before: string): Promise<number>;
  /** appends an entry to the audit log; returns its id */
  audit(entry: Omit<AuditEntry, 'id'>): Promise<number>;
  /** the newest `limit` entries of the audit log, newest first */
  auditLog(limit: number): Promise<AuditEntry[]>;
  /** the version of the customer data (0 on a new store) */
  dataVersion(): Promise<number>;
  /** increments the version of the customer data and returns the new one */
  bumpDataVersion(): Promise<number>;
}
