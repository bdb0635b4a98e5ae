/**
 * User administration and sign-in, for the CLI (`cvm user …`) and the HTTP API: passwords are hashed with
 * argon2id (`@node-rs/argon2`, its default parameters: 19 MiB, 2 passes); every change is written to the
 * audit log with who made it. `now` is the face's clock as an ISO timestamp.
 */
import { hash, verify } from '@node-rs/argon2';
import { CvmError } from '../core/errors';
import type { StoreUnit } from '../data/store';
import type { AuditEntry, Role, UserRow } from '../data/users/types';
import type { AddUserInput, SetRoleInput } from './options/users';
import { msg } from '../core/messages/catalogue';

/** A user as shown outside the store: never the password hash. */
export interface UserJson {
  username: string;
  role: Role;
  displayName?: string;
  createdAt: string;
}

export function userJson(user: UserRow): UserJson {
  return {
    username: user.username,
    role: user.role,
    ...(user.displayName === null ? {} : { displayName: user.displayName }),
    createdAt: user.createdAt,
  };
}

/** Who does something, for the audit log: a username, or the CLI's `cli` when nobody is signed in. */
export interface Actor {
  username: string;
  now: string;
}

/** Writes one audit log entry. */
export function recordAudit(
  unit: StoreUnit,
  actor: Actor,
  action: string,
  target: string | null,
  detail: unknown = null,
): Promise<number> {
  return unit.users.audit({
    at: actor.now,
    username: actor.username,
    action,
    target,
    detail: detail === null ? null : JSON.stringify(detail),
  });
}

export async function listUsers(unit: StoreUnit): Promise<UserJson[]> {
  return (await unit.users.list()).map(userJson);
}

/** Adds a user; a taken username is a `conflict`. */
export async function addUser(unit: StoreUnit, input: AddUserInput, actor: Actor): Promise<UserJson> {
  const row: UserRow = {
    username: input.username,
    role: input.role,
    displayName: input.displayName ?? null,
    passwordHash: await hash(input.password),
    createdAt: actor.now,
  };
  if (!(await unit.users.add(row)))
    throw new CvmError('conflict', msg('user.exists', { username: input.username }), {
      option: { field: 'username', value: input.username, expected: 'a username not taken' },
    });
  await recordAudit(unit, actor, 'user.add', input.username, { role: input.role });
  return userJson(row);
}

function noSuchUser(username: string): CvmError {
  return new CvmError('not-found', msg('user.none', { username }), {
    option: { field: 'username', value: username, expected: 'an existing user' },
  });
}

/** Changes a user's role; an unknown user is `not-found`. */
export async function setUserRole(unit: StoreUnit, input: SetRoleInput, actor: Actor): Promise<UserJson> {
  const before = await unit.users.get(input.username);
  if (!before || !(await unit.users.setRole(input.username, input.role))) throw noSuchUser(input.username);
  await recordAudit(unit, actor, 'user.set-role', input.username, { from: before.role, to: input.role });
  return userJson({ ...before, role: input.role });
}

/** Removes a user and their sessions; an unknown user is `not-found`. */
export async function removeUser(unit: StoreUnit, username: string, actor: Actor): Promise<UserJson> {
  const before = await unit.users.get(username);
  if (!before || !(await unit.users.remove(username))) throw noSuchUser(username);
  await recordAudit(unit, actor, 'user.remove', username, { role: before.role });
  return userJson(before);
}

/**
 * Adds the user unless one of that name exists (the demo's logins): true when it was added. Not audited as
 * a user change by anyone but `actor`.
 */
export async function ensureUser(unit: StoreUnit, input: AddUserInput, actor: Actor): Promise<boolean> {
  if (await unit.users.get(input.username)) return false;
  await addUser(unit, input, actor);
  return true;
}

/** A hash of no password, verified against when the user does not exist, so both take the same time. */
let dummyHash: Promise<string> | undefined;

/** The user whose password this is, or null (unknown user or wrong password: the same answer). */
export async function authenticate(
  unit: StoreUnit,
  username: string,
  password: string,
): Promise<UserRow | null> {
  const user = await unit.users.get(username);
  if (!user) {
    dummyHash ??= hash('no such user: a password nobody has');
    await verify(await dummyHash, password);
    return null;
  }
  return (await verify(user.passwordHash, password)) ? user : null;
}

/** The audit log, newest first. */
export function auditLog(unit: StoreUnit, limit: number): Promise<AuditEntry[]> {
  return unit.users.auditLog(limit);
}
