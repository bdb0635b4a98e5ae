/**
 * Benchmark of the key accounts (issue targets: full report with sensitivity on 10 000 accounts × 9
 * factors × 10-year forecasts ≤ 2 s; backtest with weight learning on 10 000 renewals ≤ 2 s).
 *
 * 1. Core alone: the sensitivities of 10 000 generated accounts with the ranked actions and a portfolio
 *    what-if (seeded generator, so every run times the same data).
 * 2. Through the app layer on an in-memory DuckDB store generated with SQL (hash-based pseudo-random
 *    numbers, the same every run): 10 000 accounts, two assessments each (2024-06-30 and 2025-06-30),
 *    10 forecast years each (100 000 rows) and one renewal each, due 2025-12-31 (10 000 renewals, renewed
 *    more often with more business lines and a better relationship). Times `accounts report` (portfolio
 *    table, factors, probability history) plus `accounts sensitivity` (steps, ranked actions, what-if) as
 *    the full report, and `accounts backtest` (scores, calibration, weights learnt by regularised logistic
 *    regression and checked on held-out renewals). Cold = first run, warm = median of five.
 *
 * Run: `node bin/run-ts.mjs bench/accounts.ts` (or `npm run bench accounts`).
 */
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { backtestReport } from '../src/app/accounts/backtest';
import { accountsReport } from '../src/app/accounts/report';
import { sensitivityReport } from '../src/app/accounts/sensitivity';
import { accountsInput, sensitivityInput } from '../src/app/options/accounts';
import { parseOptions } from '../src/app/options/parse';
import { portfolioWhatIf, rankActions } from '../src/core/accounts/actions';
import type { AccountInput } from '../src/core/accounts/portfolio';
import { DEFAULT_SCORECARD } from '../src/core/accounts/scorecard';
import { accountSensitivities, type ClvVariant } from '../src/core/accounts/sensitivity';
import { createRandom, integer, uniform } from '../src/core/random';
import { Db } from '../src/data/duckdb/connection';
import { DuckDbUnit } from '../src/data/duckdb/store';
import { median, seconds, timed } from './timing';

const ACCOUNTS = 10_000;
const YEARS = 10;
const RUNS = 5;

const rng = createRandom(42, 'bench-accounts');
const accounts: AccountInput[] = Array.from({ length: ACCOUNTS }, (_, i) => {
  const revenue = uniform(rng, 50_000, 5_000_000);
  const margin = uniform(rng, 0.05, 0.5);
  return {
    accountId: `A${i}`,
    values: {
      other_relationships: integer(rng, 0, 3),
      business_lines: integer(rng, 1, 12),
      relationship_years: uniform(rng, 0.5, 16),
      broker_relationship: integer(rng, 1, 5),
      relationship_quality: integer(rng, 1, 5),
      contacts_at_customer: integer(rng, 1, 8),
      contacts_at_company: integer(rng, 1, 10),
      knowledge_of_company: integer(rng, 1, 5),
      knowledge_of_industry: integer(rng, 1, 5),
    },
    forecast: Array.from({ length: YEARS }, (_, t) => ({
      year: t + 1,
      revenue,
      costToServe: revenue * (1 - margin) * 0.3,
      claimsCost: revenue * (1 - margin) * 0.7,
    })),
  };
});

/** Median wall-clock and CPU milliseconds of warm runs (CPU time shows the cost on a busy machine). */
function time(run: () => void): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    run();
    if (i === 0) continue; // the first run warms the JIT
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** Cold (first) and warm (median of five) wall milliseconds, and the warm runs' median CPU milliseconds. */
async function coldAndWarm(
  work: () => Promise<unknown>,
): Promise<{ cold: number; warm: number; cpu: number }> {
  const cold = await timed(work);
  const warm: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const startCpu = process.cpuUsage();
    warm.push(await timed(work));
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { cold, warm: median(warm), cpu: median(cpu) };
}

/** The key-account tables of an in-memory store, filled with SQL. */
async function generate(db: Db): Promise<void> {
  const u = (...keys: string[]): string =>
    `((hash(concat_ws('|', ${keys.join(', ')})) >> 11) / 9007199254740992.0)`;
  const int = (key: string, lo: number, hi: number): string =>
    `(${lo} + floor(${u('i', `'${key}'`)} * ${hi - lo + 1}))::INTEGER`;
  await db.run(`INSERT INTO key_accounts (account_id, name, account_manager)
    SELECT 'A' || i, 'Account ' || i, 'M' || (i % 50) FROM range(${ACCOUNTS}) t(i)`);
  // two assessment days; the later one moves business lines and relationship quality a little
  await db.run(`INSERT INTO assessments (account_id, assessed_on, assessor, other_relationships, business_lines,
      relationship_years, broker_relationship, relationship_quality, contacts_at_customer, contacts_at_company,
      knowledge_of_company, knowledge_of_industry)
    SELECT 'A' || i, d, 'M' || (i % 50), ${int('o', 0, 3)},
      least(12, ${int('b', 1, 11)} + CASE WHEN d = DATE '2025-06-30' THEN ${int('bb', 0, 1)} ELSE 0 END),
      round(0.5 + ${u('i', "'y'")} * 15, 1) + CASE WHEN d = DATE '2025-06-30' THEN 1 ELSE 0 END,
      ${int('k', 1, 5)}, greatest(1, ${int('q', 1, 5)} - CASE WHEN d = DATE '2025-06-30' THEN ${int('qq', 0, 1)} ELSE 0 END),
      ${int('c', 1, 8)}, ${int('m', 1, 10)}, ${int('n', 1, 5)}, ${int('j', 1, 5)}
    FROM range(${ACCOUNTS}) t(i), (VALUES (DATE '2024-06-30'), (DATE '2025-06-30')) AS days(d)`);
  await db.run(`INSERT INTO account_forecasts (account_id, year, revenue, cost_to_serve, claims_cost)
    WITH a AS (SELECT i, 50000 + ${u('i', "'r'")} * 4950000 AS revenue, 0.3 + ${u('i', "'g'")} * 0.4 AS margin
               FROM range(${ACCOUNTS}) t(i))
    SELECT 'A' || i, y, round(revenue, 2), round(revenue * (1 - margin) * 0.3, 2), round(revenue * (1 - margin) * 0.7, 2)
    FROM a, range(1, ${YEARS + 1}) s(y)`);
  // renewed more often with more business lines and a better relationship (a signal for the weights)
  await db.run(`INSERT INTO renewals (account_id, due_on, renewed)
    SELECT 'A' || i, DATE '2025-12-31',
      ${u('i', "'renew'")} < 0.25 + 0.04 * least(12, ${int('b', 1, 11)}) + 0.06 * ${int('q', 1, 5)}
    FROM range(${ACCOUNTS}) t(i)`);
}

async function run(): Promise<void> {
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
  );
  for (const variant of ['probability-adjusted', 'survival'] as ClvVariant[]) {
    const t = time(() => {
      const s = accountSensitivities(DEFAULT_SCORECARD, accounts, 0.048, variant);
      rankActions(DEFAULT_SCORECARD, s);
      portfolioWhatIf(DEFAULT_SCORECARD, accounts, 0.048, { factorId: 'business_lines', delta: 1 }, variant);
    });
    console.log(
      `core, ${variant}: ${ACCOUNTS} accounts × 9 factors × ${YEARS} years: ${t.wall.toFixed(0)} ms wall, ` +
        `${t.cpu.toFixed(0)} ms CPU (median of ${RUNS})`,
    );
  }

  const db = await Db.open(':memory:');
  const unit = new DuckDbUnit(db);
  const start = performance.now();
  await generate(db);
  console.log(`generated ${ACCOUNTS} accounts in ${seconds(performance.now() - start)} s`);
  const report = parseOptions(accountsInput, {});
  const sensitivity = parseOptions(sensitivityInput, {});
  const full = await coldAndWarm(async () => {
    await accountsReport(unit.accounts, report);
    await sensitivityReport(unit.accounts, sensitivity);
  });
  const reportOnly = await coldAndWarm(() => accountsReport(unit.accounts, report));
  const backtest = await coldAndWarm(() => backtestReport(unit.accounts, {}));
  const r = await accountsReport(unit.accounts, report);
  const b = await backtestReport(unit.accounts, {});
  const peak = process.resourceUsage().maxRSS / 1024;
  db.close();
  console.log(
    `${'step (app layer, in-memory DuckDB)'.padEnd(52)}${'cold s'.padStart(10)}${'warm s'.padStart(10)}${'warm CPU s'.padStart(12)}`,
  );
  for (const [name, t] of [
    ['accounts report (table, factors, history)', reportOnly],
    ['full report: accounts report + sensitivity', full],
    ['backtest with weight learning', backtest],
  ] as const)
    console.log(
      name.padEnd(52) +
        seconds(t.cold).padStart(10) +
        seconds(t.warm).padStart(10) +
        seconds(t.cpu).padStart(12),
    );
  const held = b.weights.enough ? b.weights.heldOut : null;
  console.log(
    `figures: ${r.accounts.length} accounts, ${r.accounts.reduce((s, a) => s + a.history.length, 0)} assessments, ` +
      `${r.totals.turnsNegative.length} turn negative; backtest ${b.outcomes} renewals, AUC ${b.auc?.toFixed(3)}, ` +
      `weights learnt: ${b.weights.enough ? 'yes' : 'no'}${held ? `, held-out AUC ${held.model.auc?.toFixed(3)} (scorecard ${held.scorecard.auc?.toFixed(3)})` : ''}`,
  );
  console.log(`peak resident memory: ${peak.toFixed(0)} MB (targets: full report ≤ 2 s, backtest ≤ 2 s)`);
}

await run();
