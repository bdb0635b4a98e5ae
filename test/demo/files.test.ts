/**
 * The demo files: deterministic (same seed → byte-identical files, another seed → other files), one file
 * per kind with exactly the canonical header, and rows with as many fields as the header.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeKindCsv } from '../../src/app/demo/csv';
import { generateDemo } from '../../src/app/demo/generate';
import { DEFAULT_DEMO_OPTIONS } from '../../src/app/demo/params';
import { CvmError } from '../../src/core/errors';
import { KINDS, type KindName } from '../../src/core/kinds';

const root = mkdtempSync(join(tmpdir(), 'cvm-demo-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PRODUCED: KindName[] = [
  'customers',
  'transactions',
  'complaints',
  'surveys',
  'accounts',
  'assessments',
  'forecasts',
  'renewals',
];
const CUSTOMERS = 4000;

/** Fields in one CSV line (RFC 4180 quotes; the demo writes no line breaks inside fields). */
function fieldCount(line: string): number {
  let fields = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) fields++;
  }
  return fields;
}

/** Writes the demo for `seed` into `root/name`; returns file name → sha256 of its bytes. */
function writeDemo(name: string, seed: number): Record<string, string> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const tables = generateDemo({ ...DEFAULT_DEMO_OPTIONS, customers: CUSTOMERS, seed });
  for (const kind of PRODUCED) writeKindCsv(dir, kind, tables[kind] ?? []);
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex'),
      ]),
  );
}

describe('demo files', () => {
  const a = writeDemo('a', 42);

  it('are byte-identical for the same seed and all differ for another seed', () => {
    expect(Object.keys(a)).toEqual(PRODUCED.map((k) => `${k}.csv`).sort());
    expect(writeDemo('b', 42)).toEqual(a);
    const c = writeDemo('c', 43);
    for (const file of Object.keys(a)) expect(c[file], file).not.toBe(a[file]);
  });

  it('have exactly the canonical columns of each kind, and every row as many fields', () => {
    for (const kind of PRODUCED) {
      const lines = readFileSync(join(root, 'a', `${kind}.csv`), 'utf8')
        .trimEnd()
        .split('\n');
      expect(lines[0], kind).toBe(KINDS[kind].columns.map((c) => c.name).join(','));
      expect(lines.length, kind).toBeGreaterThan(1);
      const widths = new Set(lines.map((line) => fieldCount(line)));
      expect([...widths], kind).toEqual([KINDS[kind].columns.length]);
    }
    const customers = readFileSync(join(root, 'a', 'customers.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(customers).toHaveLength(CUSTOMERS + 1);
    const comments = readFileSync(join(root, 'a', 'surveys.csv'), 'utf8');
    expect(comments).toContain('"Snabb leverans, bra service!"');
    expect(customers[1]).toMatch(
      /^C000001,[^,]+,\d{4}-\d{2}-\d{2},[^,]+,(web|store|app),[^,]+,,(\d+(\.\d{1,2})?)?,(\d{4}-\d{2}-\d{2})?$/,
    );
  });

  it('rejects options a user cannot mean, naming the option', () => {
    const bad = (patch: object): unknown =>
      generateDemo({ ...DEFAULT_DEMO_OPTIONS, customers: 10, ...patch });
    const option = (patch: object): unknown => {
      try {
        bad(patch);
      } catch (error) {
        if (error instanceof CvmError) return { ...error.option, message: error.message };
        throw error;
      }
      return null;
    };
    expect(option({ customers: 0 })).toMatchObject({ field: 'customers', value: 0, message: /^0 is not/ });
    expect(option({ years: 1 })).toMatchObject({ field: 'years', message: /^1 .*from 2/ });
    expect(option({ end: '2025-02-30' })).toMatchObject({
      field: 'end',
      message: '"2025-02-30" is not a date (expected YYYY-MM-DD)',
    });
    expect(option({ seed: -1 })).toMatchObject({ field: 'seed' });
  });
});
