/**
 * The JSON examples in docs/metrics.md are checked against the real output, so the documentation cannot
 * drift from the code. Each ```json / ```jsonc block must follow a marker naming the command that prints it,
 * `<!-- check: cvm --format json report portfolio --as-of 2025-12-31 -->`; the test runs that command
 * (bin/cvm.mjs, the bundled CLI) on a database holding the seed 002 transaction log, the data the examples
 * were taken from, and compares recursively:
 *
 * - an object has exactly the keys shown, unless it lists `…` among its members (then at least those keys);
 * - an array has exactly the elements shown; with `…` among them the shown ones are its first and last
 *   elements and every element left out has the keys of the array's first element;
 * - `…` as a value stands for any value, a string ending in `…` for any string starting with the rest;
 * - a number equals the real one to the decimals shown (examples are rounded), other values exactly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app/open-store';
import { storeWithLog } from '../conformance/load';
import { seedTransactions } from '../conformance/seed-002-fixture';
import { jsonExamples, mismatches, parseExample } from './json-example';

const examples = jsonExamples(readFileSync(resolve('docs/metrics.md'), 'utf8'));
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cvm-docs-'));
  db = join(dir, 'seed.duckdb');
  const store = await storeWithLog(() => openStore(db), seedTransactions());
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the JSON examples of docs/metrics.md', () => {
  it('are all marked with the command that prints them', () => {
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.filter((e) => e.args === null).map((e) => `line ${e.line}`)).toEqual([]);
  });

  it.each(
    examples
      .filter((e) => e.args !== null)
      .map((e) => [`line ${e.line}: cvm ${e.args!.join(' ')}`, e] as const),
  )('%s gives the example', (_, example) => {
    const run = spawnSync(process.execPath, ['bin/cvm.mjs', '--db', db, ...example.args!], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(mismatches(parseExample(example.text), JSON.parse(run.stdout))).toEqual([]);
  });
});

describe('the example checker', () => {
  const output = { a: 1.2345, b: 'text and more', c: [{ x: 1 }, { x: 2 }, { x: 3 }], d: null };
  it('accepts what an example shows, rounded and shortened', () => {
    expect(
      mismatches(parseExample('{ "a": 1.23, "b": "text …", "c": [{ "x": 1 }, …], "d": null }'), output),
    ).toEqual([]);
    expect(mismatches(parseExample('{ "a": …, "c": [{ "x": 1 }, …, { "x": 3 }], … }'), output)).toEqual([]);
  });
  it('refuses a wrong value, a missing or an extra key, a wrong length', () => {
    expect(mismatches(parseExample('{ "a": 1.24, "b": …, "c": …, "d": null }'), output)).toHaveLength(1);
    expect(mismatches(parseExample('{ "a": …, "b": …, "c": … }'), output)).toHaveLength(1);
    expect(mismatches(parseExample('{ "a": …, "b": …, "c": …, "d": …, "e": … }'), output)).toHaveLength(1);
    expect(mismatches(parseExample('{ "c": [{ "x": 1 }, { "x": 2 }], … }'), output)).toHaveLength(1);
    expect(mismatches(parseExample('{ "c": [{ "x": 1 }, …, { "y": 3 }], … }'), output)).toHaveLength(2);
  });
});
