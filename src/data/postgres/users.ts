/**
 * PostgreSQL implementation of the users port (users, sessions, audit log, data version). The DuckDB
 * store's SQL with `$n` parameters and `to_char` timestamps; concurrent writers are safe here: a username
 * taken between the check and the insert is `ON CONFLICT DO NOTHING`, audit ids are numbered under the
 * log's lock, and the data version is one row updated in place.
 */
import {
  ROLES,
  type AuditEntry,
  type Role,
  type SessionRow,
  type UserRow,
  type UsersPort,
} from '../users/types';
import type { PgDb } from './connection';

const ts = (column: string): string => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A UTC ISO timestamp as the TIMESTAMP it names (the columns hold UTC wall-clock time). */
const at = (param: string): string => `(CAST(${param} AS TIMESTAMPTZ) AT TIME ZONE 'UTC')`;

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

export class PgUsers implements UsersPort {
  constructor(private readonly db: PgDb) {}

  async list(): Promise<UserRow[]> {
    return (await this.db.all<UserDbRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY username`)).map(toUser);
  }

  async get(username: string): Promise<UserRow | null> {
    const rows = await this.db.all<UserDbRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = $1`, [
      username,
    ]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async add(user: UserRow): Promise<boolean> {
    const added = await this.db.count(
      `INSERT INTO users (username, role, display_name, password_hash, created_at)
       VALUES ($1, $2, $3, $4, ${at('$5')}) ON CONFLICT (username) DO NOTHING`,
      [user.username, user.role, user.displayName, user.passwordHash, user.createdAt],
    );
    return added === 1;
  }

  async setRole(username: string, role: Role): Promise<boolean> {
    return (await this.db.count('UPDATE users SET role = $1 WHERE username = $2', [role, username])) === 1;
  }

  remove(username: string): Promise<boolean> {
    return this.db.transaction(async () => {
      await this.db.run('DELETE FROM sessions WHERE username = $1', [username]);
      return (await this.db.count('DELETE FROM users WHERE username = $1', [username])) === 1;
    });
  }

  async createSession(s: SessionRow): Promise<void> {
    await this.db.run(
      `INSERT INTO sessions (session_id, username, csrf_token, created_at, expires_at)
       VALUES ($1, $2, $3, ${at('$4')}, ${at('$5')})`,
      [s.sessionId, s.username, s.csrfToken, s.createdAt, s.expiresAt],
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
       FROM sessions WHERE session_id = $1 AND expires_at > ${at('$2')}`,
      [sessionId, now],
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
    await this.db.run('DELETE FROM sessions WHERE session_id = $1', [sessionId]);
  }

  purgeSessions(now: string): Promise<number> {
    return this.db.count(`DELETE FROM sessions WHERE expires_at <= ${at('$1')}`, [now]);
  }

  async loginFailed(keys: readonly string[], when: string): Promise<void> {
    for (const key of keys)
      await this.db.run(`INSERT INTO login_failures (limit_key, failed_at) VALUES ($1, ${at('$2')})`, [
        key,
        when,
      ]);
  }

  async loginFailures(key: string, since: string): Promise<string[]> {
    const rows = await this.db.all<{ failed_at: string }>(
      `SELECT ${ts('failed_at')} AS failed_at FROM login_failures
       WHERE limit_key = $1 AND failed_at > ${at('$2')} ORDER BY login_failures.failed_at`,
      [key, since],
    );
    return rows.map((r) => r.failed_at);
  }

  async clearLoginFailures(key: string): Promise<void> {
    await this.db.run('DELETE FROM login_failures WHERE limit_key = $1', [key]);
  }

  purgeLoginFailures(before: string): Promise<number> {
    return this.db.count(`DELETE FROM login_failures WHERE failed_at <= ${at('$1')}`, [before]);
  }

  audit(entry: Omit<AuditEntry, 'id'>): Promise<number> {
    return this.db.transaction(async () => {
      await this.db.run('LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE');
      const { id } = await this.db.one<{ id: number }>(
        'SELECT coalesce(max(entry_id), 0) + 1 AS id FROM audit_log',
      );
      await this.db.run(
        `INSERT INTO audit_log (entry_id, logged_at, username, action, target, detail)
         VALUES ($1, ${at('$2')}, $3, $4, $5, $6)`,
        [id, entry.at, entry.username, entry.action, entry.target, entry.detail],
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
       FROM audit_log ORDER BY entry_id DESC LIMIT $1`,
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

  async bumpDataVersion(): Promise<number> {
    return (
      await this.db.one<{ v: number }>('UPDATE data_version SET version = version + 1 RETURNING version AS v')
    ).v;
  }
}
