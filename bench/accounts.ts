/**
 * Benchmark of the key-account core (target: sensitivities of 10 000 accounts × 9 factors × 10-year
 * forecasts, with the ranked actions and a portfolio what-if, well under 2 s). Accounts are generated with
 * the seeded generator, so every run times the same data; reports the median of five warm runs per variant.
 *
 * Run: `node bin/run-ts.mjs bench/accounts.ts` (or `npm run bench accounts`).
 */
import { performance } from 'node:perf_hooks';
import { portfolioWhatIf, rankActions } from '../src/core/accounts/actions';
import type { AccountInput } from '../src/core/accounts/portfolio';
import { DEFAULT_SCORECARD } from '../src/core/accounts/scorecard';
import { accountSensitivities, type ClvVariant } from '../src/core/accounts/sensitivity';
import { createRandom, integer, uniform } from '../src/core/random';

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
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
  return { wall: median(wall), cpu: median(cpu) };
}

for (const variant of ['probability-adjusted', 'survival'] as ClvVariant[]) {
  const t = time(() => {
    const s = accountSensitivities(DEFAULT_SCORECARD, accounts, 0.048, variant);
    rankActions(DEFAULT_SCORECARD, s);
    portfolioWhatIf(DEFAULT_SCORECARD, accounts, 0.048, { factorId: 'business_lines', delta: 1 }, variant);
  });
  console.log(
    `${variant}: ${ACCOUNTS} accounts × 9 factors × ${YEARS} years: ${t.wall.toFixed(0)} ms wall, ` +
      `${t.cpu.toFixed(0)} ms CPU (median of ${RUNS})`,
  );
}
