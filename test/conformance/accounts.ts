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
import { backtestReport } from '../../src/app/accounts/backtest';
import { dpmReport } from '../../src/app/accounts/dpm';
import { accountsReport } from '../../src/app/accounts/report';
import { sensitivityReport } from '../../src/app/accounts/sensitivity';
import { accountsInput, backtestInput, dpmInput, sensitivityInput } from '../../src/app/options/accounts';
import { parseOptions } from '../../src/app/options/parse';
import { DEFAULT_SCORECARD } from '../../src/core/accounts/scorecard';
import { SCORECARD_FACTORS } from '../../src/core/kinds';
import { openTestStore, type OpenStore, type TestStore } from './load';
import { renderMessages } from '../../src/core/messages/catalogue';

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

    it('saves an edited scorecard that the reports then use, and removes it again', async () => {
      const port = store.unit.accounts;
      expect(await port.savedScorecard()).toBeNull();
      const edited = {
        ...DEFAULT_SCORECARD,
        factors: DEFAULT_SCORECARD.factors.map((f) =>
          f.id === 'relationship_years' ? { ...f, weight: 3 } : f,
        ),
      };
      await port.saveScorecard({
        definition: JSON.stringify(edited),
        savedAt: '2026-01-07T09:00:00.000Z',
        savedBy: 'anna',
      });
      expect(await port.savedScorecard()).toEqual({
        definition: JSON.stringify(edited),
        savedAt: '2026-01-07T09:00:00.000Z',
        savedBy: 'anna',
      });
      const r = await accountsReport(port, parseOptions(accountsInput, { asOf: '2025-12-31' }));
      // North: (7.5 + 2 × 0.9) / 11, relationship years (0.9) counted three times
      expect(r.accounts[0]!.retentionProbability).toBeCloseTo(9.3 / 11, 12);
      await port.saveScorecard(null);
      expect(await port.savedScorecard()).toBeNull();
      const back = await accountsReport(port, parseOptions(accountsInput, { asOf: '2025-12-31' }));
      expect(back.accounts[0]!.retentionProbability).toBeCloseTo(7.5 / 9, 12);
    });

    it('values the worked example: probabilities, CLVs, totals, the account that turns negative', async () => {
      const r = await accountsReport(
        store.unit.accounts,
        parseOptions(accountsInput, { asOf: '2025-12-31' }),
      );
      expect(r.rates).toEqual({ discountRate: 0.12, wacc: 0.048, waccSource: 'default' });
      expect(renderMessages(r.notes, 'en')).toEqual([
        '1 account has no assessment on or before 2025-12-31 and is left out: E',
      ]);
      const [n, s] = r.accounts;
      // North: .8 .8 .9 .8 .8 .9 .9 .8 .8 → 7.5 / 9; net 300 a year
      expect(n).toMatchObject({ account: 'N', name: 'North AB', manager: 'Anna', assessedOn: '2025-05-01' });
      expect(n!.retentionProbability).toBeCloseTo(7.5 / 9, 12);
      expect(n!.clvDiscountRate).toBeCloseTo(720.55, 2); // 300 × 2.401831
      expect(n!.clvWacc).toBeCloseTo(820.05, 2); // 300 × 2.733486
      expect(n!.clvProbabilityAdjusted).toBeCloseTo(364.46, 2); // (833.33 − 700) × 2.733486
      expect(n!.clvSurvival).toBeCloseTo(16.79, 2);
      expect(n!.riskAdjustedRate).toBeCloseTo((0.048 * (1.5 / 9)) / (4.9 / 18), 12); // 4.8 % × 16.67 / 27.22
      expect(n!.clvRiskAdjustedRate).toBeCloseTo(849.58, 2);
      expect(n!.turnsNegative).toBe(false);
      expect(n!.factors[2]).toEqual({ factor: 'relationship_years', value: 7, probability: 0.9 });
      // South: .4 .6 .6 (3.5 → 3) .6 .7 .6 .8 .6 .7 → 5.6 / 9; net 150 a year
      expect(s!.retentionProbability).toBeCloseTo(5.6 / 9, 12);
      expect(s!.factors[2]).toEqual({ factor: 'relationship_years', value: 3.5, probability: 0.6 });
      expect(s!.clvDiscountRate).toBeCloseTo(360.27, 2);
      expect(s!.clvWacc).toBeCloseTo(410.02, 2);
      expect(s!.clvProbabilityAdjusted).toBeCloseTo(-622.63, 2); // (622.22 − 850) × 2.733486
      expect(s!.clvSurvival).toBeCloseTo(-1167.94, 2);
      expect(s!.clvRiskAdjustedRate).toBeCloseTo(396.1, 2);
      expect(s!.turnsNegative).toBe(true);
      expect(r.totals).toMatchObject({ accounts: 2, turnsNegative: ['S'] });
      expect(r.totals.clvDiscountRate).toBeCloseTo(1080.82, 2);
      expect(r.totals.clvWacc).toBeCloseTo(1230.07, 2);
      expect(r.totals.clvProbabilityAdjusted).toBeCloseTo(-258.16, 2);
      expect(r.totals.adjustedToWacc).toBeCloseTo(-258.16 / 1230.07, 4);
      expect(r.totals.meanRisk).toBeCloseTo(4.9 / 18, 12); // (1.5 + 3.4) / 9 / 2 = 27.22 %
    });

    it('places the accounts in the directional policy matrix, split at the portfolio medians', async () => {
      const r = await dpmReport(store.unit.accounts, parseOptions(dpmInput, { asOf: '2025-12-31' }));
      // medians of two: attractiveness (364.46 − 622.63) / 2 = −129.08; strength (7.5 + 5.6) / 18 = 0.7278
      expect(r.splits.attractiveness).toBeCloseTo(-129.08, 1);
      expect(r.splits.strength).toBeCloseTo(13.1 / 18, 12);
      expect(r.points.map((p) => [p.account, p.quadrant])).toEqual([
        ['N', 'strategic'],
        ['S', 'streamline'],
      ]);
      expect(r.points[1]!.attractiveness).toBeCloseTo(-622.63, 2);
      expect(r.quadrants).toEqual({ strategic: 1, develop: 0, maintain: 0, streamline: 1 });
      // strength from the 1–5 grades instead: North (4+4+4+4)/4 → 0.75, South (3+4+3+4)/4 → 0.625
      const grades = await dpmReport(
        store.unit.accounts,
        parseOptions(dpmInput, { asOf: '2025-12-31', strength: 'scale-factors' }),
      );
      expect(grades.points.map((p) => p.quadrant)).toEqual(['strategic', 'streamline']);
    });

    it('takes WACC from its components and defaults the as-of day to the latest assessment', async () => {
      // 0.06 × 0.2 + 0.03 × 0.8 = 0.036; North then assessed 2026-03-01: every factor at 90 % → p = 0.9
      const r = await accountsReport(
        store.unit.accounts,
        parseOptions(accountsInput, { costOfDebt: '0.06', costOfEquity: '0.03', debtShare: '0.2' }),
      );
      expect(r.asOf).toBe('2026-03-01');
      expect(r.rates.wacc).toBeCloseTo(0.036, 15);
      expect(r.rates.waccSource).toBe('components');
      expect(r.accounts[0]).toMatchObject({
        account: 'N',
        assessedOn: '2026-03-01',
        retentionProbability: 0.9,
      });
      // 300 × (0.965251 + 0.931709 + 0.899333) = 300 × 2.796293 = 838.89
      expect(r.accounts[0]!.clvWacc).toBeCloseTo(838.89, 2);
    });

    it('ranks the actions and runs the what-if "every account gains one business line"', async () => {
      const r = await sensitivityReport(
        store.unit.accounts,
        parseOptions(sensitivityInput, { asOf: '2025-12-31' }),
      );
      // South, other relationships 0 → 1: p + 0.2 / 9, CLV + 0.2 / 9 × 1 000 × 2.733486 = +60.74
      expect(r.actions[0]).toMatchObject({
        account: 'S',
        factor: 'other_relationships',
        fromValue: 0,
        toValue: 1,
      });
      expect(r.actions[0]!.clvGain).toBeCloseTo(60.74, 2);
      // North: other relationships 2 → 3 and business lines 6 → 11 each gain 0.1 / 9 → +30.37; equal to
      // the cent, so scorecard order decides
      const north = r.actions.filter((a) => a.account === 'N');
      expect(north.slice(0, 2).map((a) => [a.factor, a.fromValue, a.toValue])).toEqual([
        ['other_relationships', 2, 3],
        ['business_lines', 6, 11],
      ]);
      expect(north[1]!.clvGain).toBeCloseTo(30.37, 2);
      // North 6 → 7 stays at 80 %, South 3 → 4 gains 0.1 / 9: −258.16 → −227.79
      expect(r.whatIf).toMatchObject({ factorId: 'business_lines', delta: 1, accountsChanged: 1 });
      expect(r.whatIf.totalBefore).toBeCloseTo(-258.16, 2);
      expect(r.whatIf.totalAfter).toBeCloseTo(-227.79, 2);
      const business = r.accounts[0]!.factors.find((f) => f.factor === 'business_lines');
      expect(business!.down).toMatchObject({ toValue: 4 });
    });

    it('scores each renewal with the assessment before it and measures the hits', async () => {
      const r = await backtestReport(
        store.unit.accounts,
        parseOptions(backtestInput, { asOf: '2025-12-31' }),
      );
      // N 2025-09-01 renewed at p = 5/6; S 2025-07-01 lost at p = 5.6/9; S 2024-03-01 before any assessment
      expect(r.scored.map((o) => [o.account, o.dueOn, o.assessedOn, o.renewed])).toEqual([
        ['N', '2025-09-01', '2025-05-01', true],
        ['S', '2025-07-01', '2025-06-01', false],
      ]);
      expect([r.outcomes, r.renewed, r.unscored]).toEqual([2, 1, 1]);
      // Brier ((1/6)² + (5.6/9)²) / 2 = (0.027778 + 0.387160) / 2 = 0.207469
      expect(r.brier).toBeCloseTo(0.207469, 6);
      // log loss −(ln(5/6) + ln(1 − 5.6/9)) / 2 = (0.182322 + 0.973449) / 2 = 0.577885
      expect(r.logLoss).toBeCloseTo(0.577885, 6);
      expect(r.auc).toBe(1);
      // bins of 0.1 over the bounds 0.4–0.9: 0.6222 in 0.6–0.7, 0.8333 in 0.8–0.9
      expect(r.calibration.map((b) => b.n)).toEqual([0, 0, 1, 0, 1]);
      expect(renderMessages(r.weights, 'en')).toEqual({
        enough: false,
        reason: '2 renewal outcomes; at least 30 are needed',
      });
      expect(renderMessages(r.notes, 'en')).toEqual([
        '1 of 3 renewals had no assessment before they fell due and are not scored',
        'no weights learnt: 2 renewal outcomes; at least 30 are needed',
      ]);
      // without an as-of day every renewal counts: N 2026-06-01 scored with the 2026-03-01 assessment (p = 0.9)
      const all = await backtestReport(store.unit.accounts, parseOptions(backtestInput, {}));
      expect([all.asOf, all.outcomes, all.scored[1]!.predicted]).toEqual(['2026-06-01', 3, 0.9]);
    });
  });
}
