/**
 * `npm run bench [-- SUITE…]`: runs the benchmarks, each in its own process so that each one's peak memory
 * is its own. Suites: import (10 M-row transaction CSV), reports (1 M customers, 10 M transactions),
 * models (summary, fits and CLV of the same 1 M customers), accounts (10 000 key accounts, sensitivities
 * and actions), startup (`cvm --help` wall time), service (1 M complaints, 2 M survey responses), api (the
 * HTTP API's report endpoints with 20 concurrent clients, cold, warm and during an import), contracts (1 M
 * customers, 2.5 M contracts).
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
  contracts: 'bench/contracts.ts',
};

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')} (expected: ${Object.keys(SUITES).join(', ')})`);
  process.exit(2);
}

let failed = 0;
for (const name of asked.length > 0 ? asked : Object.keys(SUITES)) {
  console.log(`\n=== ${name} ===`);
  const env = { ...process.env };
  delete env.npm_lifecycle_event; // each suite runs itself when started directly
  const result = spawnSync(process.execPath, ['bin/run-ts.mjs', SUITES[name] ?? ''], {
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
