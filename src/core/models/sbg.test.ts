import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectGradientMatchesDifferences } from '../../../test/gradient';
import { lnBeta } from '../math/special';
import { bernoulli, beta as betaSample, createRandom, integer } from '../random';
import {
  fitSbgFromLifetimes,
  fitSbgFromSurvival,
  logLikelihoodGradientSbgFromLifetimes,
  logLikelihoodGradientSbgFromSurvival,
  logLikelihoodSbgFromLifetimes,
  logLikelihoodSbgFromSurvival,
  sbgChurnProbability,
  sbgDerl,
  sbgRetentionCurve,
  sbgRetentionRate,
  sbgSurvival,
  sbgSurvivalCurve,
  type SbgLifetime,
  type SbgParams,
} from './sbg';

/** Fader & Hardie (2007): percentage alive in years 0..12, 1,000 customers per segment. */
function survivalTable(): { regular: number[]; highEnd: number[] } {
  const text = readFileSync(
    new URL('../../../test/fixtures/sbg/sbg_fader_hardie_2007_survival.csv', import.meta.url),
    'utf8',
  );
  const rows = text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map(Number));
  // 1,000 customers: percentages with one decimal are whole customer counts
  return {
    regular: rows.map((r) => Math.round(r[1]! * 10)),
    highEnd: rows.map((r) => Math.round(r[2]! * 10)),
  };
}

const REGULAR: SbgParams = { alpha: 0.704, beta: 1.182 };
const HIGH_END: SbgParams = { alpha: 0.668, beta: 3.806 };

describe('sBG', () => {
  it('reproduces the published fits on years 0..7 (Fader & Hardie 2007)', () => {
    const { regular, highEnd } = survivalTable();
    const r = fitSbgFromSurvival(regular.slice(0, 8))!;
    expect(r.converged).toBe(true);
    expect(r.params.alpha).toBeCloseTo(0.704, 3);
    expect(r.params.beta).toBeCloseTo(1.182, 3);
    expect(r.logLikelihood).toBeCloseTo(-1680.3, 1);
    expect(r.customers).toBe(1000);
    const h = fitSbgFromSurvival(highEnd.slice(0, 8))!;
    expect(h.converged).toBe(true);
    expect(h.params.alpha).toBeCloseTo(0.668, 3);
    expect(h.params.beta).toBeCloseTo(3.806, 3);
    expect(h.logLikelihood).toBeCloseTo(-1611.2, 1);
  });

  it('evaluates the likelihood as Σ lost · ln P(T = t) + survivors · ln S(7), with the beta functions', () => {
    const alive = survivalTable().regular.slice(0, 8);
    const { alpha, beta } = REGULAR;
    let expected = alive[7]! * (lnBeta(alpha, beta + 7) - lnBeta(alpha, beta));
    for (let t = 1; t <= 7; t++)
      expected += (alive[t - 1]! - alive[t]!) * (lnBeta(alpha + 1, beta + t - 1) - lnBeta(alpha, beta));
    expect(logLikelihoodSbgFromSurvival(REGULAR, alive)).toBeCloseTo(expected, 9);
    expect(logLikelihoodSbgFromSurvival(REGULAR, alive)).toBeCloseTo(-1680.3, 1);
    expect(logLikelihoodSbgFromSurvival(HIGH_END, survivalTable().highEnd.slice(0, 8))).toBeCloseTo(
      -1611.2,
      1,
    );
  });

  it('gives the same likelihood and fit from individual lifetimes as from the cohort counts', () => {
    const alive = survivalTable().regular.slice(0, 8);
    const lifetimes: SbgLifetime[] = [];
    for (let t = 1; t <= 7; t++)
      lifetimes.push({ periods: t, churned: true, weight: alive[t - 1]! - alive[t]! });
    lifetimes.push({ periods: 7, churned: false, weight: alive[7]! });
    expect(logLikelihoodSbgFromLifetimes(REGULAR, lifetimes)).toBeCloseTo(
      logLikelihoodSbgFromSurvival(REGULAR, alive),
      9,
    );
    const fit = fitSbgFromLifetimes(lifetimes)!;
    expect(fit.params.alpha).toBeCloseTo(0.704, 3);
    expect(fit.params.beta).toBeCloseTo(1.182, 3);
  });

  it('projects survival and retention: P(T = t), S(t) and r(t) agree with the beta functions', () => {
    const { alpha, beta } = REGULAR;
    for (const t of [1, 2, 5, 12]) {
      expect(sbgChurnProbability(REGULAR, t)).toBeCloseTo(
        Math.exp(lnBeta(alpha + 1, beta + t - 1) - lnBeta(alpha, beta)),
        12,
      );
      expect(sbgSurvival(REGULAR, t)).toBeCloseTo(
        Math.exp(lnBeta(alpha, beta + t) - lnBeta(alpha, beta)),
        12,
      );
      expect(sbgRetentionRate(REGULAR, t)).toBeCloseTo(
        sbgSurvival(REGULAR, t) / sbgSurvival(REGULAR, t - 1),
        12,
      );
    }
    const curve = sbgSurvivalCurve(REGULAR, 12);
    expect(curve).toHaveLength(13);
    expect(curve[0]).toBe(1);
    // the paper's projection of year 12 for the regular segment is close to the 17.3 % observed
    expect(Math.abs(curve[12]! * 100 - 17.3)).toBeLessThan(0.5);
    const retention = sbgRetentionCurve(REGULAR, 12);
    expect(retention).toHaveLength(12);
    for (let i = 1; i < retention.length; i++) expect(retention[i]!).toBeGreaterThan(retention[i - 1]!);
  });

  it('computes DERL as the discounted sum of conditional survival', () => {
    for (const n of [0, 1, 4]) {
      const d = 0.1;
      let brute = 0;
      for (let t = n + 1; t < n + 3000; t++)
        brute += (sbgSurvival(REGULAR, t) / sbgSurvival(REGULAR, n)) * (1 + d) ** -(t - n - 1);
      expect(sbgDerl(REGULAR, n, d)).toBeCloseTo(brute, 10);
    }
    // without heterogeneity (α, β → ∞ at θ = 0.2) DERL is the geometric sum (1 − θ)(1 + d) / (d + θ)
    expect(sbgDerl({ alpha: 2e7, beta: 8e7 }, 3, 0.1)).toBeCloseTo((0.8 * 1.1) / 0.3, 4);
    // customers who have renewed more often are worth more (the sorting effect)
    expect(sbgDerl(REGULAR, 5, 0.1)).toBeGreaterThan(sbgDerl(REGULAR, 0, 0.1));
    expect(() => sbgDerl(REGULAR, 0, 0)).toThrow(/discount rate/);
  });

  it('recovers the parameters from simulated, right-censored lifetimes', () => {
    const truth: SbgParams = { alpha: 1.5, beta: 3 };
    const rng = createRandom(7, 'sbg');
    const lifetimes: SbgLifetime[] = [];
    for (let c = 0; c < 5000; c++) {
      const theta = betaSample(rng, truth.alpha, truth.beta);
      const horizon = integer(rng, 1, 10);
      let t = 1;
      while (t <= horizon && !bernoulli(rng, theta)) t++;
      lifetimes.push(t <= horizon ? { periods: t, churned: true } : { periods: horizon, churned: false });
    }
    const fit = fitSbgFromLifetimes(lifetimes)!;
    expect(fit.converged).toBe(true);
    for (const key of ['alpha', 'beta'] as const)
      expect(Math.abs(fit.params[key] - truth[key])).toBeLessThan(3 * fit.standardErrors[key]!);
  });

  it('has no fit but finite figures on degenerate cohorts', () => {
    expect(fitSbgFromSurvival([100, 100, 100])).toBeNull();
    expect(Number.isFinite(logLikelihoodSbgFromSurvival(REGULAR, [100, 100, 100]))).toBe(true);
    expect(fitSbgFromSurvival([100, 0])).toBeNull();
    expect(fitSbgFromLifetimes([{ periods: 3, churned: false }])).toBeNull();
    // one period identifies only the mean churn α / (α + β) = 30 / 100
    const one = fitSbgFromSurvival([100, 70])!;
    expect(one.params.alpha / (one.params.alpha + one.params.beta)).toBeCloseTo(0.3, 4);
    expect(Number.isFinite(one.logLikelihood)).toBe(true);
    expect(one.standardErrors).toEqual({ alpha: null, beta: null });
    expect(Object.values(one.params).every(Number.isFinite)).toBe(true);
    expect(() => fitSbgFromSurvival([100, 110])).toThrow(/non-increasing/);
    expect(() => fitSbgFromSurvival([100])).toThrow(/periods 0..n/);
  });
});

describe('sBG analytic gradient', () => {
  it('equals central differences of the log-likelihood, for survival counts and for lifetimes', () => {
    const { regular, highEnd } = survivalTable();
    const lifetimes: SbgLifetime[] = [
      { periods: 1, churned: true, weight: 30 },
      { periods: 4, churned: true, weight: 12 },
      { periods: 0, churned: false, weight: 5 },
      { periods: 6, churned: false, weight: 40 },
    ];
    for (const at of [REGULAR, HIGH_END, { alpha: 40, beta: 0.05 }]) {
      for (const alive of [regular.slice(0, 8), highEnd])
        expectGradientMatchesDifferences(
          (p) => logLikelihoodSbgFromSurvival(p, alive),
          (p) => logLikelihoodGradientSbgFromSurvival(p, alive),
          at,
          ['alpha', 'beta'],
        );
      expectGradientMatchesDifferences(
        (p) => logLikelihoodSbgFromLifetimes(p, lifetimes),
        (p) => logLikelihoodGradientSbgFromLifetimes(p, lifetimes),
        at,
        ['alpha', 'beta'],
      );
    }
  });
});
