import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectGradientMatchesDifferences } from '../../../test/gradient';
import { bernoulli, beta as betaSample, createRandom } from '../random';
import {
  conditionalExpectedTransactionsBgBb,
  expectedTransactionsBgBb,
  fitBgBb,
  logLikelihoodGradientBgBb,
  logLikelihoodBgBb,
  pAliveBgBb,
  type BgBbParams,
  type BgBbPattern,
  validateBgBb,
} from './bg-bb';

/** Fader, Hardie & Shang (2010), 1995 donor cohort, 6 annual opportunities. */
const PUBLISHED: BgBbParams = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

function donations(): BgBbPattern[] {
  const text = readFileSync(
    new URL('../../../test/fixtures/donations/donations.csv', import.meta.url),
    'utf8',
  );
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [x, tx, n, weight] = line.split(',').map(Number);
      return { x: x!, tx: tx!, n: n!, weight: weight! };
    });
}

/** B(a + k, b + m) / B(a, b) as a product of rising factorials, without any gamma function. */
function betaRatio(a: number, b: number, k: number, m: number): number {
  let v = 1;
  for (let i = 0; i < k; i++) v *= (a + i) / (a + b + i);
  for (let j = 0; j < m; j++) v *= (b + j) / (a + b + k + j);
  return v;
}

/** The paper's eq. (5) written with the products above. */
function likelihoodByProducts(p: BgBbParams, x: number, tx: number, n: number): number {
  let l = betaRatio(p.alpha, p.beta, x, n - x) * betaRatio(p.gamma, p.delta, 0, n);
  for (let i = 0; i < n - tx; i++)
    l += betaRatio(p.alpha, p.beta, x, tx - x + i) * betaRatio(p.gamma, p.delta, 1, tx + i);
  return l;
}

/** Number of 0/1 sequences of length n with x ones, the last one at position tx. */
function sequences(x: number, tx: number): number {
  if (x === 0) return 1;
  let c = 1;
  for (let i = 0; i < x - 1; i++) c = (c * (tx - 1 - i)) / (i + 1);
  return c;
}

describe('BG/BB', () => {
  it('reproduces the published fit on the donation data (Fader, Hardie & Shang 2010)', () => {
    const fit = fitBgBb(donations())!;
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(11104);
    expect(fit.params.alpha).toBeCloseTo(1.204, 3);
    expect(fit.params.beta).toBeCloseTo(0.75, 3);
    expect(fit.params.gamma).toBeCloseTo(0.657, 3);
    expect(fit.params.delta).toBeCloseTo(2.783, 3);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(logLikelihoodBgBb(PUBLISHED, donations()));
  });

  it('equals the likelihood written with rising factorials at the published parameters', () => {
    let expected = 0;
    for (const p of donations())
      expected += p.weight! * Math.log(likelihoodByProducts(PUBLISHED, p.x, p.tx, p.n));
    expect(logLikelihoodBgBb(PUBLISHED, donations())).toBeCloseTo(expected, 6);
    expect(logLikelihoodBgBb(PUBLISHED, donations())).toBeCloseTo(-33225.58, 1);
  });

  it('gives probabilities that sum to 1 over every possible history of n opportunities', () => {
    for (const n of [1, 6, 11]) {
      let total = 0;
      for (let x = 0; x <= n; x++)
        for (let tx = x === 0 ? 0 : x; tx <= (x === 0 ? 0 : n); tx++)
          total += sequences(x, tx) * Math.exp(logLikelihoodBgBb(PUBLISHED, [{ x, tx, n }]));
      expect(total).toBeCloseTo(1, 12);
    }
  });

  it('predicts P(alive) and future transactions consistently', () => {
    const best = { x: 6, tx: 6, n: 6 };
    const lapsed = { x: 1, tx: 1, n: 6 };
    expect(pAliveBgBb(PUBLISHED, best)).toBeGreaterThan(pAliveBgBb(PUBLISHED, lapsed));
    // alive at n + 1 = alive at n times the posterior chance of surviving one more opportunity
    expect(pAliveBgBb(PUBLISHED, best, 1)).toBeLessThan(pAliveBgBb(PUBLISHED, best, 0));
    expect(pAliveBgBb(PUBLISHED, best, 0)).toBeLessThanOrEqual(1);
    // the next n* opportunities add up one by one
    const sum = [1, 2, 3, 4, 5].reduce(
      (s, k) =>
        s +
        conditionalExpectedTransactionsBgBb(PUBLISHED, best, k) -
        conditionalExpectedTransactionsBgBb(PUBLISHED, best, k - 1),
      0,
    );
    expect(sum).toBeCloseTo(conditionalExpectedTransactionsBgBb(PUBLISHED, best, 5), 12);
    // a new customer's expectation over one opportunity: E[p] · E[1 − θ] = α/(α+β) · δ/(γ+δ)
    expect(expectedTransactionsBgBb(PUBLISHED, 1)).toBeCloseTo((1.204 / 1.954) * (2.783 / 3.44), 12);
    // a customer with no history is a new customer: (0, 0, 0) forecasts the population mean
    expect(conditionalExpectedTransactionsBgBb(PUBLISHED, { x: 0, tx: 0, n: 0 }, 5)).toBeCloseTo(
      expectedTransactionsBgBb(PUBLISHED, 5),
      12,
    );
    // γ = 1 needs no special case
    expect(Number.isFinite(expectedTransactionsBgBb({ ...PUBLISHED, gamma: 1 }, 10))).toBe(true);
  });

  it('recovers the parameters of simulated customers', () => {
    const truth: BgBbParams = { alpha: 1.5, beta: 1, gamma: 0.8, delta: 3 };
    const rng = createRandom(11, 'bg-bb');
    const counts = new Map<string, BgBbPattern>();
    for (let c = 0; c < 20000; c++) {
      const p = betaSample(rng, truth.alpha, truth.beta);
      const theta = betaSample(rng, truth.gamma, truth.delta);
      let x = 0;
      let tx = 0;
      for (let t = 1; t <= 8; t++) {
        // a customer may become inactive at the start of each opportunity, then transacts with p
        if (bernoulli(rng, theta)) break;
        if (bernoulli(rng, p)) {
          x++;
          tx = t;
        }
      }
      const key = `${x}|${tx}`;
      const seen = counts.get(key);
      if (seen) seen.weight! += 1;
      else counts.set(key, { x, tx, n: 8, weight: 1 });
    }
    const fit = fitBgBb([...counts.values()])!;
    expect(fit.converged).toBe(true);
    for (const key of ['alpha', 'beta', 'gamma', 'delta'] as const)
      expect(Math.abs(fit.params[key] - truth[key])).toBeLessThan(3 * fit.standardErrors[key]!);
  });

  it('has no fit but finite figures when nobody transacted, and rejects impossible patterns', () => {
    const none = [{ x: 0, tx: 0, n: 6, weight: 100 }];
    expect(fitBgBb(none)).toBeNull();
    expect(fitBgBb([])).toBeNull();
    expect(Number.isFinite(logLikelihoodBgBb(PUBLISHED, none))).toBe(true);
    expect(pAliveBgBb(PUBLISHED, none[0]!)).toBeGreaterThan(0);
    expect(() => logLikelihoodBgBb(PUBLISHED, [{ x: 3, tx: 2, n: 6 }])).toThrow(/pattern 1/);
    expect(() => logLikelihoodBgBb(PUBLISHED, [{ x: 1, tx: 7, n: 6 }])).toThrow(/tx ≤ n/);
  });
});

describe('BG/BB analytic gradient', () => {
  it('equals central differences of the log-likelihood', () => {
    const patterns = donations();
    const points: BgBbParams[] = [
      PUBLISHED,
      { alpha: 0.3, beta: 4, gamma: 2.5, delta: 0.4 },
      { alpha: 7, beta: 0.2, gamma: 0.1, delta: 30 },
    ];
    for (const at of points)
      expectGradientMatchesDifferences(
        (p) => logLikelihoodBgBb(p, patterns),
        (p) => logLikelihoodGradientBgBb(p, patterns),
        at,
        ['alpha', 'beta', 'gamma', 'delta'],
      );
  });
});

describe('BG/BB holdout validation', () => {
  /** E[transactions in the next k | x, tx, n] by the products of the test above, without beta functions. */
  function expectedByProducts(p: BgBbParams, x: number, tx: number, n: number, k: number): number {
    let alive = 0;
    for (let j = 1; j <= k; j++) alive += betaRatio(p.gamma, p.delta, 0, n + j);
    return (betaRatio(p.alpha, p.beta, x + 1, n - x) * alive) / likelihoodByProducts(p, x, tx, n);
  }

  it('gives MAE, RMSE, groups and the expected tracking curve of weighted patterns', () => {
    const patterns = [
      { x: 0, tx: 0, n: 6, weight: 3, holdout: 0 },
      { x: 6, tx: 6, n: 6, weight: 1, holdout: 5 },
      { x: 2, tx: 3, n: 6, weight: 2, holdout: 1 },
      { x: 1, tx: 1, n: 6, weight: 0, holdout: 4 },
    ];
    const v = validateBgBb(PUBLISHED, patterns, 5, 2);
    const e = patterns.map((p) => expectedByProducts(PUBLISHED, p.x, p.tx, p.n, 5));
    expect(v.customers).toBe(6);
    expect(v.holdoutActual).toBe(7);
    expect(v.holdoutPredicted).toBeCloseTo(3 * e[0]! + e[1]! + 2 * e[2]!, 10);
    expect(v.mae).toBeCloseTo((3 * e[0]! + Math.abs(e[1]! - 5) + 2 * Math.abs(e[2]! - 1)) / 6, 10);
    expect(v.rmse).toBeCloseTo(Math.sqrt((3 * e[0]! ** 2 + (e[1]! - 5) ** 2 + 2 * (e[2]! - 1) ** 2) / 6), 10);
    // groups 0, 1 and "2+" (the weight-0 pattern adds nobody)
    expect(v.byFrequency.map((g) => [g.x, g.customers, g.actual])).toEqual([
      ['0', 3, 0],
      ['2+', 3, 7 / 3],
    ]);
    expect(v.byFrequency[1]!.predicted).toBeCloseTo((e[1]! + 2 * e[2]!) / 3, 10);
    expect(v.tracking.map((t) => t.opportunity)).toEqual([1, 2, 3, 4, 5]);
    expect(v.tracking[0]!.expected).toBeCloseTo(
      3 * expectedByProducts(PUBLISHED, 0, 0, 6, 1) +
        expectedByProducts(PUBLISHED, 6, 6, 6, 1) +
        2 * expectedByProducts(PUBLISHED, 2, 3, 6, 1),
      10,
    );
    expect(v.tracking[4]!.expected).toBeCloseTo(v.holdoutPredicted, 10);
  });

  it('refuses a holdout count above the holdout opportunities, naming the pattern', () => {
    expect(() => validateBgBb(PUBLISHED, [{ x: 1, tx: 2, n: 6, holdout: 6 }], 5)).toThrow(
      'pattern 1: holdout 6 is not a number of transactions from 0 to 5 (the holdout opportunities)',
    );
  });
});
