import { describe, expect, it } from 'vitest';
import { readCdnowSummary } from '../../../test/cdnow-fixture';
import { expectAllFinite } from '../../../test/finite';
import { expectGradientMatchesDifferences } from '../../../test/gradient';
import { simulatePurchases } from '../../../test/simulate-purchases';
import { conditionalExpectedPurchasesBgNbd } from './bg-nbd';
import {
  conditionalExpectedPurchasesMbgNbd,
  expectedPurchasesMbgNbd,
  fitMbgNbd,
  logLikelihoodGradientMbgNbd,
  logLikelihoodMbgNbd,
  pAliveMbgNbd,
} from './mbg-nbd';
import { compressSummary } from './summary';

const published = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };

describe('MBG/NBD on the CDNOW calibration summary (BTYDplus reference fit)', () => {
  const summary = compressSummary(readCdnowSummary());
  const fit = fitMbgNbd(summary)!;

  it('reproduces the published parameters', () => {
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(published.r, 3);
    expect(fit.params.alpha).toBeCloseTo(published.alpha, 3);
    expect(fit.params.a).toBeCloseTo(published.a, 3);
    expect(fit.params.b).toBeCloseTo(published.b, 3);
    // Slightly better than BG/NBD's −9582.43 on the same data, with the same number of parameters.
    expect(fit.logLikelihood).toBeCloseTo(-9582.13, 2);
    expect(logLikelihoodMbgNbd(published, summary)).toBeCloseTo(fit.logLikelihood, 2);
    expect(Object.values(fit.standardErrors).every((se) => se !== null && se > 0)).toBe(true);
  });
});

describe('MBG/NBD closed forms', () => {
  it('gives customers without repeat purchases P(alive) below 1, unlike BG/NBD', () => {
    // 1 / (1 + a/b · (1 + T/α)^r)
    const expected = 1 / (1 + (0.891 / 1.614) * (1 + 38.86 / 6.183) ** 0.525);
    expect(pAliveMbgNbd(published, 0, 0, 38.86)).toBeCloseTo(expected, 12);
    expect(pAliveMbgNbd(published, 0, 0, 38.86)).toBeLessThan(1);
    expect(pAliveMbgNbd(published, 2, 38, 38.86)).toBeGreaterThan(pAliveMbgNbd(published, 2, 5, 38.86));
  });

  it('E[X(t)] matches direct numerical integration over the dropout probability', () => {
    // (1 − p)(1 − (α/(α+pt))^r)/p averaged over p ~ Beta(a, b) with BG/NBD's a, b, by mpmath quadrature.
    const bgNbdPublished = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(expectedPurchasesMbgNbd(bgNbdPublished, 39)).toBeCloseTo(0.99112653358404, 11);
    expect(expectedPurchasesMbgNbd(published, 0)).toBe(0);
  });

  it('conditional expectations: BG/NBD with b+1 for repeat buyers, scaled by P(alive)', () => {
    const e = conditionalExpectedPurchasesMbgNbd(published, 39, 2, 30.43, 38.86);
    const alive = pAliveMbgNbd(published, 2, 30.43, 38.86);
    const asBgNbd = conditionalExpectedPurchasesBgNbd(
      { ...published, b: published.b + 1 },
      39,
      2,
      30.43,
      38.86,
    );
    const pAliveAsBgNbd = 1 / (1 + (0.891 / (2.614 + 1)) * ((6.183 + 38.86) / (6.183 + 30.43)) ** 2.525);
    expect(e).toBeCloseTo((asBgNbd / pAliveAsBgNbd) * alive, 12);
    expect(e).toBeGreaterThan(conditionalExpectedPurchasesMbgNbd(published, 39, 2, 5, 38.86));
  });
});

describe('MBG/NBD parameter recovery on simulated customers', () => {
  it('recovers known parameters within three standard errors and 15 %', () => {
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const rows = simulatePurchases(10_000, truth, 'mbg-nbd', 20250102, true);
    const fit = fitMbgNbd(compressSummary(rows))!;
    expect(fit.converged).toBe(true);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      const se = fit.standardErrors[name]!;
      expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(3 * se);
      expect(Math.abs(fit.params[name] / truth[name] - 1)).toBeLessThan(0.15);
    }
  });
});

describe('MBG/NBD on degenerate data', () => {
  it('returns finite numbers when nobody bought again, for one customer, and null without customers', () => {
    const none = fitMbgNbd(
      compressSummary([
        { x: 0, tx: 0, T: 10 },
        { x: 0, tx: 0, T: 20 },
      ]),
    )!;
    expectAllFinite(none);
    expect(none.standardErrors).toEqual({ r: null, alpha: null, a: null, b: null });
    expectAllFinite(fitMbgNbd(compressSummary([{ x: 3, tx: 8, T: 10 }])));
    expect(fitMbgNbd(compressSummary([]))).toBeNull();
  });
});

describe('MBG/NBD analytic gradient', () => {
  it('equals central differences of the log-likelihood, also where a and b are huge', () => {
    const summary = compressSummary(readCdnowSummary());
    const points = [published, { r: 2, alpha: 0.5, a: 3, b: 0.2 }, { r: 1.3, alpha: 4.4, a: 2e8, b: 3e9 }];
    for (const at of points)
      expectGradientMatchesDifferences(
        (p) => logLikelihoodMbgNbd(p, summary),
        (p) => logLikelihoodGradientMbgNbd(p, summary),
        at,
        ['r', 'alpha', 'a', 'b'],
      );
    expect(logLikelihoodGradientMbgNbd({ ...published, b: -1 }, summary).gradient.every(Number.isNaN)).toBe(
      true,
    );
  });
});
