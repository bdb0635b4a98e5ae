import { describe, expect, it } from 'vitest';
import { buildTenureTable, tenureBuckets } from './tenure';

describe('retention by tenure', () => {
  it('groups first purchases by whole years before the start of the current window', () => {
    const buckets = tenureBuckets('2024-12-31', 4);
    expect(
      buckets.map((b) => [
        b.fromYears,
        b.toYears,
        b.firstPurchase.startExclusive,
        b.firstPurchase.endInclusive,
      ]),
    ).toEqual([
      [0, 1, '2023-12-31', '2024-12-31'],
      [1, 2, '2022-12-31', '2023-12-31'],
      [2, 3, '2021-12-31', '2022-12-31'],
      [3, null, null, '2021-12-31'],
    ]);
  });

  it('shows the first-two-years defection as a churn ratio', () => {
    // Tenure 0–1: 100 customers, 50 retained; 1–2: 100, 70; 2–3: 100, 85; 3+: 100, 85.
    // Early churn (30 + 50) / 200 = 0.4; later churn 30 / 200 = 0.15; ratio 2.67.
    const table = buildTenureTable(
      tenureBuckets('2024-12-31', 4),
      [
        { bucket: 0, previous: 100, retained: 50 },
        { bucket: 1, previous: 100, retained: 70 },
        { bucket: 2, previous: 100, retained: 85 },
        { bucket: 3, previous: 100, retained: 85 },
      ],
      12,
    );
    expect(table.rows.map((r) => r.retention)).toEqual([0.5, 0.7, 0.85, 0.85]);
    expect(table.rows[0]!.duration).toBe(2);
    expect(table.earlyChurnRatio).toBeCloseTo(0.4 / 0.15, 12);
  });

  it('has no ratio when the later groups have no customers or no churn', () => {
    const buckets = tenureBuckets('2024-12-31', 3);
    expect(
      buildTenureTable(buckets, [{ bucket: 0, previous: 10, retained: 5 }], 12).earlyChurnRatio,
    ).toBeNull();
    const noLateChurn = buildTenureTable(
      buckets,
      [
        { bucket: 0, previous: 10, retained: 5 },
        { bucket: 2, previous: 10, retained: 10 },
      ],
      12,
    );
    expect(noLateChurn.earlyChurnRatio).toBeNull();
    expect(noLateChurn.rows[1]!.retention).toBeNull();
  });
});
