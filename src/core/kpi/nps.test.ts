import { describe, expect, it } from 'vitest';
import { countNps, countNpsHistogram, nps, npsChange } from './nps';
import { expandScores } from './stats';
import { renderMessages } from '../messages/catalogue';

describe('NPS', () => {
  it('reproduces a hand-computed score and margin of error', () => {
    // 10 answers: 10, 10, 9, 9, 9 → 5 promoters; 8, 7 → 2 passives; 6, 3, 0 → 3 detractors.
    // p = 0.5, d = 0.3 → NPS = 100 × (0.5 − 0.3) = 20.
    // variance = p + d − (p − d)² = 0.8 − 0.04 = 0.76; √(0.76 / 10) = 0.275681;
    // margin = 1.96 × 100 × 0.275681 = 54.0335 points.
    const r = nps([10, 10, 9, 9, 9, 8, 7, 6, 3, 0]);
    expect([r.promoters, r.passives, r.detractors, r.n]).toEqual([5, 2, 3, 10]);
    expect(r.score).toBeCloseTo(20, 12);
    expect(r.marginOfError).toBeCloseTo(54.0335, 4);
    expect(r.smallSample).toBe(true);
    expect(renderMessages(r.note, 'en')).toMatch(/only 10 answers/);
  });

  it('subtracts detractors: counts give the same figures as scores', () => {
    // 40 promoters, 30 passives, 30 detractors: NPS 10, not 40 (detractors dropped) nor 70 (passives counted).
    const r = nps({ promoters: 40, passives: 30, detractors: 30 });
    expect(r.score).toBeCloseTo(10, 12);
    expect(r.smallSample).toBe(false);
    expect(renderMessages(r.note, 'en')).toBeNull();
    // variance 0.4 + 0.3 − 0.01 = 0.69; margin = 196 × 0.0830662 = 16.2810
    expect(r.marginOfError).toBeCloseTo(16.281, 4);
    expect(nps({ promoters: 0, passives: 0, detractors: 5 }).score).toBe(-100);
    expect(nps([9, 10]).marginOfError).toBe(0);
  });

  it('classifies the boundaries 6 / 7 and 8 / 9', () => {
    expect(countNps([6, 7, 8, 9])).toEqual({ promoters: 1, passives: 2, detractors: 1 });
    expect(() => countNps([11])).toThrow(/NPS score 11 is not an integer from 0 to 10/);
    expect(() => countNps([7.5])).toThrow(/7.5/);
  });

  it('is null with a reason without answers', () => {
    const r = nps([]);
    expect([r.score, r.marginOfError, r.promoterShare, r.n]).toEqual([null, null, null, 0]);
    expect(renderMessages(r.note, 'en')).toBe('NPS undefined: no answers');
  });
});

describe('NPS change between two periods', () => {
  it('tests the difference with the summed variances', () => {
    // A: 40 / 30 / 30 of 100 → NPS 10, v = 0.69. B: 55 / 25 / 20 of 100 → NPS 35, v = 0.55 + 0.2 − 0.35² = 0.6275.
    // SE = 100 × √(0.69 / 100 + 0.6275 / 100) = 11.4782; z = 25 / 11.4782 = 2.1780; p = 0.0294 → significant.
    const t = npsChange(
      { promoters: 40, passives: 30, detractors: 30 },
      { promoters: 55, passives: 25, detractors: 20 },
    );
    expect(t.difference).toBeCloseTo(25, 12);
    expect(t.standardError).toBeCloseTo(11.47824, 4);
    expect(t.z).toBeCloseTo(2.17803, 4);
    expect(t.pValue).toBeCloseTo(0.0294, 4);
    expect(t.significant).toBe(true);
  });

  it('is not significant for a small change on few answers', () => {
    const t = npsChange([10, 9, 7, 3], [10, 9, 8, 8]);
    // A: NPS 25 (2 − 1 of 4), B: NPS 50 (2 − 0 of 4)
    expect(t.difference).toBeCloseTo(25, 12);
    expect(t.significant).toBe(false);
  });

  it('is undefined, not NaN, without answers or without variation', () => {
    expect(npsChange([], [9, 10]).z).toBeNull();
    const flat = npsChange([10, 10], [9, 9, 9]);
    expect([flat.difference, flat.z, flat.pValue, flat.significant]).toEqual([0, null, null, null]);
    expect(renderMessages(flat.note, 'en')).toMatch(/no variation/);
  });
});

describe('NPS from a histogram of scores', () => {
  it('groups counted scores as countNps groups the answers', () => {
    // 10 ×2, 9 ×3, 8, 7, 6, 3, 0 → 5 promoters, 2 passives, 3 detractors: NPS 20
    const histogram = [
      { score: 10, answers: 2 },
      { score: 9, answers: 3 },
      { score: 8, answers: 1 },
      { score: 7, answers: 1 },
      { score: 6, answers: 1 },
      { score: 3, answers: 1 },
      { score: 0, answers: 1 },
    ];
    expect(countNpsHistogram(histogram)).toEqual({ promoters: 5, passives: 2, detractors: 3 });
    expect(nps(countNpsHistogram(histogram)).score).toBeCloseTo(20, 12);
    expect(countNpsHistogram(histogram)).toEqual(countNps(expandScores(histogram)));
    expect(() => countNpsHistogram([{ score: 11, answers: 1 }])).toThrow(/NPS score 11/);
  });
});
