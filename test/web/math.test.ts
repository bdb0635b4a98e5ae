/**
 * The dashboard's live figures (web/src/math.ts) against core, which the server answers with: the scorecard
 * probability and the probability-adjusted CLV of docs/metrics.md's worked example (North and South), and
 * BG/NBD P(alive) against the published CDNOW fit.
 */
import { describe, expect, it } from 'vitest';
import { probabilityAdjustedClv, discountedClv } from '../../src/core/accounts/finance';
import { retentionProbability } from '../../src/core/accounts/probability';
import { DEFAULT_SCORECARD } from '../../src/core/accounts/scorecard';
import { pAliveBgNbd } from '../../src/core/models/bg-nbd';
import { fromEpochDay, stepMonths, toEpochDay } from '../../src/core/dates';
import { bgnbdPAlive, clvAt, monthsBefore, scorecardProbability } from '../../web/src/math';
import type { AccountRow, Scorecard } from '../../web/src/types';

const card = DEFAULT_SCORECARD as unknown as Scorecard;
const NORTH = {
  other_relationships: 2,
  business_lines: 6,
  relationship_years: 7,
  broker_relationship: 4,
  relationship_quality: 4,
  contacts_at_customer: 4,
  contacts_at_company: 4,
  knowledge_of_company: 4,
  knowledge_of_industry: 4,
};
const SOUTH = {
  other_relationships: 0,
  business_lines: 3,
  relationship_years: 3.5,
  broker_relationship: 2,
  relationship_quality: 3,
  contacts_at_customer: 2,
  contacts_at_company: 3,
  knowledge_of_company: 2,
  knowledge_of_industry: 3,
};
const years = (costToServe: number, claimsCost: number) =>
  [1, 2, 3].map((year) => ({ year, revenue: 1000, costToServe, claimsCost }));

describe('scorecard probability in the form', () => {
  it('equals core for the worked example and every single-factor step of it', () => {
    for (const values of [NORTH, SOUTH]) {
      expect(scorecardProbability(card, values)).toBeCloseTo(
        retentionProbability(DEFAULT_SCORECARD, values).probability,
        12,
      );
      for (const f of DEFAULT_SCORECARD.factors)
        for (const v of [f.min, f.min + 1, f.min + 2.5, f.min + 4, f.min + 9].filter(
          (x) => f.kind !== 'scale1to5' || x <= 5,
        )) {
          const moved = { ...values, [f.id]: v };
          expect(scorecardProbability(card, moved)).toBeCloseTo(
            retentionProbability(DEFAULT_SCORECARD, moved).probability,
            12,
          );
        }
    }
  });

  it('is null for a value outside its factor’s domain (a grade of 6, a negative count)', () => {
    expect(scorecardProbability(card, { ...NORTH, relationship_quality: 6 })).toBeNull();
    expect(scorecardProbability(card, { ...NORTH, business_lines: -1 })).toBeNull();
  });
});

describe('probability-adjusted CLV at another probability', () => {
  it('equals core’s Σ (p·revenue − costs) / (1 + WACC)^t from the row’s two CLVs', () => {
    const forecast = { accountId: 'South', years: years(300, 550) };
    const wacc = 0.048;
    const p0 = retentionProbability(DEFAULT_SCORECARD, SOUTH).probability;
    const row = {
      retentionProbability: p0,
      clvWacc: discountedClv(forecast, wacc),
      clvProbabilityAdjusted: probabilityAdjustedClv(forecast, p0, wacc),
    } as AccountRow;
    for (const p of [0.4, 0.55, 0.9])
      expect(clvAt(row, p)).toBeCloseTo(probabilityAdjustedClv(forecast, p, wacc), 6);
    // by hand: p = 0.9 → Σ (900 − 850)/1.048^t, t = 1..3 = 47.7099 + 45.5247 + 43.4396
    expect(clvAt(row, 0.9)).toBeCloseTo(136.674, 2);
  });
});

describe('BG/NBD P(alive)', () => {
  // Fader, Hardie & Lee (2005) CDNOW fit: r 0.243, α 4.414, a 0.793, b 2.426 (weeks)
  const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  it('is 1 without repeat purchases and falls with the time since the last one', () => {
    expect(bgnbdPAlive(params, 0, 0, 38.86)).toBe(1);
    // x = 2, t_x = 30.43, T = 38.86: 1 / (1 + 0.793/3.426 · (43.274/34.844)^2.243) = 0.72658
    expect(bgnbdPAlive(params, 2, 30.43, 38.86)).toBeCloseTo(0.72658, 5);
    for (const [x, tx, T] of [
      [1, 5, 38.86],
      [2, 30.43, 38.86],
      [7, 30, 32],
      [20, 12, 78],
    ] as const)
      expect(bgnbdPAlive(params, x, tx, T)).toBeCloseTo(pAliveBgNbd(params, x, tx, T), 12);
    expect(bgnbdPAlive(params, 2, 10, 38.86)!).toBeLessThan(bgnbdPAlive(params, 2, 30.43, 38.86)!);
  });
});

describe('windows back from the as-of day (the NPS trend)', () => {
  it('steps as core’s stepMonths: month ends stay month ends, other days clamp', () => {
    expect(monthsBefore('2025-12-31', 12)).toBe('2024-12-31');
    expect(monthsBefore('2025-06-30', 3)).toBe('2025-03-31');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2025-01-15', 2)).toBe('2024-11-15');
    for (let day = toEpochDay('2023-01-01'); day <= toEpochDay('2025-12-31'); day += 3)
      for (const n of [1, 3, 12, 25])
        expect(monthsBefore(fromEpochDay(day), n)).toBe(stepMonths(fromEpochDay(day), -n));
  });
});
