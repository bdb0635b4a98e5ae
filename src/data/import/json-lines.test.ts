import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrokenJsonLine } from './json-lines';

const dir = mkdtempSync(join(tmpdir(), 'cvm-json-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('findBrokenJsonLine', () => {
  it('names the last line of a file cut off in its second record', async () => {
    expect(await findBrokenJsonLine(file('cut.ndjson', '{"a":1}\n{"a":"x'))).toEqual({
      line: 2,
      record: 2,
      last: true,
    });
  });

  it('counts blank lines as lines but not as records, and knows a line in the middle', async () => {
    const path = file('middle.ndjson', '\uFEFF{"a":1}\r\n\r\n{"a":\r\n{"a":2}\r\n');
    expect(await findBrokenJsonLine(path)).toEqual({ line: 3, record: 2, last: false });
  });

  it('is null when every line parses', async () => {
    expect(await findBrokenJsonLine(file('fine.ndjson', '{"a":1}\n\n{"a":2}\n'))).toBeNull();
  });
});
