import { describe, expect, it } from 'vitest';
import { addMonths, inWindow, parseIsoDay, stepMonths, windowBack } from './dates';

describe('dates', () => {
  it('adds months clamping to the end of the month', () => {
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2024-01-15', -13)).toBe('2022-12-15');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
  });

  it('steps month ends to month ends, other days like addMonths', () => {
    expect(stepMonths('2025-06-30', -3)).toBe('2025-03-31');
    expect(stepMonths('1998-06-30', -3)).toBe('1998-03-31');
    expect(stepMonths('2025-02-28', -1)).toBe('2025-01-31');
    expect(stepMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(stepMonths('2025-08-30', -1)).toBe('2025-07-30');
    expect(stepMonths('2025-03-30', -1)).toBe('2025-02-28');
    // trend points of a month-end as-of stay on month ends
    expect([0, 3, 6, 9, 12].map((k) => windowBack('1998-06-30', 3, k / 3).endInclusive)).toEqual([
      '1998-06-30',
      '1998-03-31',
      '1997-12-31',
      '1997-09-30',
      '1997-06-30',
    ]);
  });

  it('builds windows that tile the calendar back from the as-of date', () => {
    const s12 = windowBack('2025-12-31', 12, 0);
    const f12 = windowBack('2025-12-31', 12, 1);
    expect(s12).toEqual({ startExclusive: '2024-12-31', endInclusive: '2025-12-31' });
    expect(f12).toEqual({ startExclusive: '2023-12-31', endInclusive: '2024-12-31' });
    expect(inWindow('2025-01-01', s12)).toBe(true);
    expect(inWindow('2024-12-31', s12)).toBe(false);
    expect(inWindow('2024-12-31', f12)).toBe(true);
  });

  it('rejects impossible dates with the value and the expected form', () => {
    expect(() => parseIsoDay('2023-02-29', '--as-of')).toThrow(
      '--as-of: "2023-02-29" is not a date (expected YYYY-MM-DD)',
    );
    expect(parseIsoDay('2024-02-29')).toBe('2024-02-29');
  });
});
