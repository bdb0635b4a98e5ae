/**
 * The benchmark database shared by the reports and models benchmarks: 1 000 000 customers and 10 000 000
 * transactions over three years (2023–2025), generated once with DuckDB SQL (hash-based pseudo-random
 * numbers, so the same every time) into .bench-data/. Generation runs in a child process so that its memory
 * does not count in the benchmark that asked for it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Db } from '../src/data/duckdb/connection';

const DIR = resolve('.bench-data');
/** Bump when the recipe changes, so that a cached database from an older recipe is not reused. */
const RECIPE = 'reports-v2';
export const BENCH_FILE = join(DIR, `${RECIPE}-1m-customers.duckdb`);
export const CUSTOMERS = 1_000_000;
export const TRANSACTIONS = 10_000_000;
/** DuckDB's buffer memory cap for the benchmarking process (its default is 80 % of RAM). */
export const MEMORY_LIMIT = '1GB';

/**
 * Customers start uniformly over the three years (more at the start, the existing base), stay for an
 * exponential lifetime that is longer for frequent buyers, and spend a log-normal basket around their own
 * log-normal mean; 3 % of transactions are returns of half a basket, 2 % have no margin.
 */
async function generate(file: string): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = await Db.open(partial);
  // Uniform [0, 1) from a hash of the row's identity: unlike random(), the same on every run and thread count.
  const u = (...keys: string[]): string => `((hash(${keys.join(', ')}) >> 11) / 9007199254740992.0)`;
  await db.run(`CREATE TEMP TABLE gen_customer AS
    SELECT c, -ln(1 - ${u('c', "'w'")}) AS w, floor(pow(${u('c', "'start'")}, 0.8) * 1096)::INTEGER AS start_day,
      ${u('c', "'life'")} AS u_life, ${u('c', "'s1'")} AS u1, ${u('c', "'s2'")} AS u2
    FROM range(${CUSTOMERS}) r(c)`);
  await db.run(`CREATE TEMP TABLE gen_plan AS
    WITH s AS (SELECT sum(w) AS sw FROM gen_customer),
    b AS (
      SELECT c, start_day,
        least(greatest(1, floor(-ln(1 - u_life) * 500 * (0.5 + w)))::INTEGER, 1096 - start_day) AS span,
        exp(5.5 + 0.8 * sqrt(-2 * ln(1 - u1)) * cos(2 * pi() * u2)) AS spend,
        1 + floor(${TRANSACTIONS - CUSTOMERS} * 0.98 * w / sw)::BIGINT AS n0
      FROM gen_customer, s
    ),
    r AS (SELECT ${TRANSACTIONS} - sum(n0) AS rest FROM b)
    SELECT c, start_day, span, spend, n0 + CASE WHEN c < rest THEN 1 ELSE 0 END AS n FROM b, r`);
  await db.run(`INSERT INTO transactions (order_id, customer_id, order_date, amount, margin)
    WITH e AS (SELECT c, start_day, span, spend, unnest(range(n)) AS k FROM gen_plan),
    r AS (SELECT *, ${u('c', 'k', "'a'")} AS a, ${u('c', 'k', "'b'")} AS b, ${u('c', 'k', "'d'")} AS d,
      ${u('c', 'k', "'f'")} AS f FROM e),
    v AS (
      SELECT c, k, start_day + CASE WHEN k = 0 THEN 0 ELSE floor(a * span)::INTEGER END AS day,
        round(CASE WHEN d < 0.03 THEN -0.5 ELSE 1 END * spend * exp(0.3 * sqrt(-2 * ln(1 - b)) * cos(2 * pi() * f)), 2) AS amount,
        d
      FROM r
    )
    SELECT 'o' || c || '-' || k, 'c' || c, DATE '2023-01-01' + day, amount::DECIMAL(18,2),
      CASE WHEN d > 0.98 THEN NULL ELSE round(amount * 0.3, 2)::DECIMAL(18,2) END
    FROM v`);
  const check = await db.one<{ n: number; customers: number }>(
    'SELECT count(*) AS n, count(DISTINCT customer_id) AS customers FROM transactions',
  );
  if (check.n !== TRANSACTIONS || check.customers !== CUSTOMERS)
    throw new Error(`generated ${check.n} transactions of ${check.customers} customers`);
  await db.run('CHECKPOINT');
  db.close();
  renameSync(partial, file);
}

/** Generates the database in a child process unless it exists. */
export function ensureBenchData(): void {
  if (existsSync(BENCH_FILE)) return;
  console.log(
    `generating ${CUSTOMERS.toLocaleString('en')} customers, ${TRANSACTIONS.toLocaleString('en')} transactions in ${BENCH_FILE} …`,
  );
  const start = performance.now();
  const child = spawnSync(
    process.execPath,
    [resolve('bin/run-ts.mjs'), resolve('bench/data.ts'), '--generate-bench-data'],
    { stdio: 'inherit' },
  );
  if (child.status !== 0 || !existsSync(BENCH_FILE)) throw new Error('bench data generation failed');
  console.log(`generated in ${((performance.now() - start) / 1000).toFixed(3)} s`);
}

// The child process that generates the data.
if (process.argv.includes('--generate-bench-data')) await generate(BENCH_FILE);
