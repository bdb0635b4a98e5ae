import { describe, expect, it } from 'vitest';
import { digamma, hyp2f1, lnBeta, lnGamma, logAddExp, logSumExp } from './special';

/** Relative difference, so checks on values of any size read the same. */
const rel = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

describe('lnGamma, lnBeta, digamma', () => {
  it('matches exact values', () => {
    expect(lnGamma(1)).toBe(0);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(lnGamma(0)).toBe(Infinity);
    expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
    expect(lnBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 13);
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 13);
    expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.LN2, 13);
  });
});

describe('logSumExp', () => {
  it('adds in log space without overflow or underflow', () => {
    expect(logSumExp([Math.log(2), Math.log(3)])).toBeCloseTo(Math.log(5), 14);
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp([-1000, -1000])).toBeCloseTo(-1000 + Math.LN2, 12);
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
    expect(logAddExp(-Infinity, -Infinity)).toBe(-Infinity);
  });
});

describe('hyp2f1', () => {
  it('matches closed forms', () => {
    for (const z of [-0.9, -0.3, 0.1, 0.5, 0.9, 0.95, 0.999]) {
      // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z
      expect(rel(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-12);
      // ₂F₁(a, b; b; z) = (1 − z)^(−a)
      expect(rel(hyp2f1(0.7, 2.3, 2.3, z), (1 - z) ** -0.7)).toBeLessThan(1e-12);
    }
    for (const y of [0.2, 0.7, 0.97, 0.9995]) {
      // ₂F₁(½, ½; 3/2; y²) = arcsin(y)/y and ₂F₁(½, 1; 3/2; −y²) = arctan(y)/y
      expect(rel(hyp2f1(0.5, 0.5, 1.5, y * y), Math.asin(y) / y)).toBeLessThan(1e-12);
      expect(rel(hyp2f1(0.5, 1, 1.5, -y * y), Math.atan(y) / y)).toBeLessThan(1e-12);
    }
  });

  it('matches 30-digit reference values (mpmath 1.3) on series, transformed and near-integer branches', () => {
    const cases: [number, number, number, number, number][] = [
      [0.243, 2.426, 2.219, 0.5, 1.2070970070440423],
      [0.243, 2.426, 2.219, 0.95, 2.4461866770309917],
      [0.243, 2.426, 2.219, 0.999, 11.096504288680494],
      [2.243, 4.426, 4.219, 0.4703, 4.4990951526859675],
      [1.5, 2.5, 4.0, 0.99, 14.520358060671331], // c − a − b = 0
      [1.5, 2.5, 4.0, 0.92, 6.1980529943277816],
      [1.25, 1.75, 3.0, 0.97, 6.0895490833948198],
      [0.5, 0.5, 1.5, -3.0, 0.76034599630094635],
      [3.0, -2.0, 1.5, 0.7, -0.232], // a polynomial
      [2.5, 3.0, 1.2, 0.95, 1159457.8490990214],
      [0.3, 0.4, 0.7, 0.9999, 2.7620675330148106],
      [29.5, 31.4, 33.2, 0.3, 20781.568754981017],
      [10.2, 12.5, 13.1, 0.93, 141602012954.85526],
    ];
    for (const [a, b, c, z, want] of cases) expect(rel(hyp2f1(a, b, c, z), want)).toBeLessThan(1e-11);
  });

  it('is continuous across the series/transformation switch at z = 0.9', () => {
    const below = hyp2f1(0.243, 2.426, 2.219, 0.9 - 1e-12);
    const above = hyp2f1(0.243, 2.426, 2.219, 0.9 + 1e-12);
    expect(rel(above, below)).toBeLessThan(1e-11);
  });

  it('applies Gauss’s theorem at z = 1 and returns NaN outside the domain', () => {
    // ₂F₁(1, 1; 3; 1) = Γ(3)Γ(1)/(Γ(2)Γ(2)) = 2
    expect(hyp2f1(1, 1, 3, 1)).toBeCloseTo(2, 12);
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN(); // diverges
    expect(hyp2f1(1, 1, 2, 1.5)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN(); // c a pole
    expect(hyp2f1(1, 1, 2, 0)).toBe(1);
  });
});
