/** Builds a demo into a fresh DuckDB file in a temporary directory, for the demo tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemo, type DemoResult } from '../../src/app/demo/build';
import { DEFAULT_DEMO_OPTIONS } from '../../src/app/demo/params';
import type { Db } from '../../src/data/duckdb/connection';
import { openUnit, type TestUnit } from '../import/helpers';

export interface LoadedDemo {
  store: TestUnit;
  db: Db;
  /** where the CSV files were kept */
  out: string;
  result: DemoResult;
  dispose(): Promise<void>;
}

/** Builds a demo of `customers` customers through `buildDemo` (the import use case), keeping its files. */
export async function loadDemo(customers: number, seed = DEFAULT_DEMO_OPTIONS.seed): Promise<LoadedDemo> {
  const dir = mkdtempSync(join(tmpdir(), 'cvm-demo-test-'));
  const store = await openUnit(join(dir, 'demo.duckdb'));
  const out = join(dir, 'files');
  const result = await buildDemo(store, { ...DEFAULT_DEMO_OPTIONS, customers, seed, out });
  return {
    store,
    db: store.db,
    out,
    result,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
