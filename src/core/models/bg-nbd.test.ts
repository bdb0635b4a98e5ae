import { describe, expect, it } from 'vitest';
import { readCdnowSummary } from '../../../test/cdnow-fixture';
import { simulatePurchases } from '../../../test/simulate-purchases';
import {
  conditionalExpectedPurchasesBgNbd,
  distinctTimes,
  expectedPurchasesBgNbd,
  expectedPurchasesManyBgNbd,
  fitBgNbd,
  logLikelihoodBgNbd,
  logLikelihoodGradientBgNbd,
  pAliveBgNbd,
} from './bg-nbd';
import { expectAllFinite } from '../../../test/finite';
import { compressSummary } from './summary';

const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('BG/NBD on the CDNOW calibration summary (Fader, Hardie & Lee 2005)', () => {
  const summary = compressSummary(readCdnowSummary());
  const fit = fitBgNbd(summary)!;

  it('reproduces the published parameters and log-likelihood', () => {
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(2357);
    expect(fit.params.r).toBeCloseTo(published.r, 3);
    expect(fit.params.alpha).toBeCloseTo(published.alpha, 3);
    expect(fit.params.a).toBeCloseTo(published.a, 3);
    expect(fit.params.b).toBeCloseTo(published.b, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(logLikelihoodBgNbd(published, summary)).toBeCloseTo(-9582.4, 1);
    expect(fit.aic).toBeCloseTo(2 * 4 + 2 * 9582.43, 1);
    expect(fit.bic).toBeCloseTo(4 * Math.log(2357) + 2 * 9582.43, 1);
  });

  it('gives standard errors matching BTYD / lifetimes on the same data', () => {
    // lifetimes 0.11: r 0.0125, alpha 0.378, a 0.186, b 0.705
    expect(fit.standardErrors.r).toBeCloseTo(0.0126, 3);
    expect(fit.standardErrors.alpha).toBeCloseTo(0.378, 2);
    expect(fit.standardErrors.a).toBeCloseTo(0.186, 2);
    expect(fit.standardErrors.b).toBeCloseTo(0.705, 2);
  });

  it('forecasts E[X(39) | x=2, tx=30.43, T=38.86] = 1.226 (paper, section 5)', () => {
    expect(conditionalExpectedPurchasesBgNbd(fit.params, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
    expect(conditionalExpectedPurchasesBgNbd(published, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
  });

  it('merges identical patterns without changing the likelihood', () => {
    expect(summary.x.length).toBe(1016);
    const rows = readCdnowSummary();
    const one = compressSummary(rows.slice(0, 1));
    const uncompressedLl = rows.reduce(
      (sum, row) => sum + logLikelihoodBgNbd(published, compressSummary([row])),
      0,
    );
    expect(logLikelihoodBgNbd(published, summary)).toBeCloseTo(uncompressedLl, 8);
    expect(one.weight[0]).toBe(1);
  });
});

describe('BG/NBD analytic gradient', () => {
  it('equals central differences of the log-likelihood, also where a and b are huge', () => {
    const summary = compressSummary(readCdnowSummary());
    const points = [published, { r: 2, alpha: 0.5, a: 3, b: 0.2 }, { r: 1.3, alpha: 4.4, a: 2e8, b: 3e9 }];
    for (const at of points) {
      const { value, gradient } = logLikelihoodGradientBgNbd(at, summary);
      expect(value).toBeCloseTo(logLikelihoodBgNbd(at, summary), 8);
      (['r', 'alpha', 'a', 'b'] as const).forEach((name, i) => {
        const h = 1e-5 * at[name];
        const up = logLikelihoodBgNbd({ ...at, [name]: at[name] + h }, summary);
        const down = logLikelihoodBgNbd({ ...at, [name]: at[name] - h }, summary);
        const numeric = (up - down) / (2 * h);
        // 1e-5 relative, or the differences' rounding noise, about 1e-12 |LL| / h
        const noise = (1e-12 * Math.abs(value)) / h;
        expect(Math.abs(gradient[i]! - numeric)).toBeLessThan(1e-5 * Math.abs(numeric) + noise);
      });
    }
    expect(logLikelihoodGradientBgNbd({ ...published, r: 0 }, summary).gradient.every(Number.isNaN)).toBe(
      true,
    );
  });

  it('takes ln(α+T) and ln(α+tx) once per distinct T and tx, with each pattern pointing at its own', () => {
    const summary = {
      x: Float64Array.from([2, 0, 1, 3]),
      tx: Float64Array.from([30.43, 0, 30.43, 12]),
      T: Float64Array.from([38.86, 38.86, 20, 38.86]),
      weight: Float64Array.from([1, 2, 1, 1]),
    };
    const times = distinctTimes(summary);
    expect(Array.from(times.T)).toEqual([38.86, 20]);
    expect(Array.from(times.TIndex)).toEqual([0, 0, 1, 0]);
    expect(Array.from(times.tx)).toEqual([30.43, 0, 12]);
    expect(Array.from(times.txIndex)).toEqual([0, 1, 0, 2]);
    // the value of the likelihood computed pattern by pattern (−26.948188858…)
    const at = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(logLikelihoodGradientBgNbd(at, summary, times).value).toBeCloseTo(
      logLikelihoodBgNbd(at, summary),
      12,
    );
    expect(logLikelihoodBgNbd(at, summary)).toBeCloseTo(-26.948188858, 8);
  });
});

describe('BG/NBD expectations at many spans at once', () => {
  it('equal the one-span function, for ordinary parameters, huge a and b, z above 0.9 and a near 1', () => {
    const ends = Float64Array.from({ length: 12 }, (_, k) => ((k + 1) * 365.25) / 12);
    const cases = [
      { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      { r: 2.33, alpha: 31.8, a: 1.94e8, b: 3.13e9 }, // a posterior of a 1-repeat buyer seen 1 day
      { r: 113, alpha: 1100, a: 1.94e8, b: 3.13e9 + 112 }, // a heavy buyer
      { r: 0.5, alpha: 20, a: 1 + 1e-5, b: 3 }, // the a = 1 bridge
      { r: 5.2, alpha: 400, a: 0.8, b: 7 },
    ];
    for (const params of cases) {
      const many = expectedPurchasesManyBgNbd(params, ends);
      ends.forEach((t, k) => {
        const one = expectedPurchasesBgNbd(params, t);
        expect(Number.isFinite(many[k])).toBe(true);
        expect(Math.abs(many[k]! - one)).toBeLessThan(1e-10 * Math.max(1, one));
      });
    }
    expect(Array.from(expectedPurchasesManyBgNbd(cases[0]!, [0, 39]))).toEqual([
      0,
      expectedPurchasesBgNbd(cases[0]!, 39),
    ]);
  });
});

describe('BG/NBD closed forms', () => {
  it('P(alive) is 1 without repeat purchases and falls with time since the last purchase', () => {
    expect(pAliveBgNbd(published, 0, 0, 38.86)).toBe(1);
    const recent = pAliveBgNbd(published, 2, 38, 38.86);
    const lapsed = pAliveBgNbd(published, 2, 5, 38.86);
    expect(recent).toBeGreaterThan(lapsed);
    // Hand-computed: 1 / (1 + 0.793/3.426 · ((4.414+38.86)/(4.414+30.43))^2.243)
    expect(pAliveBgNbd(published, 2, 30.43, 38.86)).toBeCloseTo(
      1 / (1 + (0.793 / 3.426) * (43.274 / 34.844) ** 2.243),
      12,
    );
  });

  it('E[X(t)] starts at 0, grows, and matches direct numerical integration', () => {
    expect(expectedPurchasesBgNbd(published, 0)).toBe(0);
    expect(expectedPurchasesBgNbd(published, 78)).toBeGreaterThan(expectedPurchasesBgNbd(published, 39));
    // Reference: eq. 7, E[X(t) | λ, p] = (1 − e^(−λpt))/p, averaged over λ in closed form and over p by
    // 25-digit numerical quadrature (mpmath 1.3): no hypergeometric function involved.
    expect(expectedPurchasesBgNbd(published, 39)).toBeCloseTo(1.1967231933208, 11);
    expect(expectedPurchasesBgNbd(published, 78)).toBeCloseTo(1.8605190579428, 11);
  });

  it('is continuous through a = 1, where the closed form has a removable singularity', () => {
    const near = (a: number): number => expectedPurchasesBgNbd({ ...published, a }, 39);
    expect(Number.isFinite(near(1))).toBe(true);
    expect(near(1)).toBeCloseTo((near(1.001) + near(0.999)) / 2, 5);
  });
});

describe('BG/NBD parameter recovery on simulated customers', () => {
  it('recovers known parameters within three standard errors and 12 %', () => {
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const fit = fitBgNbd(compressSummary(simulatePurchases(10_000, truth, 'bg-nbd', 20250101)))!;
    expect(fit.converged).toBe(true);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      const se = fit.standardErrors[name]!;
      expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(3 * se);
      expect(Math.abs(fit.params[name] / truth[name] - 1)).toBeLessThan(0.12);
    }
  });
});

describe('BG/NBD on degenerate data', () => {
  it('returns finite numbers and says it did not converge when nobody bought again', () => {
    const fit = fitBgNbd(
      compressSummary([
        { x: 0, tx: 0, T: 10 },
        { x: 0, tx: 0, T: 20 },
      ]),
    )!;
    expectAllFinite(fit);
    expect(fit.converged).toBe(false);
    expect(fit.message).toMatch(/do not identify/);
  });

  it('returns finite numbers for one customer and null without customers', () => {
    const fit = fitBgNbd(compressSummary([{ x: 3, tx: 8, T: 10 }]))!;
    expectAllFinite(fit);
    expect(fit.customers).toBe(1);
    expect(fitBgNbd(compressSummary([]))).toBeNull();
  });
});

describe('BG/NBD expectations of heavy buyers', () => {
  const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

  it('stay finite when the fit makes a and b huge (the same dropout probability for everyone)', () => {
    // the BG/NBD fit of the 1 M-customer benchmark data (weeks)
    const flat = { r: 1.3337, alpha: 4.4047, a: 3.7146e10, b: 5.9944e11 };
    for (const [x, tx, T] of [
      [23, 112.57, 115.57],
      [0, 0, 0.14],
      [120, 150, 150.1],
    ] as const) {
      for (const t of [4.35, 52]) {
        const expected = conditionalExpectedPurchasesBgNbd(flat, t, x, tx, T);
        const immortal = ((flat.r + x) / (flat.alpha + T)) * t;
        expect(Number.isFinite(expected), `x = ${x}, T = ${T}, t = ${t}`).toBe(true);
        expect(expected).toBeGreaterThanOrEqual(0);
        expect(expected).toBeLessThanOrEqual(immortal);
      }
    }
    // a fixed dropout probability p = a/(a+b): an alive customer's purchases over t are those of a Poisson
    // process stopped by a geometric number of purchases; for a tiny rate they are close to rate · t
    const p = flat.a / (flat.a + flat.b);
    const rate = flat.r / flat.alpha;
    expect(expectedPurchasesBgNbd(flat, 0.01)).toBeCloseTo(rate * 0.01 * (1 - (p * rate * 0.01) / 2), 6);
  });

  it('stay finite for a buyer seen at the end of calibration, below what an immortal one would buy', () => {
    for (const x of [500, 2000]) {
      const expected = conditionalExpectedPurchasesBgNbd(params, 52, x, 38.86, 38.86);
      const immortal = ((params.r + x) / (params.alpha + 38.86)) * 52;
      expect(Number.isFinite(expected), `x = ${x}`).toBe(true);
      expect(expected).toBeGreaterThan(0.3 * immortal);
      expect(expected).toBeLessThan(immortal);
    }
  });
});
