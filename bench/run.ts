/**
 * `npm run bench [-- SUITE…]`: runs the benchmarks, each in its own process so that each one's peak memory
 * is its own. Suites: import (10 M-row transaction CSV), reports (1 M customers, 10 M transactions),
 * models (summary, fits and CLV of the same 1 M customers), accounts (10 000 key accounts, sensitivities
 * and actions), startup (`cvm --help` wall time), service (1 M complaints, 2 M survey responses), api (the
 * HTTP API's report endpoints with 20 concurrent clients, cold, warm and during an import), strategy
 * (segments, phases and next best actions of the reports database), postgres (the reports on PostgreSQL
 * next to DuckDB; only when named, as it loads the server), contracts (1 M customers, 2.5 M contracts),
 * programme (the loyalty-programme report on the reports database, a quarter of the customers members). Arguments after the first option are passed to
 * each suite: `npm run bench -- postgres --scale 0.1`.
 * Measured figures are written by hand into docs/import.md and docs/metrics.md.
 */
import { spawnSync } from 'node:child_process';

const SUITES: Record<string, string> = {
  import: 'bench/import.ts',
  reports: 'bench/reports.ts',
  models: 'bench/models.ts',
  accounts: 'bench/accounts.ts',
  startup: 'bench/startup.ts',
  service: 'bench/service.ts',
  api: 'bench/api.ts',
  strategy: 'bench/strategy.ts',
  postgres: 'bench/postgres.ts',
  contracts: 'bench/contracts.ts',
  programme: 'bench/programme.ts',
};
/** Suites that run only when named. */
const ON_REQUEST = new Set(['postgres']);

const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('-'));
const asked = firstOption < 0 ? args : args.slice(0, firstOption);
const passed = firstOption < 0 ? [] : args.slice(firstOption);
const unknown = asked.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')} (expected: ${Object.keys(SUITES).join(', ')})`);
  process.exit(2);
}

let failed = 0;
for (const name of asked.length > 0 ? asked : Object.keys(SUITES).filter((s) => !ON_REQUEST.has(s))) {
  console.log(`\n=== ${name} ===`);
  const env = { ...process.env };
  delete env.npm_lifecycle_event; // each suite runs itself when started directly
  const result = spawnSync(process.execPath, ['bin/run-ts.mjs', SUITES[name] ?? '', ...passed], {
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
