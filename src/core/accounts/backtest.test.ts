import { describe, expect, it } from 'vitest';
import { auc, brierScore, calibrationTable, logLoss } from './backtest';

// Five accounts scored by hand:
//   p        .9   .8   .7   .6   .4
//   renewed  yes  yes  no   yes  no
const P = [0.9, 0.8, 0.7, 0.6, 0.4];
const Y = [true, true, false, true, false];

describe('backtest on five accounts computed by hand', () => {
  it('Brier = (.1² + .2² + .7² + .4² + .4²) / 5 = (.01 + .04 + .49 + .16 + .16) / 5 = .172', () => {
    expect(brierScore(P, Y)).toBeCloseTo(0.172, 15);
  });

  it('log loss = −(ln .9 + ln .8 + ln .3 + ln .6 + ln .6) / 5 = −ln(.07776) / 5 = −ln(.6⁵) / 5 = .5108', () => {
    expect(logLoss(P, Y)).toBeCloseTo(-Math.log(0.6), 12);
    expect(logLoss(P, Y)).toBeCloseTo(0.5108256, 7);
  });

  it('AUC = pairs renewed-above-lost / all pairs: .9>.7, .9>.4, .8>.7, .8>.4, .6<.7, .6>.4 → 5/6', () => {
    expect(auc(P, Y)).toBeCloseTo(5 / 6, 15);
  });

  it('AUC counts ties one half: p .8 .8 .6 .6 .4, renewed y n y y n → (.5 + 1 + 0 + 1 + 0 + 1) / 6 = 3.5/6', () => {
    expect(auc([0.8, 0.8, 0.6, 0.6, 0.4], [true, false, true, true, false])).toBeCloseTo(3.5 / 6, 15);
  });

  it('calibration in 5 bins of .2: [.4,.6) {.4} 0 %, [.6,.8) {.7, .6} 50 %, [.8,1] {.9, .8} 100 %', () => {
    const t = calibrationTable(P, Y);
    expect(t.map((b) => b.n)).toEqual([0, 0, 1, 2, 2]);
    expect(t.map((b) => b.meanPredicted)).toEqual([
      null,
      null,
      0.4,
      expect.closeTo(0.65, 12),
      expect.closeTo(0.85, 12),
    ]);
    expect(t.map((b) => b.observedRate)).toEqual([null, null, 0, 0.5, 1]);
    expect(t[4]).toMatchObject({ from: expect.closeTo(0.8, 12) as number, to: 1 });
  });

  it('calibration over the scorecard bounds: .6 lands in [.6,.7), not lost to rounding; the top edge is inside', () => {
    const t = calibrationTable(P, Y, { range: [0.4, 0.9], bins: 5 });
    expect(t.map((b) => b.n)).toEqual([1, 0, 1, 1, 2]);
    expect(t[4]!.observedRate).toBe(1);
  });

  it('is null where undefined: no outcomes, or AUC with one outcome only', () => {
    expect(brierScore([], [])).toBeNull();
    expect(logLoss([], [])).toBeNull();
    expect(auc([], [])).toBeNull();
    expect(auc([0.5, 0.7], [true, true])).toBeNull();
  });

  it('clips log loss so a confident miss costs −ln(1e-6), not infinity', () => {
    expect(logLoss([1, 0], [false, true])).toBeCloseTo(-Math.log(1e-6), 6);
  });
});
