/**
 * Benchmark of the contract reports (issue target: 1 000 000 customers with 2 500 000 contracts, every
 * report ≤ 2 s on a 2-core machine). Generates the contracts once with SQL (deterministic hashes of the
 * row number: three product lines, starts over 2017–2025, a third ended, annual fees) into .bench-data/,
 * then times, through the app layer, every report on the contract basis: subscription, products,
 * product-churn, and portfolio, flows, retention (one year of quarterly points), cohorts and concentration
 * with `--basis contracts`; cold and warm (median of three), wall and CPU time (user + system of the
 * process, DuckDB's threads included: the machine is shared, and CPU time says what load does not).
 *
 * Run: `node bin/run-ts.mjs bench/contracts.ts` (or `npm run bench -- contracts`).
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { contractReportInput } from '../src/app/options/contracts';
import { parseOptions } from '../src/app/options/parse';
import { cohortInput, concentrationInput, portfolioInput, retentionInput } from '../src/app/options/report';
import { cohortReport } from '../src/app/reports/cohorts';
import { concentrationReport } from '../src/app/reports/concentration';
import { productChurnReport, productsReport, subscriptionReport } from '../src/app/reports/contracts';
import { flowsReport } from '../src/app/reports/flows';
import { portfolioReport } from '../src/app/reports/portfolio';
import { retentionReport } from '../src/app/reports/retention';
import { Db } from '../src/data/duckdb/connection';
import { DuckDbAnalytics } from '../src/data/duckdb/analytics';
import { DuckDbContracts } from '../src/data/duckdb/contracts';
import { coldAndWarm, seconds, type ColdAndWarm } from './timing';

const DIR = resolve('.bench-data');
const FILE = join(DIR, 'contracts-v1-1m-customers.duckdb');
const CUSTOMERS = 1_000_000;
const CONTRACTS = 2_500_000;
const MEMORY_LIMIT = '1GB';

async function generate(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const partial = `${FILE}.partial`;
  const db = await Db.open(partial);
  await db.run(`
    INSERT INTO contracts (contract_id, customer_id, start_date, end_date, renewed, product_line, annual_fee)
    SELECT 'K' || i, 'C' || (i % ${CUSTOMERS}), s,
      CASE WHEN hash(i * 7) % 3 = 0 THEN s + CAST(30 + hash(i * 11) % 1500 AS INTEGER) END,
      NULL, ['el', 'gas', 'home'][CAST(hash(i * 3) % 3 AS INTEGER) + 1],
      CAST(1000 + hash(i * 5) % 15000 AS DECIMAL(18,2))
    FROM (SELECT i, DATE '2017-01-01' + CAST(hash(i) % 3287 AS INTEGER) AS s FROM range(${CONTRACTS}) t(i))`);
  db.close();
  renameSync(partial, FILE);
}

async function run(): Promise<void> {
  if (!existsSync(FILE)) await generate();
  const db = await Db.open(FILE, { memoryLimit: MEMORY_LIMIT });
  const contracts = new DuckDbContracts(db);
  const analytics = new DuckDbAnalytics(db);
  const input = parseOptions(contractReportInput, { asOf: '2025-12-31' });
  const onContracts = { asOf: '2025-12-31', basis: 'contracts' };
  const steps: Record<string, ColdAndWarm> = {
    'subscription report': await coldAndWarm(() => subscriptionReport(contracts, input)),
    'products report': await coldAndWarm(() => productsReport(contracts, input)),
    'product-churn report': await coldAndWarm(() => productChurnReport(contracts, input)),
    'retention, contracts (1 year)': await coldAndWarm(() =>
      retentionReport(
        analytics,
        parseOptions(retentionInput, { asOf: '2025-12-31', basis: 'contracts', years: '1' }),
        contracts,
      ),
    ),
    'portfolio, contracts': await coldAndWarm(() =>
      portfolioReport(analytics, parseOptions(portfolioInput, onContracts), contracts),
    ),
    'flows, contracts': await coldAndWarm(() =>
      flowsReport(analytics, parseOptions(portfolioInput, onContracts), contracts),
    ),
    'cohorts, contracts': await coldAndWarm(() =>
      cohortReport(analytics, parseOptions(cohortInput, onContracts), contracts),
    ),
    'concentration, contracts': await coldAndWarm(() =>
      concentrationReport(analytics, parseOptions(concentrationInput, onContracts), contracts),
    ),
  };
  const r = await subscriptionReport(contracts, input);
  db.close();
  console.log(
    `contracts benchmark: ${CONTRACTS.toLocaleString('en')} contracts of ${CUSTOMERS.toLocaleString('en')} customers, ` +
      `${r.activeCurrent.toLocaleString('en')} active on ${r.asOf}`,
  );
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; DuckDB memory_limit ${MEMORY_LIMIT}`,
  );
  console.log(
    `${'step'.padEnd(32)}${'cold s'.padStart(10)}${'warm s'.padStart(10)}${'cold CPU s'.padStart(12)}${'warm CPU s'.padStart(12)}`,
  );
  for (const [name, t] of Object.entries(steps))
    console.log(
      name.padEnd(32) +
        seconds(t.cold).padStart(10) +
        seconds(t.warm).padStart(10) +
        seconds(t.coldCpu).padStart(12) +
        seconds(t.warmCpu).padStart(12),
    );
  console.log('target: each report ≤ 2 s');
}

if (process.env.npm_lifecycle_event !== 'bench') await run();
