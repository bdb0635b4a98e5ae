/**
 * Benchmark of the value reports (issue targets: portfolio + flows ≤ 3 s warm, peak memory ≤ 1.5 GB on a
 * 2-core machine, our portfolio within 1.5× of the best hand-written single SQL query).
 *
 * Uses the database of bench/data.ts (1 000 000 customers and 10 000 000 transactions over 2023–2025,
 * generated once in .bench-data/) and times the
 * portfolio, flows and retention-trend reports through the app layer, cold (first run after opening), warm
 * (median of five) and best of those five, the hand-written query, and the peak resident memory of the
 * reporting process. Generation runs in a child process so that its memory does not count.
 *
 * Run: `node bin/run-ts.mjs bench/reports.ts` (or `npm run bench` through bench/run.ts).
 */
import { cpus, totalmem } from 'node:os';
import { flowsReport } from '../src/app/reports/flows';
import { portfolioReport } from '../src/app/reports/portfolio';
import { resolveBasis } from '../src/app/reports/basis';
import { parseOptions } from '../src/app/options/parse';
import { portfolioInput } from '../src/app/options/report';
import { retentionTrend } from '../src/app/reports/retention';
import { reportWindows } from '../src/core/kpi/basis';
import { DuckDbAnalytics } from '../src/data/duckdb/analytics';
import { Db } from '../src/data/duckdb/connection';
import { BENCH_FILE, CUSTOMERS, MEMORY_LIMIT, TRANSACTIONS, ensureBenchData } from './data';
import { seconds, median, timed } from './timing';

const WARM_RUNS = 5;
const PAIRS = 9;

async function coldAndWarm(
  work: () => Promise<unknown>,
): Promise<{ cold: number; warm: number; best: number }> {
  const cold = await timed(work);
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await timed(work));
  return { cold, warm: median(warm), best: Math.min(...warm) };
}

/**
 * The best single SQL query we could write for the same portfolio figures (members, purchases, revenue,
 * previous size and lost per tier; the math done in SQL too), scanning only the two windows and computing
 * the cut-offs in SQL. The yardstick for our portfolio report.
 */
function handWrittenPortfolioSql(): string {
  const cut = (n: string, ppm: number): string => `(${n} * ${ppm} + 999999) // 1000000`;
  const tier = (rank: string, n: string): string =>
    `CASE WHEN ${rank} IS NULL THEN NULL WHEN ${rank} <= ${cut(n, 50_000)} THEN 0 WHEN ${rank} <= ${cut(n, 200_000)} THEN 1 WHEN ${rank} <= ${cut(n, 700_000)} THEN 2 ELSE 3 END`;
  return `
    WITH pc AS (
      SELECT customer_id,
        CAST(sum(CASE WHEN order_date > CAST($2 AS DATE) THEN amount ELSE 0 END) AS DECIMAL(18,2)) AS sv,
        count(CASE WHEN order_date > CAST($2 AS DATE) AND amount > 0 THEN 1 END) AS sp,
        CAST(sum(CASE WHEN order_date <= CAST($2 AS DATE) THEN amount ELSE 0 END) AS DECIMAL(18,2)) AS fv,
        count(CASE WHEN order_date <= CAST($2 AS DATE) AND amount > 0 THEN 1 END) AS fp
      FROM transactions WHERE order_date > CAST($1 AS DATE) AND order_date <= CAST($3 AS DATE)
      GROUP BY customer_id
    ), ranked AS (
      SELECT sv, sp, fp,
        CASE WHEN sp > 0 THEN rank() OVER (PARTITION BY sp > 0 ORDER BY sv DESC) END AS sr,
        CASE WHEN fp > 0 THEN rank() OVER (PARTITION BY fp > 0 ORDER BY fv DESC) END AS fr,
        count(CASE WHEN sp > 0 THEN 1 END) OVER () AS ns, count(CASE WHEN fp > 0 THEN 1 END) OVER () AS nf
      FROM pc
    ), tiered AS (
      SELECT sv, sp, fp, ${tier('sr', 'ns')} AS st, ${tier('fr', 'nf')} AS ft FROM ranked
    ), sums AS (
      SELECT st, ft, count(*) AS customers, sum(sp) AS purchases, sum(sv) AS revenue,
        count(CASE WHEN sp = 0 THEN 1 END) AS lost
      FROM tiered GROUP BY GROUPING SETS ((st), (ft))
    ), tiers AS (
      SELECT c.st AS tier, c.customers, c.purchases, c.revenue, p.customers AS previous, p.lost,
        c.revenue * p.customers / p.lost AS value
      FROM sums c JOIN sums p ON c.st = p.ft WHERE c.st IS NOT NULL AND p.ft IS NOT NULL
    )
    SELECT tier, customers, purchases, revenue, 1 - lost / previous AS retention, previous / lost AS duration,
      revenue / customers * previous / lost AS clv, value, sum(value) OVER () AS portfolio_value
    FROM tiers ORDER BY tier`;
}

async function run(): Promise<void> {
  ensureBenchData();
  const db = await Db.open(BENCH_FILE, { memoryLimit: MEMORY_LIMIT });
  const analytics = new DuckDbAnalytics(db);
  const asOf = await analytics.latestOrderDate();
  const options = parseOptions(portfolioInput, { asOf: asOf ?? undefined });
  const basis = await resolveBasis(analytics, options);

  const portfolio = await coldAndWarm(() => portfolioReport(analytics, options));
  const flows = await coldAndWarm(() => flowsReport(analytics, options));
  const trend = await coldAndWarm(() => retentionTrend(analytics, basis, 3, 3));
  const w = reportWindows(basis.asOf, 12);
  const params = [w.previous.startExclusive, w.current.startExclusive, w.current.endInclusive];
  const hand = await coldAndWarm(() => db.all(handWrittenPortfolioSql(), params));
  // Alternate the two so that both meet the same background load; the ratio is the median of the pairs.
  const pairs: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const a = await timed(() => portfolioReport(analytics, options));
    const b = await timed(() => db.all(handWrittenPortfolioSql(), params));
    pairs.push(a / b);
  }

  // The two must agree, or the comparison means nothing.
  const ours = await portfolioReport(analytics, options);
  const theirs = await db.all<{ portfolio_value: number }>(handWrittenPortfolioSql(), params);
  const agree = Math.abs((ours.total.value ?? NaN) - (theirs[0]?.portfolio_value ?? NaN)) < 1;
  const peak = process.resourceUsage().maxRSS / 1024;
  db.close();

  const row = (name: string, t: { cold: number; warm: number; best: number }): string[] => [
    name,
    seconds(t.cold),
    seconds(t.warm),
    seconds(t.best),
  ];
  const rows = [
    row('portfolio report', portfolio),
    row('flows report', flows),
    row('portfolio + flows', {
      cold: portfolio.cold + flows.cold,
      warm: portfolio.warm + flows.warm,
      best: portfolio.best + flows.best,
    }),
    row('retention trend (12 quarterly points)', trend),
    row('hand-written portfolio SQL', hand),
  ];
  console.log(
    `\nreports benchmark, as of ${basis.asOf}: ${CUSTOMERS.toLocaleString('en')} customers, ${TRANSACTIONS.toLocaleString('en')} transactions`,
  );
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; DuckDB memory_limit ${MEMORY_LIMIT}`,
  );
  console.log(`${'step'.padEnd(40)}${'cold s'.padStart(10)}${'warm s'.padStart(10)}${'best s'.padStart(10)}`);
  for (const [name = '', ...times] of rows)
    console.log(name.padEnd(40) + times.map((t) => t.padStart(10)).join(''));
  console.log(
    `portfolio report / hand-written SQL: ${median(pairs).toFixed(2)}× (median of ${PAIRS} alternating pairs; ${(portfolio.best / hand.best).toFixed(2)}× best against best; goal ≤ 1.5×)`,
  );
  console.log(
    `portfolio value ${ours.total.value?.toFixed(0)}; hand-written SQL ${agree ? 'agrees' : 'DISAGREES'}`,
  );
  console.log(`peak resident memory: ${peak.toFixed(0)} MB (target ≤ 1 536 MB)`);
}

let running: Promise<void> | undefined;

/** Runs the benchmark once per process (a second call returns the same run). */
export function benchReports(): Promise<void> {
  running ??= run();
  return running;
}

// Run when started directly (`node bin/run-ts.mjs bench/reports.ts`); under `npm run bench` the runner
// (bench/run.ts) starts each suite in a process of its own.
if (process.env.npm_lifecycle_event !== 'bench') await benchReports();
