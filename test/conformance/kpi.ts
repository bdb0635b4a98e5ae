/**
 * The KPI board through the store: targets set, replaced and removed, snapshots saved (one per KPI and
 * as-of day) and read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type OpenStore, type TestStore } from './load';

/** The suite, on stores opened by `open`. */
export function kpiSuite(open: OpenStore): void {
  describe('KPI board', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(open);
    });
    afterAll(async () => {
      await store.close();
    });

    it('sets, replaces and removes targets', async () => {
      const port = store.unit.kpi;
      expect(await port.targets()).toEqual([]);
      await port.setTarget({
        kpi: 'retention',
        target: { kind: 'value', value: 0.9 },
        deadline: '2026-12-31',
        owner: 'Anna',
        setAt: '2026-01-05T08:00:00.000Z',
      });
      await port.setTarget({
        kpi: 'nps',
        target: { kind: 'range', low: 20, high: 40 },
        deadline: '2027-06-30',
        owner: 'Bo',
        setAt: '2026-01-05T08:01:30.250Z',
      });
      await port.setTarget({
        kpi: 'retention',
        target: { kind: 'value', value: 0.85 },
        deadline: '2027-03-31',
        owner: 'Cia',
        setAt: '2026-02-01T10:00:00.000Z',
      });
      expect(await port.targets()).toEqual([
        {
          kpi: 'nps',
          target: { kind: 'range', low: 20, high: 40 },
          deadline: '2027-06-30',
          owner: 'Bo',
          setAt: '2026-01-05T08:01:30.250Z',
        },
        {
          kpi: 'retention',
          target: { kind: 'value', value: 0.85 },
          deadline: '2027-03-31',
          owner: 'Cia',
          setAt: '2026-02-01T10:00:00.000Z',
        },
      ]);
      expect(await port.removeTarget('nps')).toBe(true);
      expect(await port.removeTarget('nps')).toBe(false);
      expect((await port.targets()).map((t) => t.kpi)).toEqual(['retention']);
    });

    it('saves snapshots and reads them back by as-of day, a later one replacing the same day', async () => {
      const port = store.unit.kpi;
      expect(await port.snapshots('churn')).toEqual([]);
      await port.saveSnapshot({
        kpi: 'churn',
        asOf: '2025-12-31',
        value: 0.12,
        takenAt: '2026-01-02T09:00:00.000Z',
      });
      await port.saveSnapshot({
        kpi: 'churn',
        asOf: '2024-12-31',
        value: 0.15,
        takenAt: '2026-01-02T09:00:00.000Z',
      });
      await port.saveSnapshot({
        kpi: 'csat',
        asOf: '2025-12-31',
        value: null,
        takenAt: '2026-01-02T09:00:00.000Z',
      });
      await port.saveSnapshot({
        kpi: 'churn',
        asOf: '2025-12-31',
        value: 0.11,
        takenAt: '2026-01-03T09:00:00.000Z',
      });
      expect(await port.snapshots('churn')).toEqual([
        { kpi: 'churn', asOf: '2024-12-31', value: 0.15, takenAt: '2026-01-02T09:00:00.000Z' },
        { kpi: 'churn', asOf: '2025-12-31', value: 0.11, takenAt: '2026-01-03T09:00:00.000Z' },
      ]);
      expect(await port.snapshots('csat')).toEqual([
        { kpi: 'csat', asOf: '2025-12-31', value: null, takenAt: '2026-01-02T09:00:00.000Z' },
      ]);
    });
  });
}
