/**
 * Benchmark of the probabilistic CLV pipeline on the reports benchmark's database (1 000 000 customers,
 * 10 000 000 transactions over 2023–2025, generated once by bench/data.ts), as `cvm model predict` runs it:
 * the per-customer summary in DuckDB, its compression to (x, tx, T) patterns, the BG/NBD fit on the
 * patterns, the Gamma-Gamma fit on the repeat buyers, P(alive), expected purchases and 12-month CLV for every
 * customer, and the CSV file with all of them, each stage timed once (wall and CPU time: the machine is
 * shared, and CPU time shows the work when other processes take the cores), with the peak resident memory.
 * In days by default (`BENCH_TIME_UNIT=week` or `month` for coarser summaries).
 *
 * Run: `node bin/run-ts.mjs bench/models.ts` (or `npm run bench models`).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { indexPatterns } from '../src/app/models/data';
import { fitSpend } from '../src/app/models/fit';
import { predictCustomers } from '../src/app/models/predict';
import { PURCHASE_KITS } from '../src/app/models/registry';
import type { GammaGammaParams } from '../src/core/models/gamma-gamma';
import { unitsPerYear, type TimeUnit } from '../src/core/models/time-unit';
import { Db } from '../src/data/duckdb/connection';
import { DuckDbModels } from '../src/data/duckdb/models';
import { writeCsvColumns } from '../src/data/models/predictions-file';
import { BENCH_FILE, CUSTOMERS, MEMORY_LIMIT, TRANSACTIONS, ensureBenchData } from './data';
import { seconds } from './timing';

const CALIBRATION_END = '2025-12-31';
/** `BENCH_TIME_UNIT=week npm run bench models` for weeks; days by default, the finest (most patterns). */
const TIME_UNIT = (process.env.BENCH_TIME_UNIT ?? 'day') as TimeUnit;

/** Runs one stage, printing its wall time and the CPU time of this process (all threads) during it. */
async function timed<T>(stages: [string, number][], name: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  stages.push([name, ms]);
  console.log(
    `${name.padEnd(58)}${seconds(ms).padStart(8)} s   cpu ${seconds((used.user + used.system) / 1000).padStart(7)} s`,
  );
  return result;
}

async function run(): Promise<void> {
  if (!['day', 'week', 'month'].includes(TIME_UNIT)) throw new Error(`BENCH_TIME_UNIT ${TIME_UNIT}`);
  ensureBenchData();
  const db = await Db.open(BENCH_FILE, { memoryLimit: MEMORY_LIMIT });
  const models = new DuckDbModels(db);
  const query = { calibrationEnd: CALIBRATION_END, timeUnit: TIME_UNIT };
  const out = mkdtempSync(join(tmpdir(), 'cvm-bench-models-'));
  const stages: [string, number][] = [];
  console.log(
    `models benchmark: ${CUSTOMERS.toLocaleString('en')} customers, ${TRANSACTIONS.toLocaleString('en')} transactions, calibration end ${CALIBRATION_END}, ${TIME_UNIT}s`,
  );
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load average ${loadavg()[0]?.toFixed(1)}; DuckDB memory_limit ${MEMORY_LIMIT}`,
  );
  try {
    const rows = await timed(stages, 'per-customer summary in DuckDB → typed arrays', () =>
      models.customerSummaries(query),
    );
    const indexed = await timed(stages, 'compression to (x, tx, T) patterns', () => indexPatterns(rows));
    const { patterns } = indexed;
    const kit = PURCHASE_KITS.bgnbd;
    const bg = await timed(stages, `BG/NBD fit (${patterns.x.length.toLocaleString('en')} patterns)`, () =>
      kit.fit(patterns),
    );
    const gg = await timed(stages, 'Gamma-Gamma fit (repeat buyers)', () => fitSpend(rows, 'bench'));
    if (bg === null || gg === null) throw new Error('a fit returned null');
    const predictions = await timed(stages, 'P(alive), E[purchases 12 m], spend, CLV per customer', () =>
      predictCustomers(
        rows,
        kit,
        bg.params,
        gg.params as unknown as GammaGammaParams,
        {
          months: 12,
          unitsPerYear: unitsPerYear(TIME_UNIT),
          discountRate: 0.1,
        },
        indexed,
      ),
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
    console.log(`${'total'.padEnd(58)}${seconds(total).padStart(8)} s`);
    const fmt = (v: number | undefined): string => (v === undefined ? '?' : v.toPrecision(4));
    console.log(
      `customers ${rows.customerIds.length.toLocaleString('en')}, patterns ${patterns.x.length.toLocaleString('en')}, ` +
        `file ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB\nBG/NBD converged ${bg.converged} in ${bg.iterations} iterations ` +
        `(r ${fmt(bg.params.r)}, α ${fmt(bg.params.alpha)}, a ${fmt(bg.params.a)}, b ${fmt(bg.params.b)}, LL ${bg.logLikelihood.toFixed(1)})\n` +
        `Gamma-Gamma converged ${gg.converged} in ${gg.iterations} iterations (p ${fmt(gg.params.p)}, q ${fmt(gg.params.q)}, γ ${fmt(gg.params.gamma)}): ${gg.message}`,
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
