import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../core/messages/catalogue';
import { REJECT_PARAMS, type RejectKey } from '../../core/messages/imports';
import { LANGS, Message } from '../../core/messages/message';
import { DuckDbDatabase, type Db } from './connection';
import { decodeReason, encodeReason, reasonSql, renderedReasonSql } from './import-reasons';
import { literal } from './import-sql';

describe('reject reasons coded in SQL', () => {
  let database: DuckDbDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await DuckDbDatabase.open(':memory:');
    db = await database.connect();
  });
  afterAll(() => {
    db.close();
    database.close();
  });

  // values with quotes, a semicolon, a comma and Swedish letters, as a quoted file value may hold
  const sample = (name: string, i: number): string => `"Å'${name};${i},ö"`;

  it('render in SQL exactly as the catalogue renders the decoded message, in both languages', async () => {
    for (const key of Object.keys(REJECT_PARAMS) as RejectKey[]) {
      const names = REJECT_PARAMS[key] as readonly string[];
      const params = Object.fromEntries(names.map((n, i) => [n, literal(sample(n, i))]));
      const coded = reasonSql(key, params as never);
      const message = new Message(key, Object.fromEntries(names.map((n, i) => [n, sample(n, i)])));
      for (const lang of LANGS) {
        const { text, raw } = await db.one<{ text: string; raw: string }>(
          `SELECT ${renderedReasonSql('c', lang)} AS text, c AS raw FROM (SELECT ${coded} AS c)`,
        );
        expect(text, `${key} ${lang}`).toBe(renderMessage(message, lang));
        expect(renderMessage(decodeReason(raw), lang)).toBe(text);
      }
      expect(encodeReason(message)).toBe((await db.one<{ raw: string }>(`SELECT ${coded} AS raw`)).raw);
    }
  });

  it('give the Swedish and English reason of a bad amount', async () => {
    const coded = reasonSql('reject.too-many-decimals', {
      value: `'"12,345"'`,
      decimals: '3',
      places: `'2'`,
    });
    const row = await db.one<{ en: string; sv: string }>(
      `SELECT ${renderedReasonSql('c', 'en')} AS en, ${renderedReasonSql('c', 'sv')} AS sv FROM (SELECT ${coded} AS c)`,
    );
    expect(row).toEqual({
      en: '"12,345" has 3 decimals; the store keeps 2 (the round option rounds them)',
      sv: '"12,345" har 3 decimaler; lagret sparar 2 (flaggan round avrundar dem)',
    });
  });
});
