/** DuckDB implementation of the users port (users, sessions, audit log, data version). Portable SQL. */
import {
  ROLES,
  type AuditEntry,
  type Role,
  type SessionRow,
  type UserRow,
  type UsersPort,
} from '../users/types';
import type { Db } from './connection';

const ISO_TIMESTAMP = `'%Y-%m-%dT%H:%M:%S.%gZ'`;
const ts = (column: string): string => `strftime(${column}, ${ISO_TIMESTAMP})`;
/** A UTC ISO timestamp as a TIMESTAMP literal parameter (the columns hold UTC wall-clock time). */
const at = (iso: string): string => iso.replace('T', ' ').replace('Z', '');

interface UserDbRow extends Record<string, unknown> {
  username: string;
  role: string;
  display_name: string | null;
  password_hash: string;
  created_at: string;
}

function toUser(r: UserDbRow): UserRow {
  const role = ROLES.find((x) => x === r.role);
  if (role === undefined) throw new Error(`internal error: user ${r.username} has an unknown role ${r.role}`);
  return {
    username: r.username,
    role,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    createdAt: r.created_at,
  };
}

const USER_COLUMNS = `username, role, display_name, password_hash, ${ts('created_at')} AS created_at`;

export class DuckDbUsers implements UsersPort {
  constructor(private readonly db: Db) {}

  async list(): Promise<UserRow[]> {
    return (await this.db.all<UserDbRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY username`)).map(toUser);
  }

  async get(username: string): Promise<UserRow | null> {
    const rows = await this.db.all<UserDbRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = ?`, [
      username,
    ]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  add(user: UserRow): Promise<boolean> {
    return this.db.transaction(async () => {
      if (await this.get(user.username)) return false;
      await this.db.run(
        `INSERT INTO users (username, role, display_name, password_hash, created_at)
         VALUES (?, ?, ?, ?, CAST(? AS TIMESTAMP))`,
        [user.username, user.role, user.displayName, user.passwordHash, at(user.createdAt)],
      );
      return true;
    });
  }

  setRole(username: string, role: Role): Promise<boolean> {
    return this.db.transaction(async () => {
      if (!(await this.get(username))) return false;
      await this.db.run('UPDATE users SET role = ? WHERE username = ?', [role, username]);
      return true;
    });
  }

  remove(username: string): Promise<boolean> {
    return this.db.transaction(async () => {
      if (!(await this.get(username))) return false;
      await this.db.run('DELETE FROM sessions WHERE username = ?', [username]);
      await this.db.run('DELETE FROM users WHERE username = ?', [username]);
      return true;
    });
  }

  async createSession(s: SessionRow): Promise<void> {
    await this.db.run(
      `INSERT INTO sessions (session_id, username, csrf_token, created_at, expires_at)
       VALUES (?, ?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP))`,
      [s.sessionId, s.username, s.csrfToken, at(s.createdAt), at(s.expiresAt)],
    );
  }

  async session(sessionId: string, now: string): Promise<SessionRow | null> {
    const rows = await this.db.all<{
      session_id: string;
      username: string;
      csrf_token: string;
      created_at: string;
      expires_at: string;
    }>(
      `SELECT session_id, username, csrf_token, ${ts('created_at')} AS created_at,
         ${ts('expires_at')} AS expires_at
       FROM sessions WHERE session_id = ? AND expires_at > CAST(? AS TIMESTAMP)`,
      [sessionId, at(now)],
    );
    const r = rows[0];
    return r
      ? {
          sessionId: r.session_id,
          username: r.username,
          csrfToken: r.csrf_token,
          createdAt: r.created_at,
          expiresAt: r.expires_at,
        }
      : null;
  }

  async removeSession(sessionId: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE session_id = ?', [sessionId]);
  }

  purgeSessions(now: string): Promise<number> {
    return this.db.transaction(async () => {
      const { n } = await this.db.one<{ n: number }>(
        'SELECT count(*)::INTEGER AS n FROM sessions WHERE expires_at <= CAST(? AS TIMESTAMP)',
        [at(now)],
      );
      await this.db.run('DELETE FROM sessions WHERE expires_at <= CAST(? AS TIMESTAMP)', [at(now)]);
      return n;
    });
  }

  async loginFailed(keys: readonly string[], when: string): Promise<void> {
    for (const key of keys)
      await this.db.run(
        'INSERT INTO login_failures (limit_key, failed_at) VALUES (?, CAST(? AS TIMESTAMP))',
        [key, at(when)],
      );
  }

  async loginFailures(key: string, since: string): Promise<string[]> {
    const rows = await this.db.all<{ failed_at: string }>(
      `SELECT ${ts('failed_at')} AS failed_at FROM login_failures
       WHERE limit_key = ? AND failed_at > CAST(? AS TIMESTAMP) ORDER BY login_failures.failed_at`,
      [key, at(since)],
    );
    return rows.map((r) => r.failed_at);
  }

  async clearLoginFailures(key: string): Promise<void> {
    await this.db.run('DELETE FROM login_failures WHERE limit_key = ?', [key]);
  }

  purgeLoginFailures(before: string): Promise<number> {
    return this.db.transaction(async () => {
      const { n } = await this.db.one<{ n: number }>(
        'SELECT count(*)::INTEGER AS n FROM login_failures WHERE failed_at <= CAST(? AS TIMESTAMP)',
        [at(before)],
      );
      await this.db.run('DELETE FROM login_failures WHERE failed_at <= CAST(? AS TIMESTAMP)', [at(before)]);
      return n;
    });
  }

  audit(entry: Omit<AuditEntry, 'id'>): Promise<number> {
    return this.db.transaction(async () => {
      const { id } = await this.db.one<{ id: number }>(
        'SELECT coalesce(max(entry_id), 0) + 1 AS id FROM audit_log',
      );
      await this.db.run(
        `INSERT INTO audit_log (entry_id, logged_at, username, action, target, detail)
         VALUES (?, CAST(? AS TIMESTAMP), ?, ?, ?, ?)`,
        [id, at(entry.at), entry.username, entry.action, entry.target, entry.detail],
      );
      return id;
    });
  }

  async auditLog(limit: number): Promise<AuditEntry[]> {
    const rows = await this.db.all<{
      entry_id: number;
      logged_at: string;
      username: string;
      action: string;
      target: string | null;
      detail: string | null;
    }>(
      `SELECT entry_id, ${ts('logged_at')} AS logged_at, username, action, target, detail
       FROM audit_log ORDER BY entry_id DESC LIMIT ?`,
      [limit],
    );
    return rows.map((r) => ({
      id: r.entry_id,
      at: r.logged_at,
      username: r.username,
      action: r.action,
      target: r.target,
      detail: r.detail,
    }));
  }

  async dataVersion(): Promise<number> {
    return (await this.db.one<{ v: number }>('SELECT max(version) AS v FROM data_version')).v;
  }

  bumpDataVersion(): Promise<number> {
    return this.db.transaction(async () => {
      await this.db.run('UPDATE data_version SET version = version + 1');
      return this.dataVersion();
    });
  }
}
