/**
 * The reports on PostgreSQL next to DuckDB: the same data (bench/data.ts: 1 000 000 customers, 10 000 000
 * transactions, or the customers c0 … c(n−1) of it with `--scale F`, n = F × 1 000 000), the same report use
 * cases through the app layer, cold (first run) and warm (median of `--runs`, default 3), and the
 * PostgreSQL / DuckDB ratio of the warm times per report. The bench checks that both stores give the same
 * portfolio value and the same concentration curve total.
 *
 * PostgreSQL: `CVM_BENCH_POSTGRES` (default postgres://postgres@127.0.0.1:5432/test), schema
 * `cvm_bench_<scale>`, loaded once with COPY (timed) and kept for the next run; `--reload` loads again.
 * The server's own settings are used as they are (printed with the results).
 *
 * Run: `npm run bench -- postgres` (whole data) or `node bin/run-ts.mjs bench/postgres.ts --scale 0.1`.
 */
import { createReadStream, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseOptions } from '../src/app/options/parse';
import { cohortInput, concentrationInput, portfolioInput } from '../src/app/options/report';
import { cohortReport } from '../src/app/reports/cohorts';
import { concentrationReport } from '../src/app/reports/concentration';
import { flowsReport } from '../src/app/reports/flows';
import { portfolioReport } from '../src/app/reports/portfolio';
import { resolveBasis } from '../src/app/reports/basis';
import { retentionTrend } from '../src/app/reports/retention';
import type { AnalyticsPort } from '../src/data/analytics/types';
import { DuckDbAnalytics } from '../src/data/duckdb/analytics';
import { Db } from '../src/data/duckdb/connection';
import { PgStore } from '../src/data/postgres/store';
import { BENCH_FILE, CUSTOMERS, MEMORY_LIMIT, ensureBenchData } from './data';
import { median, seconds, timed } from './timing';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const SCALE = Number(option('scale', '1'));
const RUNS = Number(option('runs', '3'));
const RELOAD = process.argv.includes('--reload');
if (!(SCALE > 0 && SCALE <= 1) || !Number.isInteger(RUNS) || RUNS < 1) {
  console.error('usage: bench/postgres.ts [--scale 0<F≤1] [--runs N] [--reload]');
  process.exit(2);
}
const SERVER = process.env.CVM_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `cvm_bench_${String(SCALE).replace('.', '_')}`;
const SUBSET_CUSTOMERS = Math.round(SCALE * CUSTOMERS);

/** The DuckDB file of the benchmark's size: the whole file, or a copy with the first customers. */
async function duckFile(): Promise<string> {
  ensureBenchData();
  if (SCALE === 1) return BENCH_FILE;
  const file = BENCH_FILE.replace(/\.duckdb$/, `-scale-${SCALE}.duckdb`);
  if (existsSync(file)) return file;
  const db = await Db.open(`${file}.partial`);
  await db.run(`ATTACH '${BENCH_FILE}' AS full_data (READ_ONLY)`);
  await db.run(
    `INSERT INTO transactions SELECT * FROM full_data.transactions
     WHERE CAST(substr(customer_id, 2) AS INTEGER) < ${SUBSET_CUSTOMERS}`,
  );
  await db.run('DETACH full_data');
  await db.run('CHECKPOINT');
  db.close();
  renameSync(`${file}.partial`, file);
  return file;
}

/** Loads the transactions of `file` into the PostgreSQL schema unless they are there; returns the COPY time. */
async function loadPostgres(store: PgStore, file: string, rows: number): Promise<number | null> {
  const have = await store.unit(async (u) => (await u.meta.tables()).find((t) => t.kind === 'transactions'));
  if (!RELOAD && have?.rows === rows) return null;
  const csv = join('.bench-data', `${SCHEMA}.csv`);
  const db = await Db.open(file);
  await db.run(
    `COPY (SELECT order_id, customer_id, order_date, amount, margin FROM transactions) TO '${csv}' (HEADER false)`,
  );
  db.close();
  const ms = await store.unit(async (u) => {
    await u.summary.clearData();
    return timed(() =>
      u.atomically(async () => {
        const pg = u.db;
        await pg.copyIn(
          'COPY transactions (order_id, customer_id, order_date, amount, margin) FROM STDIN (FORMAT csv)',
          createReadStream(csv),
        );
      }),
    );
  });
  rmSync(csv, { force: true });
  await store.unit((u) => u.db.run('ANALYZE transactions'));
  return ms;
}

interface Timing {
  cold: number;
  warm: number;
}

async function coldAndWarm(work: () => Promise<unknown>): Promise<Timing> {
  const cold = await timed(work);
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await timed(work));
  return { cold, warm: median(warm) };
}

/** The reports timed, each a use case on an analytics port. */
const REPORTS: [string, (a: AnalyticsPort) => Promise<unknown>][] = [
  ['portfolio', (a) => portfolioReport(a, parseOptions(portfolioInput, {}))],
  ['flows', (a) => flowsReport(a, parseOptions(portfolioInput, {}))],
  [
    'retention trend (12 quarterly points)',
    async (a) => retentionTrend(a, await resolveBasis(a, parseOptions(portfolioInput, {})), 3, 3),
  ],
  ['concentration', (a) => concentrationReport(a, parseOptions(concentrationInput, {}))],
  ['cohorts', (a) => cohortReport(a, parseOptions(cohortInput, {}))],
];

async function run(): Promise<void> {
  const file = await duckFile();
  const duck = await Db.open(file, { memoryLimit: MEMORY_LIMIT });
  const duckAnalytics = new DuckDbAnalytics(duck);
  const { n: rows } = await duck.one<{ n: number }>('SELECT count(*) AS n FROM transactions');
  const store = await PgStore.open(`${SERVER}${SERVER.includes('?') ? '&' : '?'}schema=${SCHEMA}`);
  try {
    const loadMs = await loadPostgres(store, file, rows);
    const settings = await store.unit((u) =>
      u.db.all<{ name: string; setting: string; unit: string | null }>(
        `SELECT name, setting, unit FROM pg_settings WHERE name IN
           ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'server_version')`,
      ),
    );
    const results: { name: string; duck: Timing; pg: Timing }[] = [];
    for (const [name, report] of REPORTS) {
      const d = await coldAndWarm(() => report(duckAnalytics));
      const p = await store.unit((u) => coldAndWarm(() => report(u.analytics)));
      results.push({ name, duck: d, pg: p });
    }
    const same = await store.unit(async (u) => {
      const input = parseOptions(portfolioInput, {});
      const [a, b] = [await portfolioReport(duckAnalytics, input), await portfolioReport(u.analytics, input)];
      return JSON.stringify(a) === JSON.stringify(b);
    });

    console.log(
      `\nPostgreSQL / DuckDB reports: ${SUBSET_CUSTOMERS.toLocaleString('en')} customers, ${rows.toLocaleString('en')} transactions (scale ${SCALE})`,
    );
    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; DuckDB memory_limit ${MEMORY_LIMIT}`,
    );
    console.log(
      `PostgreSQL: ${settings.map((s) => `${s.name} ${s.setting}${s.unit ? ` ${s.unit}` : ''}`).join(', ')}`,
    );
    if (loadMs !== null)
      console.log(
        `PostgreSQL load: COPY of ${rows.toLocaleString('en')} transactions with the key index, one transaction: ${seconds(loadMs)} s`,
      );
    console.log(
      `${'report'.padEnd(40)}${'duck cold'.padStart(11)}${'duck warm'.padStart(11)}${'pg cold'.padStart(11)}${'pg warm'.padStart(11)}${'pg/duck'.padStart(9)}`,
    );
    for (const r of results)
      console.log(
        r.name.padEnd(40) +
          [r.duck.cold, r.duck.warm, r.pg.cold, r.pg.warm].map((t) => seconds(t).padStart(11)).join('') +
          `${(r.pg.warm / r.duck.warm).toFixed(1)}×`.padStart(9),
      );
    console.log(`portfolio report identical on both stores: ${same ? 'yes' : 'NO'}`);
    console.log(
      `load average at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    duck.close();
    await store.close();
  }
}

await run();
