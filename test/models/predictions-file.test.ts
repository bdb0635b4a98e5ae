import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../src/core/random';
import { writeCsvColumns } from '../../src/data/models/predictions-file';

const dir = mkdtempSync(join(tmpdir(), 'cvm-predictions-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the predictions file', () => {
  it('prints every number as String of the number rounded to its decimals, and quotes strings', async () => {
    const rng = createRandom(7);
    const random = () => rng.next();
    const n = 25_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const kind = i % 5;
      const u = random();
      values[i] =
        kind === 0
          ? Math.round(u * 1000)
          : kind === 1
            ? (u - 0.5) * 10 ** Math.floor(random() * 12 - 3)
            : kind === 2
              ? u * 1e-7
              : kind === 3
                ? -u * 5e8
                : u;
    }
    values.set([0, -0, 0.5, -0.0000004, 1e-6, 999_999_999.999, 2e9, -3.14159265, Number.NaN, Infinity], 0);
    const ids = Array.from({ length: n }, (_, i) =>
      i === 1 ? 'a,"b"' : i === 2 ? 'Åsa' : i === 3 ? 'two\nlines' : `C${i}`,
    );
    const file = join(dir, 'p.csv');
    await writeCsvColumns(file, [
      { name: 'id', values: ids },
      { name: 'six', values },
      { name: 'two', values, decimals: 2 },
      { name: 'none', values, decimals: 0 },
    ]);
    const text = readFileSync(file, 'utf8');
    const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const format = (v: number, d: number): string => {
      if (!Number.isFinite(v)) return '';
      const scale = 10 ** d;
      const rounded = Math.round(v * scale) / scale;
      return Math.abs(v) < 1e9 ? String(rounded + 0) : String(Number(v.toFixed(d)));
    };
    const expected =
      'id,six,two,none\n' +
      ids
        .map((id, i) => [quote(id), ...[6, 2, 0].map((d) => format(values[i]!, d))].join(',') + '\n')
        .join('');
    expect(text).toBe(expected);
    expect(text.split('\n')[1]).toBe('C0,0,0,0');
    expect(text).toContain('"a,""b""",0,0,0\n');
  });
});
