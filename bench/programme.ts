/**
 * Benchmark of the loyalty-programme report (issue target: ≤ 2 s on a 2-core machine at 1 000 000
 * customers). Uses the database of bench/data.ts (1 000 000 customers, 10 000 000 transactions over
 * 2023–2025), copied once into .bench-data/ with a customers table added: a quarter of the customers (chosen
 * by a hash of the id, so the same every time) carry a `member_since` between their first purchase and the
 * last day of the data, spread uniformly by the same hash; the transactions are unchanged.
 *
 * Times `programmeReport` through the app layer (as of the latest order date, 12-month windows), cold (first
 * run after opening) and warm (median of three), wall and CPU time (user + system of the process, DuckDB's
 * threads included: the machine is shared, and CPU time says what the load does not), with the load
 * average before and after.
 *
 * Run: `node bin/run-ts.mjs bench/programme.ts` (or `npm run bench -- programme`).
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseOptions } from '../src/app/options/parse';
import { programmeInput } from '../src/app/options/report';
import { programmeReport } from '../src/app/reports/programme';
import { DuckDbAnalytics } from '../src/data/duckdb/analytics';
import { Db } from '../src/data/duckdb/connection';
import { BENCH_FILE, CUSTOMERS, MEMORY_LIMIT, TRANSACTIONS, ensureBenchData } from './data';
import { coldAndWarm, seconds } from './timing';

/** Bump when the recipe changes, so that a cached database from an older recipe is not reused. */
const FILE = join(resolve('.bench-data'), 'programme-v1-1m-customers.duckdb');
const MEMBER_SHARE = 0.25;

/** Copies the reports database and adds the customers with their membership starts. */
async function prepare(): Promise<void> {
  ensureBenchData();
  const partial = `${FILE}.partial`;
  rmSync(partial, { force: true });
  copyFileSync(BENCH_FILE, partial);
  const db = await Db.open(partial);
  const u = (key: string): string => `((hash(customer_id, '${key}') >> 11) / 9007199254740992.0)`;
  await db.run(`INSERT INTO customers (customer_id, member_since)
    WITH f AS (SELECT customer_id, min(order_date) AS first_day, max(max(order_date)) OVER () AS last_day
      FROM transactions GROUP BY customer_id)
    SELECT customer_id, CASE WHEN u < ${MEMBER_SHARE}
      THEN first_day + CAST(floor(u / ${MEMBER_SHARE} * (last_day - first_day + 1)) AS INTEGER) END
    FROM (SELECT *, ${u('member')} AS u FROM f) AS g`);
  await db.run('CHECKPOINT');
  db.close();
  renameSync(partial, FILE);
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

async function run(): Promise<void> {
  if (!existsSync(FILE)) await prepare();
  const loadBefore = load();
  const db = await Db.open(FILE, { memoryLimit: MEMORY_LIMIT });
  const analytics = new DuckDbAnalytics(db);
  const asOf = await analytics.latestOrderDate();
  const input = parseOptions(programmeInput, { asOf: asOf ?? undefined });
  const times = await coldAndWarm(() => programmeReport(analytics, input));
  const loadAfter = load();
  const r = await programmeReport(analytics, input);
  const peak = process.resourceUsage().maxRSS / 1024;
  db.close();
  const t = r.beforeAfter.total;
  const m = r.matched.total;
  console.log(
    `\nprogramme benchmark, as of ${r.asOf}, ${r.windowMonths}-month windows: ${CUSTOMERS.toLocaleString('en')} customers ` +
      `(${r.members.toLocaleString('en')} members), ${TRANSACTIONS.toLocaleString('en')} transactions`,
  );
  console.log(
    `followed before / after: ${t.members.toLocaleString('en')} members; matched ${m.matchedMembers.toLocaleString('en')} ` +
      `against ${m.controls.toLocaleString('en')} control observations; frequency DiD ${m.frequency.did?.toFixed(4) ?? '—'}`,
  );
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; DuckDB memory_limit ${MEMORY_LIMIT}`,
  );
  console.log(`load average (1, 5, 15 min): before ${loadBefore}; after ${loadAfter}`);
  console.log(
    `${'step'.padEnd(24)}${'cold s'.padStart(10)}${'warm s'.padStart(10)}${'cold CPU s'.padStart(12)}${'warm CPU s'.padStart(12)}`,
  );
  console.log(
    'programme report'.padEnd(24) +
      seconds(times.cold).padStart(10) +
      seconds(times.warm).padStart(10) +
      seconds(times.coldCpu).padStart(12) +
      seconds(times.warmCpu).padStart(12),
  );
  console.log(`peak resident memory: ${peak.toFixed(0)} MB`);
  console.log('target: ≤ 2 s');
}

// Run when started directly; under `npm run bench` the runner (bench/run.ts) starts each suite in a process
// of its own.
if (process.env.npm_lifecycle_event !== 'bench') await run();
