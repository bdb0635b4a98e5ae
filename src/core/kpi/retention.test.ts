import { describe, expect, it } from 'vitest';
import { durationYears, retentionFigures, retentionNote } from './retention';
import { renderMessages } from '../messages/catalogue';

describe('retention, churn and duration', () => {
  it('follows the seed: lose 200 of 1 000 → 20 % churn → 5 years', () => {
    const f = retentionFigures(1_000, 200, 12);
    expect(f).toEqual({
      previous: 1_000,
      retained: 800,
      lost: 200,
      retention: 0.8,
      churn: expect.closeTo(0.2, 12) as number,
      duration: expect.closeTo(5, 12) as number,
    });
    expect(retentionNote('all', f)).toBeNull();
  });

  it('compounds small gains: 80 % → 5 years, 90 % → 10 years', () => {
    expect(durationYears(0.8)).toBeCloseTo(5, 12);
    expect(durationYears(0.9)).toBeCloseTo(10, 12);
  });

  it('keeps shorter windows per window and gives the duration in years: 90 % per quarter → 10 quarters', () => {
    const quarterly = retentionFigures(10, 1, 3);
    expect(quarterly.retention).toBe(0.9);
    expect(quarterly.churn).toBeCloseTo(0.1, 12);
    expect(quarterly.duration).toBeCloseTo(2.5, 12);
    expect(durationYears(0.5, 1)).toBeCloseTo(2 / 12, 12);
  });

  it('returns null, not Infinity, at zero churn and without previous customers', () => {
    const zeroChurn = retentionFigures(5, 0, 12);
    expect([zeroChurn.retention, zeroChurn.churn, zeroChurn.duration]).toEqual([1, 0, null]);
    expect(renderMessages(retentionNote('Super 5%', zeroChurn), 'en')).toMatch(
      /^Super 5%: duration undefined: .*zero churn/,
    );
    const empty = retentionFigures(0, 0, 12);
    expect([empty.retention, empty.churn, empty.duration]).toEqual([null, null, null]);
    expect(renderMessages(retentionNote('Top 15%', empty), 'sv')).toBe(
      'Topp 15%: retention och varaktighet odefinierade: inga kunder i föregående fönster',
    );
    // Everyone lost: retention 0, churn 1, duration 1 year (the current window is all they had).
    expect(retentionFigures(3, 3, 12).duration).toBe(1);
  });
});
