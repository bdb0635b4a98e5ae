import { describe, expect, it } from 'vitest';
import { readCdnowSpend } from '../../../test/cdnow-fixture';
import { expectAllFinite } from '../../../test/finite';
import { lnGamma } from '../math/special';
import { createRandom, gamma, poisson } from '../random';
import {
  conditionalExpectedSpendGammaGamma,
  fitGammaGamma,
  logLikelihoodGammaGamma,
  logLikelihoodGradientGammaGamma,
  meanSpendGammaGamma,
  Q_LIMIT,
  spendSummary,
} from './gamma-gamma';

const published = { p: 6.25, q: 3.74, gamma: 15.44 };
const rel = (got: number, want: number): number => Math.abs(got / want - 1);

describe('Gamma-Gamma on the CDNOW repeat buyers (Fader & Hardie 2013, note 025)', () => {
  const data = spendSummary(readCdnowSpend());
  const fit = fitGammaGamma(data)!;

  it('fits the 946 customers with repeat purchases', () => {
    expect(data.x.length).toBe(946);
    expect(fit.customers).toBe(946);
  });

  it('reproduces the published parameters to 0.1 % and the log-likelihood to 0.01', () => {
    expect(fit.converged).toBe(true);
    // Our maximum is p 6.2488, q 3.7446, γ 15.448 (lifetimes finds the same); the note prints 6.25, 3.74, 15.44.
    expect(rel(fit.params.p, published.p)).toBeLessThan(1e-3);
    expect(rel(fit.params.q, published.q)).toBeLessThan(2e-3);
    expect(rel(fit.params.gamma, published.gamma)).toBeLessThan(1e-3);
    expect(fit.logLikelihood).toBeCloseTo(-4055.92, 2);
    expect(logLikelihoodGammaGamma(published, data)).toBeLessThan(fit.logLikelihood);
  });

  it('shrinks a customer’s mean towards the population mean', () => {
    // Population mean pγ/(q − 1) = 6.25 · 15.44 / 2.74
    expect(meanSpendGammaGamma(published)).toBeCloseTo((6.25 * 15.44) / 2.74, 10);
    // Hand-computed: 6.25 · (15.44 + 2 · 22.35) / (6.25 · 2 + 3.74 − 1)
    const e = conditionalExpectedSpendGammaGamma(published, 2, 22.35)!;
    expect(e).toBeCloseTo((6.25 * (15.44 + 44.7)) / 15.24, 10);
    expect(e).toBeGreaterThan(22.35); // 22.35 is below the population mean 35.2, so it is pulled up
    expect(conditionalExpectedSpendGammaGamma(published, 0, 0)).toBe(meanSpendGammaGamma(published));
  });

  it('returns null where the mean spend does not exist (q ≤ 1)', () => {
    expect(meanSpendGammaGamma({ p: 2, q: 0.9, gamma: 10 })).toBeNull();
    expect(conditionalExpectedSpendGammaGamma({ p: 2, q: 0.9, gamma: 10 }, 0, 0)).toBeNull();
    expect(conditionalExpectedSpendGammaGamma({ p: 0.01, q: 0.5, gamma: 10 }, 1, 5)).toBeNull();
  });
});

describe('Gamma-Gamma parameter recovery on simulated spend', () => {
  it('recovers known parameters within three standard errors and the mean spend within 3 %', () => {
    const truth = { p: 6, q: 4, gamma: 15 };
    const rng = createRandom(20250103, 'gamma-gamma');
    const rows = Array.from({ length: 5_000 }, () => {
      const nu = gamma(rng, truth.q, 1 / truth.gamma);
      const x = 1 + poisson(rng, 3);
      let total = 0;
      for (let k = 0; k < x; k++) total += gamma(rng, truth.p, 1 / nu);
      return { x, mbar: total / x };
    });
    const fit = fitGammaGamma(spendSummary(rows))!;
    expect(fit.converged).toBe(true);
    for (const name of ['p', 'q', 'gamma'] as const) {
      expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(3 * fit.standardErrors[name]!);
      // p and γ trade off against each other (their product sets the scale), so each alone is loose.
      expect(rel(fit.params[name], truth[name])).toBeLessThan(0.3);
    }
    // What CLV uses, the mean value of a transaction pγ/(q − 1) = 30, is pinned down tightly.
    expect(rel(meanSpendGammaGamma(fit.params)!, 30)).toBeLessThan(0.03);
  });
});

describe('Gamma-Gamma on degenerate data', () => {
  it('returns finite numbers for one customer and null without repeat buyers', () => {
    expectAllFinite(fitGammaGamma(spendSummary([{ x: 2, mbar: 30 }])));
    expect(fitGammaGamma(spendSummary([{ x: 0, mbar: 0 }]))).toBeNull();
  });

  it('rejects malformed rows with a message naming the row', () => {
    expect(() =>
      spendSummary([
        { x: 1, mbar: 5 },
        { x: 1, mbar: Number.NaN },
      ]),
    ).toThrow(/spend row 2/);
  });
});

describe('Gamma-Gamma gradient and large q', () => {
  const data = spendSummary(readCdnowSpend());

  it('has an analytic gradient equal to central differences of the log-likelihood', () => {
    for (const at of [published, { p: 0.5, q: 40, gamma: 900 }, { p: 3, q: 1e7, gamma: 2e8 }]) {
      const { value, gradient } = logLikelihoodGradientGammaGamma(at, data);
      expect(value).toBeCloseTo(logLikelihoodGammaGamma(at, data), 9);
      (['p', 'q', 'gamma'] as const).forEach((name, i) => {
        const h = 1e-6 * at[name];
        const up = logLikelihoodGammaGamma({ ...at, [name]: at[name] + h }, data);
        const down = logLikelihoodGammaGamma({ ...at, [name]: at[name] - h }, data);
        const numeric = (up - down) / (2 * h);
        expect(Math.abs(gradient[i]! - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
      });
    }
  });

  it('stays smooth along q, γ → ∞ with q/γ fixed (no cancellation of terms of size q ln γ)', () => {
    // At q = 1e12 the ln Γ form loses every digit (q ln γ ≈ 3e13 per customer); the stable form moves
    // by less than 1e-6 between 1e10 and 1e12, as its limit (x·mbar ~ Gamma(px, ν)) demands.
    const nu = 0.05;
    const ll = (q: number): number => logLikelihoodGammaGamma({ p: 2, q, gamma: q / nu }, data);
    let limit = 0;
    for (let i = 0; i < data.x.length; i++) {
      const px = 2 * data.x[i]!;
      const m = data.mbar[i]!;
      limit += px * Math.log(data.x[i]! * nu) - lnGamma(px) + (px - 1) * Math.log(m) - data.x[i]! * nu * m;
    }
    expect(Math.abs(ll(1e12) - ll(1e10))).toBeLessThan(1e-3);
    expect(ll(1e12)).toBeCloseTo(limit, 5);
  });

  it('reports the limit q → ∞ when customers differ in spend less than the model allows: p/ν for all', () => {
    // Mean spend 80 for everyone, and a customer's mean varies as 40/x (variance 1600/x²): less than even
    // identical customers would show (variance ∝ 1/x), so the likelihood peaks at no heterogeneity, q → ∞.
    const rng = createRandom(11, 'gamma-gamma-limit');
    const rows = Array.from({ length: 4_000 }, () => {
      const x = 1 + poisson(rng, 4);
      return { x, mbar: gamma(rng, 4 * x * x, 20 / x) / x };
    });
    const fit = fitGammaGamma(spendSummary(rows))!;
    expectAllFinite(fit);
    expect(fit.converged).toBe(true);
    expect(fit.params.q).toBe(Q_LIMIT);
    expect(fit.standardErrors.q).toBeNull();
    expect(fit.message).toMatch(/limit q → ∞/);
    expect(fit.standardErrors.p).toBeGreaterThan(0);
    const mean = fit.params.p / (fit.params.q / fit.params.gamma);
    expect(rel(mean, 80)).toBeLessThan(0.02);
    // a customer's own history no longer moves their expected spend
    expect(conditionalExpectedSpendGammaGamma(fit.params, 10, 200)).toBeCloseTo(mean, 4);
    expect(meanSpendGammaGamma(fit.params)).toBeCloseTo(mean, 4);
  });
});
