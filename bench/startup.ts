/**
 * Benchmark of the CLI's start: wall time of `node bin/cvm.mjs --help` (process start, loading the bundle in
 * dist/, printing the help), run N times in a row after one warm-up run. Prints the median and the 95th
 * percentile; the target is a median of at most 0.2 s. For scale it also times Node starting with nothing to do
 * (`node -e 0`), the floor no CLI can beat. Needs the bundle (`npm run build`).
 *
 * Run: `node bin/run-ts.mjs bench/startup.ts [--runs N]` (or `npm run bench` through bench/run.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { resolve } from 'node:path';

const TARGET_SECONDS = 0.2;
const RUNS_FLAG = process.argv.indexOf('--runs');
const RUNS = RUNS_FLAG > 0 ? Number(process.argv[RUNS_FLAG + 1]) : 40;

/** One run of `node ARGS`, in seconds of wall time. */
function time(args: readonly string[]): number {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return seconds;
}

/** The value at fraction q of the sorted sample (nearest rank). */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

/** Median and p95 of RUNS runs after one warm-up run. */
function measure(args: readonly string[]): { median: number; p95: number } {
  time(args);
  const times = Array.from({ length: RUNS }, () => time(args)).sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a positive integer');
console.log(`node ${process.version}, ${cpus().length} CPUs, ${RUNS} runs each`);
const cvm = measure([resolve('bin/cvm.mjs'), '--help']);
const bare = measure(['-e', '0']);
const line = (name: string, m: { median: number; p95: number }): string =>
  `${name.padEnd(14)} median ${m.median.toFixed(3)} s, p95 ${m.p95.toFixed(3)} s`;
console.log(line('cvm --help', cvm));
console.log(line('node -e 0', bare));
if (cvm.median > TARGET_SECONDS) console.log('TARGET MISSED');
