import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvHead } from './csv-head';

const dir = mkdtempSync(join(tmpdir(), 'cvm-csv-head-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('readCsvHead', () => {
  it('detects the delimiter that splits the header and agrees with the lines below', async () => {
    expect(
      await readCsvHead(file('semi.csv', '\uFEFFKundNr;Belopp\r\nc1;1,5\r\nc2;2,5\r\n'), 'semi.csv'),
    ).toEqual({
      delimiter: ';',
      headers: ['KundNr', 'Belopp'],
    });
    expect((await readCsvHead(file('tab.tsv', 'a\tb,c\n1\t2,3\n4\t5\n'), 'tab.tsv')).delimiter).toBe('\t');
    expect((await readCsvHead(file('pipe.txt', 'name|"x|y"\n1|2\n'), 'pipe.txt')).headers).toEqual([
      'name',
      'x|y',
    ]);
    expect(await readCsvHead(file('one.csv', 'customer_id\nc1\n'), 'one.csv')).toEqual({
      delimiter: ',',
      headers: ['customer_id'],
    });
  });

  it('keeps a given delimiter', async () => {
    expect((await readCsvHead(file('given.csv', 'a;b,c\n'), 'given.csv', ',')).headers).toEqual(['a;b', 'c']);
  });
});
