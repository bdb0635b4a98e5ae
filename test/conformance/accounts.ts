/**
 * Key accounts through the store: the worked example of docs/metrics.md ("Key accounts", two accounts,
 * 3-year forecasts of revenue 1 000 a year) landed through the landing port, with a later and an earlier
 * assessment around it, two assessors on one day, an account without an assessment and renewals before
 * and after the as-of day. The port's rows and the reports' figures are checked against hand computation.
 *
 * Discount factors: 1/1.12ᵗ = 0.892857, 0.797194, 0.711780 (sum 2.401831); 1/1.048ᵗ = 0.954198,
 * 0.910495, 0.868793 (sum 2.733486).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCORECARD_FACTORS } from '../../src/core/kinds';
import { openTestStore, type OpenStore, type TestStore } from './load';

const FACTOR_COLUMNS = ['account_id', 'assessed_on', 'assessor', ...SCORECARD_FACTORS];

/** Lands the fixture: North (N), South (S) and East (E, never assessed). */
export async function landKeyAccounts(store: TestStore): Promise<void> {
  await store.land(
    'accounts',
    ['account_id', 'name', 'account_manager'],
    [
      ['N', 'North AB', 'Anna'],
      ['S', 'South AB', 'Bo'],
      ['E', 'East AB', 'Cia'],
    ],
  );
  await store.land('assessments', FACTOR_COLUMNS, [
    ['N', '2025-05-01', 'Anna', 2, 6, 7, 4, 4, 4, 4, 4, 4],
    ['N', '2026-03-01', 'Anna', 3, 11, 8, 5, 5, 5, 5, 5, 5], // after the as-of day 2025-12-31
    ['S', '2024-06-01', 'Bo', 1, 3, 2, 3, 3, 3, 3, 3, 3], // superseded
    ['S', '2025-06-01', 'Bo', 0, 3, 3, 2, 3, 2, 3, 2, 3],
    ['S', '2025-06-01', 'Cia', 0, 3, 4, 2, 3, 2, 3, 2, 3], // with Bo's: 3.5 relationship years
  ]);
  const years = (id: string, cost: string, claims: string) =>
    [1, 2, 3].map((year) => [id, year, '1000.00', cost, claims]);
  await store.land(
    'forecasts',
    ['account_id', 'year', 'revenue', 'cost_to_serve', 'claims_cost'],
    [...years('N', '200.00', '500.00'), ...years('S', '300.00', '550.00'), ...years('E', '10.00', '0.00')],
  );
  await store.land(
    'renewals',
    ['account_id', 'due_on', 'renewed'],
    [
      ['N', '2025-09-01', true],
      ['N', '2026-06-01', true],
      ['S', '2024-03-01', true], // before any assessment of S: unscored
      ['S', '2025-07-01', false],
    ],
  );
}

/** The suite, on stores opened by `open`. */
export function accountsSuite(open: OpenStore): void {
  describe('key accounts', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(open);
      await landKeyAccounts(store);
    });
    afterAll(async () => {
      await store.close();
    });

    it('lists the accounts, forecasts and renewals in order', async () => {
      const port = store.unit.accounts;
      expect(await port.accounts()).toEqual([
        { accountId: 'E', name: 'East AB', manager: 'Cia' },
        { accountId: 'N', name: 'North AB', manager: 'Anna' },
        { accountId: 'S', name: 'South AB', manager: 'Bo' },
      ]);
      const forecasts = await port.forecasts();
      expect(forecasts.map((f) => [f.accountId, f.years.map((y) => y.year)])).toEqual([
        ['E', [1, 2, 3]],
        ['N', [1, 2, 3]],
        ['S', [1, 2, 3]],
      ]);
      expect(forecasts[2]!.years[0]).toEqual({ year: 1, revenue: 1000, costToServe: 300, claimsCost: 550 });
      expect(await port.renewals()).toEqual([
        { accountId: 'N', dueOn: '2025-09-01', renewed: true },
        { accountId: 'N', dueOn: '2026-06-01', renewed: true },
        { accountId: 'S', dueOn: '2024-03-01', renewed: true },
        { accountId: 'S', dueOn: '2025-07-01', renewed: false },
      ]);
    });

    it('gives the latest assessment as of a day, averaging the assessors of that day', async () => {
      const port = store.unit.accounts;
      expect(await port.latestAssessmentDate()).toBe('2026-03-01');
      const latest = await port.latestAssessments('2025-12-31');
      expect(latest.map((a) => [a.accountId, a.assessedOn, a.assessors])).toEqual([
        ['N', '2025-05-01', 1],
        ['S', '2025-06-01', 2],
      ]);
      expect(latest[0]!.values).toEqual({
        other_relationships: 2,
        business_lines: 6,
        relationship_years: 7,
        broker_relationship: 4,
        relationship_quality: 4,
        contacts_at_customer: 4,
        contacts_at_company: 4,
        knowledge_of_company: 4,
        knowledge_of_industry: 4,
      });
      // Bo 3 and Cia 4 years: 3.5
      expect(latest[1]!.values).toMatchObject({ other_relationships: 0, relationship_years: 3.5 });
      // on the day of an assessment it counts; the day before it does not
      expect((await port.latestAssessments('2024-06-01')).map((a) => a.assessedOn)).toEqual(['2024-06-01']);
      expect(await port.latestAssessments('2024-05-31')).toEqual([]);
      const history = await port.assessmentHistory();
      expect(history.map((a) => [a.accountId, a.assessedOn, a.assessors])).toEqual([
        ['N', '2025-05-01', 1],
        ['N', '2026-03-01', 1],
        ['S', '2024-06-01', 1],
        ['S', '2025-06-01', 2],
      ]);
    });
  });
}
