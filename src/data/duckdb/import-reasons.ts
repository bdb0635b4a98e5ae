/**
 * Reject reasons between the SQL checks and the faces. A check yields a reason as text coded
 * `key␟param1␟param2…` (␟ = chr(31), the parameters in `REJECT_PARAMS` order): the rejects table keeps it
 * coded; `decodeReason` turns it into the catalogue message a face renders, and `renderedReasonSql`
 * renders a whole column of them in SQL, in one language, for the rejects file (millions of rows are
 * written by DuckDB's COPY, never by a JavaScript loop).
 *
 * The SQL rendering renders each reason's template once with placeholder parameters and substitutes the
 * coded parameters for the placeholders; the templates use their parameters as given for that reason
 * (core/messages/imports.ts), and a test compares both renderings.
 */
import { renderMessage } from '../../core/messages/catalogue';
import { REJECT_PARAMS, type RejectKey } from '../../core/messages/imports';
import { Message, type Lang } from '../../core/messages/message';
import { literal } from './import-sql';

const SEPARATOR = '\u001f';

type ParamName<K extends RejectKey> = (typeof REJECT_PARAMS)[K][number];

/** SQL giving reason `key` coded, its parameters from SQL expressions (cast to text; NULL as empty). */
export function reasonSql<K extends RejectKey>(
  key: K,
  params: Readonly<Record<ParamName<K>, string>>,
): string {
  const names = REJECT_PARAMS[key] as readonly ParamName<K>[];
  const parts = [literal(key), ...names.map((n) => `coalesce(CAST(${params[n]} AS VARCHAR), '')`)];
  return parts.join(' || chr(31) || ');
}

/** The coded text of a reason message made in JavaScript (the reader's rejects), as the SQL codes it. */
export function encodeReason(message: Message): string {
  const names = (REJECT_PARAMS as Readonly<Record<string, readonly string[]>>)[message.key] ?? [];
  return [
    message.key,
    ...names.map((n) => {
      const value = message.params[n];
      return typeof value === 'string' ? value : '';
    }),
  ].join(SEPARATOR);
}

/** The message of a coded reason. */
export function decodeReason(coded: string): Message {
  const [key = '', ...values] = coded.split(SEPARATOR);
  const names = (REJECT_PARAMS as Readonly<Record<string, readonly string[]>>)[key] ?? [];
  return new Message(key, Object.fromEntries(names.map((n, i) => [n, values[i] ?? ''])));
}

/** A placeholder for parameter `i` that no template and no value contains (control characters). */
const placeholder = (i: number): string => `\u0002${i}\u0003`;

/** SQL rendering the coded reasons of column `coded` in `lang`. */
export function renderedReasonSql(coded: string, lang: Lang): string {
  const key = `split_part(${coded}, chr(31), 1)`;
  const branches = (Object.keys(REJECT_PARAMS) as RejectKey[]).map((k) => {
    const names = REJECT_PARAMS[k] as readonly string[];
    const template = renderMessage(
      new Message(k, Object.fromEntries(names.map((n, i) => [n, placeholder(i)]))),
      lang,
    );
    const filled = names.reduce(
      (sql, _, i) => `replace(${sql}, ${literal(placeholder(i))}, split_part(${coded}, chr(31), ${i + 2}))`,
      literal(template),
    );
    return `WHEN ${literal(k)} THEN ${filled}`;
  });
  const rendered = `CASE ${key} ${branches.join(' ')} ELSE ${coded} END`;
  // a value cut short by cvm_quote ends in "… (N characters)" inside its quotes: Swedish says tecken (as the
  // catalogue's Swedish does for a value cut short by quoteValue)
  return lang === 'sv'
    ? `regexp_replace(${rendered}, '… \\((\\d+) characters\\)"', '… (\\1 tecken)"', 'g')`
    : rendered;
}
