/**
 * Timing helpers the benchmarks share: wall time of an async step, wall and CPU time of a cold run and warm
 * runs, medians, seconds for printing.
 */

/** Milliseconds as seconds with three decimals. */
export function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** The median (the upper one of an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Wall time of `work` in milliseconds. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Wall and CPU milliseconds (user + system of the whole process, every thread) of one run of `work`. */
export async function measured(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

export interface ColdAndWarm {
  cold: number;
  warm: number;
  coldCpu: number;
  warmCpu: number;
}

/** The first run of `work` (cold) and the medians of `warmRuns` more (warm), wall and CPU milliseconds. */
export async function coldAndWarm(work: () => Promise<unknown>, warmRuns = 3): Promise<ColdAndWarm> {
  const cold = await measured(work);
  const warm: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < warmRuns; i++) warm.push(await measured(work));
  return {
    cold: cold.wall,
    coldCpu: cold.cpu,
    warm: median(warm.map((w) => w.wall)),
    warmCpu: median(warm.map((w) => w.cpu)),
  };
}
