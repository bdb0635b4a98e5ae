/** The store conformance suite on embedded DuckDB, in memory and in a file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../src/app/open-store';
import { describeStore } from './describe-store';

describeStore('duckdb :memory:', () => openStore(':memory:'));

const dir = mkdtempSync(join(tmpdir(), 'cvm-conformance-'));
let files = 0;
describeStore('duckdb file', () => openStore(`duckdb:${join(dir, `store-${++files}.duckdb`)}`));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
