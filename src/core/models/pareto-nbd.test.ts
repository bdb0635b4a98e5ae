import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectGradientMatchesDifferences } from '../../../test/gradient';
import { createRandom, exponential, gamma } from '../random';
import {
  conditionalExpectedPurchasesParetoNbd,
  expectedPurchasesParetoNbd,
  fitParetoNbd,
  logLikelihoodGradientParetoNbd,
  logLikelihoodParetoNbd,
  pAliveParetoNbd,
  type ParetoNbdParams,
} from './pareto-nbd';
import { compressSummary, type SummaryRow } from './summary';

/** Fader, Hardie & Lee (2005), CDNOW 1/10 sample, weeks. */
const PUBLISHED: ParetoNbdParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

function cdnowRows(): SummaryRow[] {
  const text = readFileSync(
    new URL('../../../test/fixtures/cdnow/cdnow_customers_summary.csv', import.meta.url),
    'utf8',
  );
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [, x, tx, T] = line.split(',').map(Number);
      return { x: x!, tx: tx!, T: T! };
    });
}

/**
 * Nodes and normalised weights for E[h(λ)] with λ ~ Gamma(shape, rate), by Simpson's rule on u = λ^shape
 * (which removes the density's singularity at 0 when shape < 1): the weight is exp(−rate · λ) in u.
 */
function gammaQuadrature(shape: number, rate: number, n: number): { at: number[]; weight: number[] } {
  const upper = (60 / rate) ** shape;
  const h = upper / n;
  const at: number[] = [];
  const weight: number[] = [];
  let total = 0;
  for (let i = 0; i <= n; i++) {
    const lambda = (i * h) ** (1 / shape);
    const w = (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * Math.exp(-rate * lambda);
    at.push(lambda);
    weight.push(w);
    total += w;
  }
  return { at, weight: weight.map((w) => w / total) };
}

/**
 * Brute force: the individual likelihood λ^x e^{−(λ+μ)T} + λ^x μ/(λ+μ) (e^{−(λ+μ)tx} − e^{−(λ+μ)T}) averaged over
 * the two gamma distributions by a 2-D quadrature, with P(alive) and E[Y(t)] from the same integrals.
 */
function bruteForce(p: ParetoNbdParams, x: number, tx: number, T: number, t: number) {
  const n = 2000;
  const lam = gammaQuadrature(p.r, p.alpha, n);
  const mu = gammaQuadrature(p.s, p.beta, n);
  let total = 0;
  let alive = 0;
  let future = 0;
  for (let i = 0; i <= n; i++) {
    const l = lam.at[i]!;
    const wl = lam.weight[i]!;
    const lx = l ** x;
    for (let j = 0; j <= n; j++) {
      const m = mu.at[j]!;
      const w = wl * mu.weight[j]!;
      const k = l + m;
      const a = lx * Math.exp(-k * T);
      const d = k > 0 ? ((lx * m) / k) * (Math.exp(-k * tx) - Math.exp(-k * T)) : 0;
      total += w * (a + d);
      alive += w * a;
      // an alive customer buys λ/μ (1 − e^{−μt}) in expectation over the next t
      future += w * a * (m > 0 ? (l / m) * -Math.expm1(-m * t) : l * t);
    }
  }
  return { logLikelihood: Math.log(total), pAlive: alive / total, expected: future / total };
}

describe('Pareto/NBD', () => {
  it('has the published log-likelihood at the published CDNOW parameters', () => {
    const ll = logLikelihoodParetoNbd(PUBLISHED, compressSummary(cdnowRows()));
    expect(ll).toBeCloseTo(-9595.0, 1);
  });

  it('matches a brute-force integral over λ and μ for single customers', () => {
    for (const [x, tx, T] of [
      [2, 30.43, 38.86],
      [0, 0, 38.86],
      [7, 20, 30],
    ] as const) {
      const exact = bruteForce(PUBLISHED, x, tx, T, 39);
      expect(logLikelihoodParetoNbd(PUBLISHED, compressSummary([{ x, tx, T }]))).toBeCloseTo(
        exact.logLikelihood,
        6,
      );
      expect(pAliveParetoNbd(PUBLISHED, x, tx, T)).toBeCloseTo(exact.pAlive, 6);
      const expected = conditionalExpectedPurchasesParetoNbd(PUBLISHED, 39, x, tx, T);
      expect(Math.abs(expected / exact.expected - 1)).toBeLessThan(1e-6);
    }
  });

  it('reproduces the published CDNOW fit (Fader, Hardie & Lee 2005)', () => {
    const fit = fitParetoNbd(compressSummary(cdnowRows()))!;
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(2357);
    // β is the least determined parameter (standard error ≈ 6): published to 5 digits, matched to 1e-3 relative
    for (const key of ['r', 'alpha', 's', 'beta'] as const)
      expect(Math.abs(fit.params[key] / PUBLISHED[key] - 1)).toBeLessThan(1e-3);
    expect(fit.params.r).toBeCloseTo(0.553, 3);
    expect(fit.params.s).toBeCloseTo(0.606, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9595.0, 1);
    expect(fit.aic).toBeCloseTo(8 - 2 * fit.logLikelihood, 9);
    for (const key of ['r', 'alpha', 's', 'beta'] as const)
      expect(fit.standardErrors[key]).toBeGreaterThan(0);
  });

  it('has P(alive) = 1 after a purchase at the end of observation, and falls with the time since the last one', () => {
    expect(pAliveParetoNbd(PUBLISHED, 3, 20, 20)).toBe(1);
    const recent = pAliveParetoNbd(PUBLISHED, 3, 35, 38);
    const old = pAliveParetoNbd(PUBLISHED, 3, 5, 38);
    expect(recent).toBeGreaterThan(old);
    expect(old).toBeGreaterThan(0);
  });

  it('switches continuously to quadrature when one rate parameter is a million times the other', () => {
    const summary = compressSummary([
      { x: 0, tx: 0, T: 30 },
      { x: 3, tx: 5, T: 30 },
    ]);
    // the switch is at min(α, β) / max(α, β) = 1e-6 for tx = 0
    for (const swap of [false, true]) {
      const at = (ratio: number): number => {
        const [alpha, beta] = swap ? [10, 10 / ratio] : [10 / ratio, 10];
        return logLikelihoodParetoNbd({ r: 0.5, alpha, s: 0.7, beta }, summary);
      };
      expect(at(1.0000001e-6)).toBeCloseTo(at(0.9999999e-6), 5);
    }
  });

  it('expects r/α · t purchases from a new customer over a short span, continuous through s = 1', () => {
    expect(expectedPurchasesParetoNbd(PUBLISHED, 1e-6) / 1e-6).toBeCloseTo(PUBLISHED.r / PUBLISHED.alpha, 6);
    expect(expectedPurchasesParetoNbd(PUBLISHED, 0)).toBe(0);
    const at = (s: number): number => expectedPurchasesParetoNbd({ ...PUBLISHED, s }, 52);
    expect(at(1)).toBeCloseTo(
      (PUBLISHED.r * PUBLISHED.beta * Math.log((PUBLISHED.beta + 52) / PUBLISHED.beta)) / PUBLISHED.alpha,
      12,
    );
    expect(at(1 + 1e-9)).toBeCloseTo(at(1), 8);
    expect(at(1 - 1e-9)).toBeCloseTo(at(1), 8);
    const conditional = (s: number): number =>
      conditionalExpectedPurchasesParetoNbd({ ...PUBLISHED, s }, 52, 4, 30, 38);
    expect(conditional(1 + 1e-9)).toBeCloseTo(conditional(1), 8);
  });

  it('recovers the parameters of simulated customers', () => {
    const truth: ParetoNbdParams = { r: 0.8, alpha: 8, s: 0.5, beta: 12 };
    const rng = createRandom(20240501, 'pareto-nbd');
    const rows: SummaryRow[] = [];
    for (let c = 0; c < 4000; c++) {
      const T = 26 + (c % 14);
      const lambda = gamma(rng, truth.r, 1 / truth.alpha);
      const mu = gamma(rng, truth.s, 1 / truth.beta);
      const end = Math.min(T, exponential(rng, mu));
      let x = 0;
      let tx = 0;
      for (let time = exponential(rng, lambda); time < end; time += exponential(rng, lambda)) {
        x++;
        tx = time;
      }
      rows.push({ x, tx, T });
    }
    const fit = fitParetoNbd(compressSummary(rows))!;
    expect(fit.converged).toBe(true);
    for (const key of ['r', 'alpha', 's', 'beta'] as const) {
      const se = fit.standardErrors[key]!;
      expect(Math.abs(fit.params[key] - truth[key])).toBeLessThan(3 * se);
    }
  });

  it('stays finite on degenerate data: nobody buys again, very long histories', () => {
    const none = compressSummary([
      { x: 0, tx: 0, T: 10 },
      { x: 0, tx: 0, T: 30, weight: 5 },
    ]);
    expect(Number.isFinite(logLikelihoodParetoNbd(PUBLISHED, none))).toBe(true);
    // the likelihood of "no repeat purchase" is a probability: the fit runs towards LL = 0, never above it
    const fit = fitParetoNbd(none)!;
    expect(Object.values(fit.params).every(Number.isFinite)).toBe(true);
    expect(fit.logLikelihood).toBeLessThan(1e-9);
    expect(fit.logLikelihood).toBeGreaterThan(-1e-3);
    const long = compressSummary([
      { x: 2000, tx: 99_000, T: 100_000 },
      { x: 0, tx: 0, T: 100_000 },
      { x: 5, tx: 100_000, T: 100_000 },
    ]);
    expect(Number.isFinite(logLikelihoodParetoNbd(PUBLISHED, long))).toBe(true);
    const p = pAliveParetoNbd(PUBLISHED, 2000, 99_000, 100_000);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
    expect(Number.isFinite(conditionalExpectedPurchasesParetoNbd(PUBLISHED, 52, 2000, 99_000, 100_000))).toBe(
      true,
    );
    expect(fitParetoNbd(compressSummary([]))).toBeNull();
  });
});

describe('Pareto/NBD analytic gradient', () => {
  it('equals central differences of the log-likelihood on either side of α = β and for heavy buyers', () => {
    const summary = compressSummary(cdnowRows());
    const heavy = compressSummary([
      { x: 40, tx: 30, T: 39 },
      { x: 120, tx: 38.5, T: 39 },
      { x: 0, tx: 0, T: 20 },
      { x: 3, tx: 2, T: 39 },
    ]);
    const points: ParetoNbdParams[] = [
      PUBLISHED,
      { r: 0.553, alpha: 10.578, s: 0.606, beta: 10.578 },
      { r: 2, alpha: 1.5, s: 0.3, beta: 40 },
      { r: 0.4, alpha: 60, s: 1.7, beta: 2 },
    ];
    for (const data of [summary, heavy])
      for (const at of points)
        expectGradientMatchesDifferences(
          (p) => logLikelihoodParetoNbd(p, data),
          (p) => logLikelihoodGradientParetoNbd(p, data),
          at,
          ['r', 'alpha', 's', 'beta'],
        );
  });

  it('leaves the gradient to differences (NaN) where one rate parameter is a thousand times the other', () => {
    const summary = compressSummary([{ x: 2, tx: 1, T: 39 }]);
    const { value, gradient } = logLikelihoodGradientParetoNbd({ r: 1, alpha: 5000, s: 1, beta: 1 }, summary);
    expect(Number.isFinite(value)).toBe(true);
    expect(gradient.every(Number.isNaN)).toBe(true);
  });
});
