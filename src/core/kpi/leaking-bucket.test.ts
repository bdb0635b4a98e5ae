import { describe, expect, it } from 'vitest';
import { leakingBucket } from './leaking-bucket';

describe('leaking bucket', () => {
  it('doubles in about 14 years with 10 % acquisition and 5 % churn (seed 002)', () => {
    const r = leakingBucket({ acquisition: 0.1, churn: 0.05, years: 20 });
    expect(r.growthFactor).toBeCloseTo(1.05, 12);
    expect(r.doublingYears).toBeCloseTo(Math.log(2) / Math.log(1.05), 12);
    expect(Math.round(r.doublingYears!)).toBe(14);
    expect(r.halvingYears).toBeNull();
    expect(r.sizes[14]!.size).toBeCloseTo(1.05 ** 14, 12);
    expect(r.sizes[14]!.size).toBeGreaterThan(1.97);
    expect(r.sizes).toHaveLength(21);
  });

  it('does not grow with 10 % acquisition and 10 % churn', () => {
    const r = leakingBucket({ acquisition: 0.1, churn: 0.1, years: 10, start: 1_000 });
    expect(r.doublingYears).toBeNull();
    expect(r.halvingYears).toBeNull();
    expect(r.sizes.map((s) => s.size)).toEqual(Array.from({ length: 11 }, () => 1_000));
  });

  it('shrinks and halves when churn exceeds acquisition', () => {
    const r = leakingBucket({ acquisition: 0.05, churn: 0.15, years: 2, start: 100 });
    expect(r.sizes.map((s) => s.size)).toEqual([100, 90, expect.closeTo(81, 9) as number]);
    expect(r.halvingYears).toBeCloseTo(Math.log(2) / -Math.log(0.9), 12);
    expect(leakingBucket({ acquisition: 0, churn: 1, years: 1 }).halvingYears).toBe(1);
  });
});
