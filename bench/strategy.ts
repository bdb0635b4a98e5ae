/**
 * Benchmark of customer strategy on the reports benchmark's database (1 000 000 customers, 10 000 000
 * transactions over 2023–2025, bench/data.ts) as of 2025-12-31: the per-customer states in DuckDB, the two
 * snapshots (tiers, loyalty, phases, segments), the segment matrix and movement, the phase counts and KPI
 * cuts, and the ranked action list, through the app layer. Target: segments, phases and the action list
 * ≤ 3 s together. Each stage is timed on a cold run, then the whole pipeline five more times (median).
 *
 * Run: `node bin/run-ts.mjs bench/strategy.ts` (or `npm run bench strategy`).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { loadStrategy } from '../src/app/strategy/load';
import { actionsReport, lifecycleReport, segmentsReport } from '../src/app/strategy/reports';
import { DEFAULT_TIERS } from '../src/core/kpi/tiers';
import { rankActions, suggestionAt } from '../src/core/strategy/actions';
import { reasonText } from '../src/core/strategy/reasons';
import { kpiCuts, phaseByTier, segmentSummary } from '../src/core/strategy/summary';
import { Db } from '../src/data/duckdb/connection';
import { DuckDbUnit } from '../src/data/duckdb/store';
import { BENCH_FILE, CUSTOMERS, MEMORY_LIMIT, TRANSACTIONS, ensureBenchData } from './data';
import { median, seconds } from './timing';

const AS_OF = '2025-12-31';

async function run(): Promise<void> {
  ensureBenchData();
  const db = await Db.open(BENCH_FILE, { memoryLimit: MEMORY_LIMIT });
  const unit = new DuckDbUnit(db);
  const input = {
    asOf: AS_OF,
    windowMonths: 12,
    tiers: [...DEFAULT_TIERS],
    value: 'revenue' as const,
    loyalty: 'behaviour' as const,
  };
  console.log(
    `strategy benchmark: ${CUSTOMERS.toLocaleString('en')} customers, ${TRANSACTIONS.toLocaleString('en')} transactions, as of ${AS_OF}`,
  );
  console.log(
    `load average at the start: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')}`,
  );
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; DuckDB memory_limit ${MEMORY_LIMIT}`,
  );
  try {
    /** The whole pipeline once, stage by stage: states and snapshots, segments, phases and KPIs, actions. */
    const pipeline = async (print: boolean): Promise<number> => {
      const stages: [string, number, number][] = [];
      let t = performance.now();
      let cpu = process.cpuUsage();
      const lap = (name: string): void => {
        const now = performance.now();
        const used = process.cpuUsage(cpu);
        stages.push([name, now - t, (used.user + used.system) / 1000]);
        t = now;
        cpu = process.cpuUsage();
      };
      const b = await loadStrategy(unit, input);
      lap('states in DuckDB → typed arrays, two snapshots');
      const s = segmentSummary(b.states, b.current, b.previous, b.tiers, b.rules.segments);
      lap('segments: matrix, named segments, movement');
      phaseByTier(b.current, b.tiers.length);
      const cuts = kpiCuts(b.states, b.current, b.previous, b.tiers, b.rules.segments, 12);
      lap('phases × tiers, KPIs by tier, phase and segment');
      const list = rankActions({
        states: b.states,
        current: b.current,
        previous: b.previous,
        rules: b.rules,
        tiers: b.tiers,
        windowMonths: 12,
        log: [],
      });
      for (let k = 0; k < Math.min(50, list.count); k++) reasonText(suggestionAt(list, k), 'en');
      lap('triggers, the ranked list, the first 50 in words');
      const total = stages.reduce((sum, [, ms]) => sum + ms, 0);
      const totalCpu = stages.reduce((sum, [, , ms]) => sum + ms, 0);
      if (print) {
        console.log(`  ${'stage'.padEnd(52)}${'wall s'.padStart(8)}${'cpu s'.padStart(8)}`);
        for (const [name, ms, c] of stages)
          console.log(`  ${name.padEnd(52)}${seconds(ms).padStart(8)}${seconds(c).padStart(8)}`);
        console.log(`  ${'total'.padEnd(52)}${seconds(total).padStart(8)}${seconds(totalCpu).padStart(8)}`);
        console.log(
          `  customers ${b.states.customerIds.length.toLocaleString('en')}, active ${s.active.toLocaleString('en')}, ` +
            `suggestions ${list.count.toLocaleString('en')}, suppressed ${list.suppressedCount.toLocaleString('en')}, ` +
            `phases ${cuts.phases.map((p) => `${p.group} ${p.customers}`).join(', ')}`,
        );
      }
      return total;
    };
    console.log('cold run:');
    await pipeline(true);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push(await pipeline(false));
    console.log(`warm pipeline, median of 5: ${seconds(median(warm))} s (${warm.map(seconds).join(', ')})`);
    for (const [name, report] of [
      ['cvm segments (use case)', () => segmentsReport(unit, input)],
      ['cvm lifecycle (use case)', () => lifecycleReport(unit, input)],
      [
        'cvm actions (use case, reasons in words)',
        () => actionsReport(unit, { ...input, limit: 50 }, 'en', ''),
      ],
    ] as const) {
      const start = performance.now();
      await report();
      console.log(`${name.padEnd(54)}${seconds(performance.now() - start).padStart(8)} s`);
    }
    console.log(
      `load average at the end: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(', ')}`,
    );
    console.log(`peak resident memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    db.close();
  }
}

let running: Promise<void> | undefined;

/** Runs the benchmark once per process. */
export function benchStrategy(): Promise<void> {
  running ??= run();
  return running;
}

if (process.env.npm_lifecycle_event !== 'bench') await benchStrategy();
