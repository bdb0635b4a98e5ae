import { describe, expect, it } from 'vitest';
import {
  bernoulli,
  beta,
  categorical,
  createRandom,
  exponential,
  gamma,
  integer,
  lognormal,
  normal,
  pick,
  poisson,
  uniform,
  type Random,
} from './random';

const N = 200_000;

function moments(draw: () => number, n = N): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: sumSq / n - mean * mean };
}

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
  });

  it('pins the first outputs of seed 42 so a change of algorithm cannot pass unnoticed', () => {
    const rng = createRandom(42);
    const first = Array.from({ length: 3 }, () => Math.round(rng.next() * 2 ** 32));
    expect(first).toEqual(PINNED_42);
  });

  it('gives different sequences for different seeds and different streams', () => {
    const x = createRandom(42).next();
    expect(createRandom(43).next()).not.toBe(x);
    expect(createRandom(42, 'complaints').next()).not.toBe(x);
    expect(createRandom(42, 'complaints').next()).not.toBe(createRandom(42, 'surveys').next());
    // seeds beyond 32 bits still matter
    expect(createRandom(2 ** 40 + 42).next()).not.toBe(x);
  });

  it('is uniform on [0, 1): mean 1/2, variance 1/12, each tenth about a tenth', () => {
    const rng = createRandom(7);
    const bins = new Array<number>(10).fill(0);
    let outside = 0;
    const { mean, variance } = moments(() => {
      const u = rng.next();
      if (!(u >= 0 && u < 1)) outside++;
      bins[Math.floor(u * 10)]! += 1;
      return u;
    });
    expect(outside).toBe(0);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
    for (const count of bins) expect(Math.abs(count / N - 0.1)).toBeLessThan(0.004);
  });
});

describe('samplers', () => {
  const rng: Random = createRandom(2025, 'samplers');

  it('uniform and integer stay in range with the right mean', () => {
    expect(moments(() => uniform(rng, 10, 20)).mean).toBeCloseTo(15, 1);
    const seen = new Set<number>();
    const { mean } = moments(() => {
      const k = integer(rng, 1, 6);
      seen.add(k);
      return k;
    });
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(mean).toBeCloseTo(3.5, 1);
  });

  it('normal has the given mean and standard deviation', () => {
    const { mean, variance } = moments(() => normal(rng, 3, 2));
    expect(mean).toBeCloseTo(3, 1);
    expect(Math.sqrt(variance)).toBeCloseTo(2, 1);
  });

  it('gamma has mean kθ and variance kθ², for shapes above and below 1', () => {
    for (const [shape, scale] of [
      [2.5, 4],
      [0.4, 10],
      [12, 0.5],
    ] as const) {
      const { mean, variance } = moments(() => gamma(rng, shape, scale));
      expect(Math.abs(mean / (shape * scale) - 1)).toBeLessThan(0.015);
      expect(Math.abs(variance / (shape * scale * scale) - 1)).toBeLessThan(0.05);
    }
  });

  it('beta has mean a / (a + b) and the matching variance', () => {
    const [a, b] = [0.8, 2.4];
    const { mean, variance } = moments(() => beta(rng, a, b));
    expect(mean).toBeCloseTo(a / (a + b), 2);
    expect(variance).toBeCloseTo((a * b) / ((a + b) ** 2 * (a + b + 1)), 3);
  });

  it('poisson has mean and variance λ, for small and large λ', () => {
    for (const lambda of [0.7, 4, 45, 400]) {
      const { mean, variance } = moments(() => poisson(rng, lambda), 100_000);
      expect(Math.abs(mean / lambda - 1)).toBeLessThan(0.02);
      expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.05);
    }
    expect(poisson(rng, 0)).toBe(0);
  });

  it('exponential has mean 1 / rate; lognormal has mean e^(μ + σ²/2)', () => {
    expect(moments(() => exponential(rng, 0.25)).mean).toBeCloseTo(4, 1);
    const { mean } = moments(() => lognormal(rng, 1, 0.5));
    expect(Math.abs(mean / Math.exp(1 + 0.125) - 1)).toBeLessThan(0.01);
  });

  it('bernoulli, categorical and pick follow their weights', () => {
    expect(moments(() => (bernoulli(rng, 0.3) ? 1 : 0)).mean).toBeCloseTo(0.3, 2);
    const draw = categorical([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < N; i++) counts[draw(rng)]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / N).toBeCloseTo(0.75, 2);
    expect(pick(rng, ['only'])).toBe('only');
    expect(() => categorical([0, 0])).toThrow(/sum to 0/);
  });
});

const PINNED_42 = [3628026472, 3303462273, 923655334];
