/** The table of `cvm user list|add|remove|set-role`: username, role, display name, when added. */
import type { UserJson } from '../../app/users';
import type { Lang, Printable } from '../output';
import { col, l } from './labels';

const ROLE_LABELS: Record<string, { en: string; sv: string }> = {
  admin: l('admin', 'administratör'),
  analyst: l('analyst', 'analytiker'),
  account_manager: l('account manager', 'kundansvarig'),
  viewer: l('viewer', 'läsare'),
};

export function usersPrintable(
  users: UserJson | UserJson[],
  lang: Lang,
  title?: { en: string; sv: string },
): Printable {
  const list = Array.isArray(users) ? users : [users];
  return {
    json: users,
    tables: [
      {
        name: 'users',
        title: title ?? l('Users', 'Användare'),
        columns: [
          col('username', l('Username', 'Användarnamn'), 'text'),
          col('role', l('Role', 'Roll'), 'text'),
          col('displayName', l('Name', 'Namn'), 'text'),
          col('createdAt', l('Added', 'Tillagd'), 'text'),
        ],
        rows: list.map((u) => ({
          username: u.username,
          role: ROLE_LABELS[u.role]?.[lang] ?? u.role,
          displayName: u.displayName ?? '',
          createdAt: u.createdAt,
        })),
        ...(list.length === 0 ? { notes: [l('no users yet', 'inga användare än')] } : {}),
      },
    ],
  };
}
