import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanLayout } from './text-layout';

const dir = mkdtempSync(join(tmpdir(), 'cvm-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('scanLayout', () => {
  it('is one segment for a plain file: row = k, line = k + 1', async () => {
    const path = file('plain.csv', '\uFEFFa,b\r\n1,2\r\n3,4\r\n');
    const layout = await scanLayout(path, {
      delimiter: ',',
      hasHeader: true,
      blankIsRecord: false,
      rejected: [],
      untilK: 2,
    });
    expect(layout.segments).toEqual([{ kFrom: 1, rowOffset: 0, lineOffset: 1 }]);
  });

  it('follows quoted newlines, blank lines and records the reader rejected', async () => {
    // lines: 1 header, 2-3 record 1, 4 blank, 5 record 2 (rejected, reader line 4), 6 record 3, 7 record 4
    const path = file('messy.csv', 'a,b\n1,"x\ny"\n\n2\n3,"say ""hi"""\n4,z');
    const layout = await scanLayout(path, {
      delimiter: ',',
      hasHeader: true,
      blankIsRecord: false,
      rejected: [4],
      untilK: 3,
    });
    expect(layout.segments).toEqual([
      { kFrom: 1, rowOffset: 0, lineOffset: 1 },
      { kFrom: 2, rowOffset: 1, lineOffset: 4 },
    ]);
    expect(layout.rejected.get(4)).toEqual({ row: 2, line: 5, start: 13, end: 14, unterminated: false });
  });

  it('counts blank lines as records in one-column files, and knows a quote left open', async () => {
    const path = file('one.csv', 'id\nx\n\ny\n"open\nz\n');
    const layout = await scanLayout(path, {
      delimiter: ',',
      hasHeader: true,
      blankIsRecord: true,
      rejected: [5],
      untilK: 3,
    });
    expect(layout.segments).toEqual([{ kFrom: 1, rowOffset: 0, lineOffset: 1 }]);
    expect(layout.rejected.get(5)).toMatchObject({ row: 4, line: 5, unterminated: true });
  });

  it('reads NDJSON without quoting rules', async () => {
    const path = file('rows.ndjson', '{"a":"\\"x"}\n\n{"a":"y"}\n');
    const layout = await scanLayout(path, {
      delimiter: null,
      hasHeader: false,
      blankIsRecord: false,
      rejected: [],
      untilK: 2,
    });
    expect(layout.segments).toEqual([
      { kFrom: 1, rowOffset: 0, lineOffset: 0 },
      { kFrom: 2, rowOffset: 0, lineOffset: 1 },
    ]);
  });
});
