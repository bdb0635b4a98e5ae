/**
 * Benchmark of the service and satisfaction reports (issue target: ≤ 2 s each with 1 000 000 complaints
 * and 2 000 000 survey responses).
 *
 * Generates, once, with DuckDB SQL (hash-based pseudo-random numbers, the same every time) a database in
 * .bench-data/ of 200 000 customers' 1 000 000 transactions in 2025, 1 000 000 complaints opened in 2025
 * (most resolved within hours, a tail over days, 2 % never) and 2 000 000 survey answers (NPS, CSAT, CES)
 * over 2024–2025; then times `report service` and `report satisfaction` over 12 months as of 2025-12-31
 * and the start headline through the app layer, cold (first run after opening) and warm (median of five),
 * and the peak resident memory of the reporting process. Generation runs in a child process.
 *
 * Run: `node bin/run-ts.mjs bench/service.ts` (or `npm run bench service`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseOptions } from '../src/app/options/parse';
import { serviceInput } from '../src/app/options/service';
import { satisfactionReport } from '../src/app/reports/satisfaction';
import { serviceReport } from '../src/app/reports/service';
import { getHeadline } from '../src/app/summary';
import { Db } from '../src/data/duckdb/connection';
import { DuckDbUnit } from '../src/data/duckdb/store';
import { seconds, median, timed } from './timing';

const DIR = resolve('.bench-data');
/** Bump when the recipe changes, so that a cached database from an older recipe is not reused. */
const RECIPE = 'service-v2';
const FILE = join(DIR, `${RECIPE}-1m-complaints.duckdb`);
const CUSTOMERS = 200_000;
const TRANSACTIONS = 1_000_000;
const COMPLAINTS = 1_000_000;
const RESPONSES = 2_000_000;
const MEMORY_LIMIT = '1GB';
const WARM_RUNS = 5;

async function generate(file: string): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = await Db.open(partial);
  // Uniform [0, 1) from a hash of the row's identity and a salt, joined into one string: the hashes of
  // (i, 'k') and (i, 'v') as separate arguments turned out correlated.
  const u = (...keys: string[]): string =>
    `((hash(concat_ws('|', ${keys.join(', ')})) >> 11) / 9007199254740992.0)`;
  const customer = (key: string): string => `'c' || floor(${u(key, "'c'")} * ${CUSTOMERS})::INTEGER`;
  await db.run(`INSERT INTO transactions (order_id, customer_id, order_date, amount)
    SELECT 'o' || i, ${customer('i')}, DATE '2025-01-01' + floor(${u('i', "'d'")} * 365)::INTEGER,
      round(20 + 200 * ${u('i', "'a'")}, 2)::DECIMAL(18,2)
    FROM range(${TRANSACTIONS}) t(i)`);
  // Opening instants uniform over 2025; resolution: 80 % exponential around 8 h, 18 % around 100 h, 2 % never.
  await db.run(`INSERT INTO complaints (complaint_id, customer_id, opened_at, first_response_at, resolved_at,
      category, priority, channel, outcome, satisfaction)
    WITH g AS (
      SELECT i, TIMESTAMP '2025-01-01' + to_milliseconds(floor(${u('i', "'o'")} * 365 * 86400000)::BIGINT) AS opened,
        ${u('i', "'r'")} AS r, ${u('i', "'k'")} AS k, ${u('i', "'s'")} AS s
      FROM range(${COMPLAINTS}) t(i)
    )
    SELECT 'k' || i, ${customer('i')}, opened,
      CASE WHEN s < 0.95 THEN opened + to_milliseconds(floor(-ln(1 - ${u('i', "'f'")}) * 2 * 3600000)::BIGINT) END,
      CASE WHEN r < 0.80 THEN opened + to_milliseconds(floor(-ln(1 - ${u('i', "'t'")}) * 8 * 3600000)::BIGINT)
           WHEN r < 0.98 THEN opened + to_milliseconds(floor(-ln(1 - ${u('i', "'t'")}) * 100 * 3600000)::BIGINT) END,
      ['delivery', 'billing', 'quality', 'service', 'returns', 'web', 'stock', 'other'][1 + floor(pow(k, 2) * 8)::INTEGER],
      ['high', 'normal', 'low'][1 + floor(${u('i', "'p'")} * 3)::INTEGER],
      'email',
      CASE WHEN r < 0.98 THEN CASE WHEN k < 0.85 THEN 'accepted' ELSE 'refused' END END,
      CASE WHEN r < 0.98 AND s < 0.5 THEN 1 + floor(${u('i', "'q'")} * 5)::INTEGER END
    FROM g`);
  await db.run(`INSERT INTO survey_responses (response_id, customer_id, answered_on, kind, score)
    WITH g AS (SELECT i, ${u('i', "'k'")} AS k, ${u('i', "'v'")} AS v FROM range(${RESPONSES}) t(i))
    SELECT 'r' || i, ${customer('i')}, DATE '2024-01-01' + floor(${u('i', "'d'")} * 731)::INTEGER,
      CASE WHEN k < 0.5 THEN 'nps' WHEN k < 0.8 THEN 'csat' ELSE 'ces' END,
      CASE WHEN k < 0.5 THEN floor(pow(v, 0.6) * 11)::INTEGER
           WHEN k < 0.8 THEN 1 + floor(pow(v, 0.7) * 5)::INTEGER
           ELSE 1 + floor(pow(v, 1.5) * 7)::INTEGER END
    FROM g`);
  await db.run('CHECKPOINT');
  db.close();
  renameSync(partial, file);
}

async function coldAndWarm(work: () => Promise<unknown>): Promise<{ cold: number; warm: number }> {
  const cold = await timed(work);
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await timed(work));
  return { cold, warm: median(warm) };
}

async function run(): Promise<void> {
  if (!existsSync(FILE)) {
    console.log(
      `generating ${COMPLAINTS.toLocaleString('en')} complaints, ${RESPONSES.toLocaleString('en')} survey responses in ${FILE} …`,
    );
    const start = performance.now();
    const child = spawnSync(
      process.execPath,
      [resolve('bin/run-ts.mjs'), resolve('bench/service.ts'), '--generate'],
      { stdio: 'inherit' },
    );
    if (child.status !== 0 || !existsSync(FILE)) throw new Error('bench data generation failed');
    console.log(`generated in ${seconds(performance.now() - start)} s`);
  }
  const db = await Db.open(FILE, { memoryLimit: MEMORY_LIMIT });
  const unit = new DuckDbUnit(db);
  const input = parseOptions(serviceInput, { asOf: '2025-12-31' });
  const service = await coldAndWarm(() => serviceReport(unit.service, input));
  const satisfaction = await coldAndWarm(() => satisfactionReport(unit.service, input));
  const headline = await coldAndWarm(() => getHeadline(unit));
  const r = await serviceReport(unit.service, input);
  const s = await satisfactionReport(unit.service, input);
  const peak = process.resourceUsage().maxRSS / 1024;
  db.close();

  console.log(
    `\nservice benchmark, as of ${input.asOf ?? '?'} (12 months): ${r.complaints.toLocaleString('en')} complaints in the window, ${r.openBacklog.open.toLocaleString('en')} open; ${(s.nps.n + s.csat.n + s.ces.n).toLocaleString('en')} survey answers in the window`,
  );
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; DuckDB memory_limit ${MEMORY_LIMIT}`,
  );
  console.log(`${'step'.padEnd(32)}${'cold s'.padStart(10)}${'warm s'.padStart(10)}`);
  for (const [name, t] of [
    ['service report', service],
    ['satisfaction report', satisfaction],
    ['start headline', headline],
  ] as const)
    console.log(name.padEnd(32) + seconds(t.cold).padStart(10) + seconds(t.warm).padStart(10));
  console.log(
    `figures: median resolution ${r.medianResolutionHours?.toFixed(2)} h, within 24 h ${((r.resolvedWithinTarget ?? NaN) * 100).toFixed(1)} %, NPS ${s.nps.score?.toFixed(1)}`,
  );
  console.log(`peak resident memory: ${peak.toFixed(0)} MB (target: each report ≤ 2 s)`);
}

let running: Promise<void> | undefined;

/** Runs the benchmark once per process (a second call returns the same run). */
export function benchService(): Promise<void> {
  running ??= run();
  return running;
}

if (process.argv.includes('--generate')) await generate(FILE);
else if (process.env.npm_lifecycle_event !== 'bench') await benchService();
