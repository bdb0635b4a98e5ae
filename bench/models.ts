/**
 * Benchmark of the probabilistic CLV pipeline on the reports benchmark's database (1 000 000 customers,
 * 10 000 000 transactions over 2023–2025, generated once by bench/data.ts): the per-customer summary and its
 * compressed patterns in DuckDB, the BG/NBD fit on the patterns, the Gamma-Gamma fit on the repeat buyers,
 * P(alive), expected purchases and 12-month CLV for every customer, and the CSV file with all of them, each
 * stage timed once (these are single runs: a fit is not repeated), with the peak resident memory.
 *
 * Run: `node bin/run-ts.mjs bench/models.ts` (or `npm run bench models`).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fitSpend } from '../src/app/models/fit';
import { predictCustomers } from '../src/app/models/predict';
import { PURCHASE_KITS } from '../src/app/models/registry';
import type { GammaGammaParams } from '../src/core/models/gamma-gamma';
import { unitsPerYear } from '../src/core/models/time-unit';
import { Db } from '../src/data/duckdb/connection';
import { DuckDbModels } from '../src/data/duckdb/models';
import { writeCsvColumns } from '../src/data/models/predictions-file';
import { BENCH_FILE, CUSTOMERS, MEMORY_LIMIT, TRANSACTIONS, ensureBenchData } from './data';

const CALIBRATION_END = '2025-12-31';

async function timed<T>(stages: [string, number][], name: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  stages.push([name, ms]);
  console.log(`${name.padEnd(52)}${(ms / 1000).toFixed(3).padStart(10)} s`);
  return result;
}

async function run(): Promise<void> {
  ensureBenchData();
  const db = await Db.open(BENCH_FILE, { memoryLimit: MEMORY_LIMIT });
  const models = new DuckDbModels(db);
  const query = { calibrationEnd: CALIBRATION_END, timeUnit: 'week' as const };
  const out = mkdtempSync(join(tmpdir(), 'cvm-bench-models-'));
  const stages: [string, number][] = [];
  console.log(
    `models benchmark: ${CUSTOMERS.toLocaleString('en')} customers, ${TRANSACTIONS.toLocaleString('en')} transactions, calibration end ${CALIBRATION_END}, weeks`,
  );
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; DuckDB memory_limit ${MEMORY_LIMIT}`,
  );
  try {
    const patterns = await timed(stages, 'summary patterns (x, tx, T) in DuckDB', () =>
      models.summaryPatterns(query),
    );
    const rows = await timed(stages, 'per-customer summary in DuckDB → typed arrays', () =>
      models.customerSummaries(query),
    );
    const kit = PURCHASE_KITS.bgnbd;
    const bg = await timed(stages, `BG/NBD fit (${patterns.x.length.toLocaleString('en')} patterns)`, () =>
      kit.fit(patterns),
    );
    const gg = await timed(stages, 'Gamma-Gamma fit (repeat buyers)', () => fitSpend(rows, 'bench'));
    if (bg === null || gg === null) throw new Error('a fit returned null');
    const predictions = await timed(stages, 'P(alive), E[purchases 12 m], spend, CLV per customer', () =>
      predictCustomers(rows, kit, bg.params, gg.params as unknown as GammaGammaParams, {
        months: 12,
        unitsPerYear: unitsPerYear('week'),
        discountRate: 0.1,
      }),
    );
    const file = join(out, 'predictions.csv');
    await timed(stages, 'CSV file of every customer', () =>
      writeCsvColumns(file, [
        { name: 'customer_id', values: rows.customerIds },
        { name: 'x', values: rows.x },
        { name: 't_x', values: rows.tx },
        { name: 'T', values: rows.T },
        { name: 'monetary', values: rows.monetary, decimals: 2 },
        { name: 'p_alive', values: predictions.pAlive },
        { name: 'expected_purchases', values: predictions.expectedPurchases },
        { name: 'expected_spend', values: predictions.expectedSpend, decimals: 2 },
        { name: 'clv', values: predictions.clv, decimals: 2 },
      ]),
    );
    const total = stages.reduce((s, [, ms]) => s + ms, 0);
    console.log(`${'total'.padEnd(52)}${(total / 1000).toFixed(3).padStart(10)} s`);
    console.log(
      `customers ${rows.customerIds.length.toLocaleString('en')}, patterns ${patterns.x.length.toLocaleString('en')}, ` +
        `file ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB; BG/NBD converged ${bg.converged} ` +
        `(r ${bg.params.r?.toFixed(3)}, α ${bg.params.alpha?.toFixed(3)}, a ${bg.params.a?.toFixed(3)}, b ${bg.params.b?.toFixed(3)}), ` +
        `Gamma-Gamma converged ${gg.converged}`,
    );
    console.log(`peak resident memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    db.close();
    rmSync(out, { recursive: true, force: true });
  }
}

let running: Promise<void> | undefined;

/** Runs the benchmark once per process. */
export function benchModels(): Promise<void> {
  running ??= run();
  return running;
}

if (process.env.npm_lifecycle_event !== 'bench') await benchModels();
