/**
 * Options of user administration (`cvm user add|remove|set-role`, the API's `/api/users`): a username, a
 * role and a password, each checked here so the CLI and the API refuse the same things the same way.
 */
import { z } from 'zod';
import { ROLES, type Role } from '../../data/users/types';
import { fail, listWords, oneOf, optionalField, requiredField, type Parsed } from './parse';
import { msg } from '../../core/messages/catalogue';

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 8;

/**
 * A username: 1–64 letters, digits, spaces, `.`, `_`, `-`, `'` or `@`, starting with a letter or digit. An
 * account manager's username is the name in the accounts' `account_manager` column (`Karin Wallin`).
 */
export function username(text: string): Parsed<string> {
  return /^[\p{L}\p{N}][\p{L}\p{N} ._@'-]{0,63}$/u.test(text)
    ? { ok: text }
    : fail(
        text,
        'a username',
        `1–64 letters, digits, spaces, ".", "_", "-", "'" or "@", starting with a letter or digit`,
      );
}

export const role = oneOf<Role>(ROLES, 'a role');

/** A password of at least MIN_PASSWORD_LENGTH characters; blanks at either end are dropped (as at login). */
function password(text: string): Parsed<string> {
  return text.length >= MIN_PASSWORD_LENGTH
    ? { ok: text }
    : {
        expected: `at least ${MIN_PASSWORD_LENGTH} characters`,
        detail: msg('option.password-short', { length: text.length, minimum: MIN_PASSWORD_LENGTH }),
      };
}

function displayName(text: string): Parsed<string> {
  return text.length <= 200 ? { ok: text } : fail(text.slice(0, 40), 'a name of at most 200 characters');
}

const ROLE_EXPECTED = `a role (${listWords(ROLES)})`;

/** `user add`: a new user. */
export const addUserInput = z.object({
  username: requiredField(username, 'a username'),
  role: requiredField(role, ROLE_EXPECTED),
  password: requiredField(password, `a password of at least ${MIN_PASSWORD_LENGTH} characters`),
  displayName: optionalField(displayName),
});
export interface AddUserInput {
  username: string;
  role: Role;
  password: string;
  displayName?: string | undefined;
}

/** `user set-role`. */
export const setRoleInput = z.object({
  username: requiredField(username, 'a username'),
  role: requiredField(role, ROLE_EXPECTED),
});
export type SetRoleInput = z.output<typeof setRoleInput>;

/** `user remove`. */
export const removeUserInput = z.object({ username: requiredField(username, 'a username') });

const anyText = (text: string): Parsed<string> => ({ ok: text });

/** A login: any text (a bad name or password is refused the same way, without saying which). */
export const loginInput = z.object({
  username: requiredField(anyText, 'a username'),
  password: requiredField(anyText, 'a password'),
});
