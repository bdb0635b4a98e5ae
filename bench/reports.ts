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
 * Then the seven reports the HTTP API's report endpoints compute (portfolio, flows, retention, cohorts,
 * concentration, service, satisfaction), each alone, called as the routes call them (the route's schema on
 * an empty query, on a unit of work of the store): cold is the first run on a freshly opened database
 * (DuckDB's buffers empty, the file in the OS cache), warm the median of three more; wall and CPU time of
 * the process (user + system, DuckDB's threads included), and the sum of all seven. With `--statements`,
 * the wall time of every statement of each report's cold run as well (the SQL's first line; a streamed
 * result is timed until it starts, not until it is read).
 * `--each` runs only that part. The load average is printed: the machine may be shared.
 *
 * Run: `node bin/run-ts.mjs bench/reports.ts [--each] [--statements]` (or `npm run bench` through
 * bench/run.ts).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { DuckDBConnection } from '@duckdb/node-api';
import { cohortReport } from '../src/app/reports/cohorts';
import { concentrationReport } from '../src/app/reports/concentration';
import { retentionReport } from '../src/app/reports/retention';
import { satisfactionReport } from '../src/app/reports/satisfaction';
import { serviceReport } from '../src/app/reports/service';
import { cohortInput, concentrationInput, retentionInput } from '../src/app/options/report';
import { serviceInput } from '../src/app/options/service';
import { DuckDbStore } from '../src/data/duckdb/store';
import type { StoreUnit } from '../src/data/store';
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
import { coldAndWarm as coldAndWarmCpu, seconds, median, timed, type ColdAndWarm } from './timing';

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

/** The seven reports of the API's report endpoints, as the routes call them (an empty query). */
function endpointReports(today: string): [string, (unit: StoreUnit) => Promise<unknown>][] {
  const q = { today };
  return [
    [
      'portfolio',
      (u) => portfolioReport(u.analytics, parseOptions(portfolioInput, q), u.contracts, u.models),
    ],
    ['flows', (u) => flowsReport(u.analytics, parseOptions(portfolioInput, q), u.contracts, u.models)],
    ['retention', (u) => retentionReport(u.analytics, parseOptions(retentionInput, q), u.contracts)],
    ['cohorts', (u) => cohortReport(u.analytics, parseOptions(cohortInput, q), u.contracts)],
    [
      'concentration',
      (u) => concentrationReport(u.analytics, parseOptions(concentrationInput, q), u.contracts, u.models),
    ],
    ['service', (u) => serviceReport(u.service, parseOptions(serviceInput, q))],
    ['satisfaction', (u) => satisfactionReport(u.service, parseOptions(serviceInput, q))],
  ];
}

/** Statement wall times of the runs in `work`, by the statement's first line (DuckDB connections only). */
async function statementTimes(work: () => Promise<unknown>): Promise<[string, number][]> {
  const times: [string, number][] = [];
  const proto = DuckDBConnection.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const original = new Map<string, (...a: unknown[]) => unknown>();
  let depth = 0;
  for (const name of ['run', 'runAndReadAll', 'stream']) {
    const f = proto[name];
    if (f === undefined) continue;
    original.set(name, f);
    proto[name] = async function (this: unknown, ...args: unknown[]): Promise<unknown> {
      // one method may call another (runAndReadAll runs the statement): time the outermost call only
      if (depth > 0) return f.apply(this, args);
      depth++;
      const start = performance.now();
      try {
        return await f.apply(this, args);
      } finally {
        depth--;
        const text = String(args[0]).trim().replace(/\s+/g, ' ');
        times.push([text.slice(0, 90), performance.now() - start]);
      }
    };
  }
  try {
    await work();
  } finally {
    for (const [name, f] of original) proto[name] = f;
  }
  return times;
}

async function eachReport(statements: boolean): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const results: [string, ColdAndWarm][] = [];
  const perStatement: [string, [string, number][]][] = [];
  const load = (): string =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  const loadBefore = load();
  for (const [name, report] of endpointReports(today)) {
    // a fresh database per run: the cold run finds DuckDB's buffers empty
    if (statements) {
      const store = await DuckDbStore.open(BENCH_FILE);
      perStatement.push([name, await statementTimes(() => store.unit(report))]);
      await store.close();
    }
    const store = await DuckDbStore.open(BENCH_FILE);
    try {
      results.push([name, await coldAndWarmCpu(() => store.unit(report))]);
    } finally {
      await store.close();
    }
  }
  console.log(`\nthe seven report endpoints' reports in process, each alone (today ${today})`);
  console.log(`load average (1, 5, 15 min): before ${loadBefore}, after ${load()}`);
  console.log(
    `${'report'.padEnd(16)}${'cold s'.padStart(9)}${'cold CPU s'.padStart(12)}${'warm s'.padStart(9)}${'warm CPU s'.padStart(12)}`,
  );
  const sum = { cold: 0, coldCpu: 0, warm: 0, warmCpu: 0 };
  const line = (name: string, t: ColdAndWarm): string =>
    name.padEnd(16) +
    [t.cold, t.coldCpu, t.warm, t.warmCpu]
      .map((ms, i) => seconds(ms).padStart(i % 2 === 0 ? 9 : 12))
      .join('');
  for (const [name, t] of results) {
    console.log(line(name, t));
    sum.cold += t.cold;
    sum.coldCpu += t.coldCpu;
    sum.warm += t.warm;
    sum.warmCpu += t.warmCpu;
  }
  console.log(line('all seven', sum));
  for (const [name, times] of perStatement) {
    console.log(`\n${name}: statements of the cold run (wall s)`);
    for (const [text, ms] of times) if (ms >= 20) console.log(`  ${seconds(ms).padStart(7)}  ${text}`);
    const rest = times.filter(([, ms]) => ms < 20);
    console.log(
      `  ${seconds(rest.reduce((a, [, ms]) => a + ms, 0)).padStart(7)}  ${rest.length} statements under 0.02 s`,
    );
  }
}

let running: Promise<void> | undefined;

/** Runs the benchmark once per process (a second call returns the same run). */
export function benchReports(): Promise<void> {
  const statements = process.argv.includes('--statements');
  running ??= process.argv.includes('--each')
    ? (ensureBenchData(), eachReport(statements))
    : run().then(() => eachReport(statements));
  return running;
}

// Run when started directly (`node bin/run-ts.mjs bench/reports.ts`); under `npm run bench` the runner
// (bench/run.ts) starts each suite in a process of its own.
if (process.env.npm_lifecycle_event !== 'bench') await benchReports();
