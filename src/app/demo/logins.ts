/**
 * The demo's logins, made by `npm start` (`cvm start`) when they do not exist: an admin, and an account
 * manager who is one of the demo's account managers, so that they own some of its key accounts. The
 * passwords are printed on start: they are for a demo on localhost, never for real data.
 */
import type { StoreUnit } from '../../data/store';
import type { AddUserInput } from '../options/users';
import { ensureUser, type Actor } from '../users';
import { ACCOUNT_MANAGERS } from './vocabulary';

export const DEMO_LOGINS: readonly AddUserInput[] = [
  { username: 'admin', role: 'admin', password: 'demo-admin', displayName: 'Demo admin' },
  { username: ACCOUNT_MANAGERS[0], role: 'account_manager', password: 'demo-manager' },
];

/** Adds the demo logins that are missing; returns the ones added. */
export async function ensureDemoLogins(unit: StoreUnit, now: string): Promise<AddUserInput[]> {
  const actor: Actor = { username: 'demo', now };
  const added: AddUserInput[] = [];
  for (const login of DEMO_LOGINS) if (await ensureUser(unit, login, actor)) added.push(login);
  return added;
}
