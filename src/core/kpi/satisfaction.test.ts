import { describe, expect, it } from 'vitest';
import { ces, csat, csatChange, satisfactionIndex, wilsonInterval } from './satisfaction';
import { meanChange, proportionChange } from './change-test';
import { renderMessages } from '../messages/catalogue';

describe('CSAT', () => {
  it('counts 4–5 of 5 as satisfied with a Wilson interval', () => {
    // 10 answers, 8 are 4 or 5: share 0.8. Wilson, z = 1.96, z² = 3.8416:
    // denominator 1 + 0.38416 = 1.38416; centre (0.8 + 0.19208) / 1.38416 = 0.716738;
    // half 1.96 × √(0.016 + 0.009604) / 1.38416 = 0.226581 → [0.490157, 0.943319].
    // Mean (5+5+5+4+4+4+4+4+2+1) / 10 = 3.8 → index 100 × 2.8 / 4 = 70.
    const r = csat([5, 5, 5, 4, 4, 4, 4, 4, 2, 1]);
    expect([r.n, r.satisfied, r.share]).toEqual([10, 8, 0.8]);
    expect(r.interval!.low).toBeCloseTo(0.490157, 5);
    expect(r.interval!.high).toBeCloseTo(0.943319, 5);
    expect(r.mean).toBeCloseTo(3.8, 12);
    expect(r.index).toBeCloseTo(70, 12);
  });

  it('offers the normal interval, clamped to 0–1, and another threshold', () => {
    // p ± 1.96 √(0.8 × 0.2 / 10) = 0.8 ± 0.247923 → [0.552077, 1.047923] clamped to 1
    const r = csat([5, 5, 5, 4, 4, 4, 4, 4, 2, 1], { interval: 'normal' });
    expect(r.interval!.low).toBeCloseTo(0.552077, 5);
    expect(r.interval!.high).toBe(1);
    expect(csat([5, 5, 4, 3], { satisfiedFrom: 5 }).share).toBe(0.5);
    // Wilson at 100 %: stays inside 0–1 and is not a zero-width interval
    const all = wilsonInterval(5, 5)!;
    expect(all.high).toBe(1);
    expect(all.low).toBeLessThan(1);
  });

  it('is null without answers and refuses scores outside 1–5', () => {
    const r = csat([]);
    expect([r.share, r.interval, r.mean, r.index]).toEqual([null, null, null, null]);
    expect(() => csat([0])).toThrow(/CSAT score 0 is not an integer from 1 to 5/);
  });

  it('rescales the 1–5 mean to the 0–100 index', () => {
    expect(satisfactionIndex(1)).toBe(0);
    expect(satisfactionIndex(5)).toBe(100);
    expect(satisfactionIndex(4.2)).toBeCloseTo(80, 12);
  });

  it('tests a change with the pooled two-proportion z-test', () => {
    // 80 of 100 → 90 of 100: pooled 0.85, SE = √(0.85 × 0.15 × 0.02) = 0.0504975,
    // z = 0.1 / 0.0504975 = 1.98030, p = 0.04767 → significant at 5 %.
    const t = proportionChange(80, 100, 90, 100);
    expect(t.difference).toBeCloseTo(0.1, 12);
    expect(t.standardError).toBeCloseTo(0.0504975, 6);
    expect(t.z).toBeCloseTo(1.9803, 4);
    expect(t.pValue).toBeCloseTo(0.04767, 4);
    expect(t.significant).toBe(true);
    const small = csatChange(csat([5, 4, 2]), csat([5, 5, 4]));
    expect(small.significant).toBe(false);
    expect(proportionChange(0, 0, 3, 4).z).toBeNull();
  });
});

describe('CES', () => {
  it('gives the mean effort with its interval and the low-effort share (≤ 3)', () => {
    // 1, 2, 2, 3, 5, 6: mean 19 / 6 = 3.1667; Σ(x − x̄)² = 18.8333, s = √(18.8333 / 5) = 1.94079;
    // half-width 1.96 × 1.94079 / √6 = 1.55296. Low effort (≤ 3): 4 of 6.
    const r = ces([1, 2, 2, 3, 5, 6]);
    expect(r.mean).toBeCloseTo(19 / 6, 12);
    expect(r.interval!.low).toBeCloseTo(19 / 6 - 1.55296, 4);
    expect(r.interval!.high).toBeCloseTo(19 / 6 + 1.55296, 4);
    expect(r.lowEffortShare).toBeCloseTo(4 / 6, 12);
    expect(ces([4, 3], 4).lowEffortShare).toBe(1);
  });

  it('has no interval for one answer and nothing without answers', () => {
    const one = ces([2]);
    expect([one.mean, one.interval, one.lowEffortShare]).toEqual([2, null, 1]);
    expect(renderMessages(one.note, 'en')).toMatch(/single answer/);
    expect(ces([]).mean).toBeNull();
    expect(() => ces([8])).toThrow(/CES score 8/);
  });
});

describe('change of a mean score', () => {
  it('tests the CES change with the unpooled standard error', () => {
    // earlier 2, 4 (mean 3, s² 2), later 4, 6, 8 (mean 6, s² 4): SE = √(2/2 + 4/3) = 1.527525,
    // z = 1.963961, p = 2 (1 − Φ(1.963961)) = 0.04954: just significant
    const t = meanChange([2, 4], [4, 6, 8]);
    expect(t.difference).toBe(3);
    expect(t.standardError).toBeCloseTo(1.527525, 6);
    expect(t.z).toBeCloseTo(1.963961, 6);
    expect(t.pValue).toBeCloseTo(0.04954, 4);
    expect(t.significant).toBe(true);
    expect(meanChange([3], [4, 5]).z).toBeNull();
    expect(meanChange([], [4, 5]).difference).toBeNull();
  });
});
