/**
 * Users, sessions, the audit log and the data version through the store: added, read back, role changed,
 * removed with their sessions; sessions expire; audit entries come back newest first with increasing ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type OpenStore, type TestStore } from './load';

export function usersSuite(open: OpenStore): void {
  describe('users, sessions, audit log, data version', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(open);
    });
    afterAll(async () => {
      await store.close();
    });

    it('adds users once, changes roles, removes them with their sessions', async () => {
      const port = store.unit.users;
      expect(await port.list()).toEqual([]);
      const anna = {
        username: 'anna',
        role: 'analyst' as const,
        displayName: 'Anna Berg',
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
        createdAt: '2026-01-05T08:00:00.125Z',
      };
      expect(await port.add(anna)).toBe(true);
      expect(await port.add({ ...anna, role: 'admin' })).toBe(false);
      expect(
        await port.add({ ...anna, username: 'bo', displayName: null, createdAt: '2026-01-06T00:00:00.000Z' }),
      ).toBe(true);
      expect(await port.get('anna')).toEqual(anna);
      expect(await port.get('nobody')).toBeNull();
      expect(await port.setRole('bo', 'viewer')).toBe(true);
      expect(await port.setRole('nobody', 'viewer')).toBe(false);
      expect((await port.list()).map((u) => [u.username, u.role, u.displayName])).toEqual([
        ['anna', 'analyst', 'Anna Berg'],
        ['bo', 'viewer', null],
      ]);
      await port.createSession({
        sessionId: 's1',
        username: 'bo',
        csrfToken: 'c1',
        createdAt: '2026-01-06T10:00:00.000Z',
        expiresAt: '2026-01-06T18:00:00.000Z',
      });
      expect((await port.session('s1', '2026-01-06T17:59:59.999Z'))?.csrfToken).toBe('c1');
      expect(await port.session('s1', '2026-01-06T18:00:00.000Z')).toBeNull();
      expect(await port.remove('bo')).toBe(true);
      expect(await port.remove('bo')).toBe(false);
      expect(await port.session('s1', '2026-01-06T12:00:00.000Z')).toBeNull();
      await port.createSession({
        sessionId: 's2',
        username: 'anna',
        csrfToken: 'c2',
        createdAt: '2026-01-06T10:00:00.000Z',
        expiresAt: '2026-01-06T18:00:00.000Z',
      });
      await port.removeSession('s2');
      expect(await port.session('s2', '2026-01-06T12:00:00.000Z')).toBeNull();
    });

    it('keeps the audit log in order, newest first', async () => {
      const port = store.unit.users;
      expect(await port.auditLog(10)).toEqual([]);
      const first = await port.audit({
        at: '2026-01-05T08:00:00.000Z',
        username: 'anna',
        action: 'import',
        target: 'transactions',
        detail: '{"rowsImported":12}',
      });
      const second = await port.audit({
        at: '2026-01-05T08:00:01.000Z',
        username: 'admin',
        action: 'user.remove',
        target: 'bo',
        detail: null,
      });
      expect(second).toBe(first + 1);
      expect(await port.auditLog(1)).toEqual([
        {
          id: second,
          at: '2026-01-05T08:00:01.000Z',
          username: 'admin',
          action: 'user.remove',
          target: 'bo',
          detail: null,
        },
      ]);
      expect((await port.auditLog(10)).map((e) => e.action)).toEqual(['user.remove', 'import']);
    });

    it('purges expired sessions only, and says how many', async () => {
      const port = store.unit.users;
      const session = (id: string, expiresAt: string) => ({
        sessionId: id,
        username: 'anna',
        csrfToken: `c-${id}`,
        createdAt: '2026-02-01T00:00:00.000Z',
        expiresAt,
      });
      await port.createSession(session('old', '2026-02-01T08:00:00.000Z'));
      await port.createSession(session('edge', '2026-02-01T12:00:00.000Z'));
      await port.createSession(session('live', '2026-02-01T12:00:00.001Z'));
      expect(await port.purgeSessions('2026-02-01T12:00:00.000Z')).toBe(2);
      expect(await port.purgeSessions('2026-02-01T12:00:00.000Z')).toBe(0);
      expect((await port.session('live', '2026-02-01T11:00:00.000Z'))?.csrfToken).toBe('c-live');
      // a purged session is gone even for a clock that runs behind
      expect(await port.session('old', '2026-02-01T07:00:00.000Z')).toBeNull();
      expect(await port.session('edge', '2026-02-01T07:00:00.000Z')).toBeNull();
      await port.removeSession('live');
    });

    it('keeps failed sign-ins per key, oldest first, cleared per key and purged by age', async () => {
      const port = store.unit.users;
      await port.loginFailed(['u:anna', 'a:10.0.0.1'], '2026-03-01T10:00:00.000Z');
      await port.loginFailed(['u:anna', 'a:10.0.0.2'], '2026-03-01T10:05:00.250Z');
      await port.loginFailed(['u:bo', 'a:10.0.0.1'], '2026-03-01T10:10:00.000Z');
      expect(await port.loginFailures('u:anna', '2026-03-01T09:00:00.000Z')).toEqual([
        '2026-03-01T10:00:00.000Z',
        '2026-03-01T10:05:00.250Z',
      ]);
      // strictly after `since`
      expect(await port.loginFailures('u:anna', '2026-03-01T10:00:00.000Z')).toEqual([
        '2026-03-01T10:05:00.250Z',
      ]);
      expect(await port.loginFailures('a:10.0.0.1', '2026-03-01T09:00:00.000Z')).toHaveLength(2);
      expect(await port.loginFailures('u:nobody', '2026-03-01T09:00:00.000Z')).toEqual([]);
      await port.clearLoginFailures('u:anna');
      expect(await port.loginFailures('u:anna', '2026-03-01T09:00:00.000Z')).toEqual([]);
      expect(await port.loginFailures('a:10.0.0.2', '2026-03-01T09:00:00.000Z')).toHaveLength(1);
      // left: a:10.0.0.1 (10:00), a:10.0.0.2 (10:05), u:bo and a:10.0.0.1 (10:10)
      expect(await port.purgeLoginFailures('2026-03-01T10:05:00.250Z')).toBe(2);
      expect(await port.loginFailures('a:10.0.0.1', '2026-03-01T09:00:00.000Z')).toEqual([
        '2026-03-01T10:10:00.000Z',
      ]);
      expect(await port.loginFailures('u:bo', '2026-03-01T09:00:00.000Z')).toEqual([
        '2026-03-01T10:10:00.000Z',
      ]);
    });

    it('counts the data version up from 0', async () => {
      const port = store.unit.users;
      expect(await port.dataVersion()).toBe(0);
      expect(await port.bumpDataVersion()).toBe(1);
      expect(await port.bumpDataVersion()).toBe(2);
      expect(await port.dataVersion()).toBe(2);
    });
  });
}
