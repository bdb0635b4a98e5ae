import { describe, expect, it } from 'vitest';
import { rankActions, portfolioWhatIf } from './actions';
import { discountedClv, presentValues, survivalClv, type ForecastYear } from './finance';
import type { AccountInput } from './portfolio';
import { DEFAULT_SCORECARD as D } from './scorecard';
import { parseScorecard } from './scorecard-parse';
import { accountSensitivities } from './sensitivity';

// Factor probabilities .6 .7 .8 .7 .8 .8 .9 .8 .7: p = 6.8 / 9.
const VALUES = {
  other_relationships: 1,
  business_lines: 4,
  relationship_years: 5,
  broker_relationship: 3,
  relationship_quality: 4,
  contacts_at_customer: 3,
  contacts_at_company: 4,
  knowledge_of_company: 4,
  knowledge_of_industry: 3,
};
const flat = (years: number, revenue: number, costs: number): ForecastYear[] =>
  Array.from({ length: years }, (_, i) => ({
    year: i + 1,
    revenue,
    costToServe: costs * 0.4,
    claimsCost: costs * 0.6,
  }));
const ACCOUNT: AccountInput = { accountId: 'A', values: VALUES, forecast: flat(4, 1000, 700) };
const R = presentValues({ accountId: 'A', years: ACCOUNT.forecast }, 0.048).revenue;

describe('account sensitivities', () => {
  const [s] = accountSensitivities(D, [ACCOUNT], 0.048);
  const byId = (id: string) => s!.factors.find((f) => f.factorId === id)!;

  it('moves each factor to the neighbouring step and changes CLV by Δp × PV(revenue)', () => {
    expect(s!.probability).toBeCloseTo(6.8 / 9, 12);
    expect(s!.clv).toBeCloseTo(
      (6.8 / 9) * R - discountedClv({ accountId: 'A', years: flat(4, 700, 0) }, 0.048),
      9,
    );
    const lines = byId('business_lines');
    expect(lines.up).toMatchObject({ toValue: 5, probability: expect.closeTo(6.9 / 9, 12) as number });
    expect(lines.up!.clvChange).toBeCloseTo((0.1 / 9) * R, 9);
    expect(lines.down).toMatchObject({ toValue: 3 });
    expect(lines.down!.clvChange).toBeCloseTo((-0.1 / 9) * R, 9);
    expect(byId('other_relationships').up!.clvChange).toBeCloseTo((0.2 / 9) * R, 9);
    expect(byId('contacts_at_customer').down).toMatchObject({ toValue: 2 });
    expect(byId('contacts_at_customer').down!.clvChange).toBeCloseTo((-0.2 / 9) * R, 9);
    expect(byId('relationship_years').up!.toValue).toBe(6);
  });

  it('has no move past the edge of the domain', () => {
    expect(byId('contacts_at_company').up).toBeNull();
    const [low] = accountSensitivities(D, [{ ...ACCOUNT, values: { ...VALUES, business_lines: 1 } }], 0.048);
    expect(low!.factors.find((f) => f.factorId === 'business_lines')!.down).toBeNull();
  });

  it('jumps a wide step: 6 business lines go up to 11 and down to 4', () => {
    const [six] = accountSensitivities(D, [{ ...ACCOUNT, values: { ...VALUES, business_lines: 6 } }], 0.048);
    const lines = six!.factors.find((f) => f.factorId === 'business_lines')!;
    expect([lines.up!.toValue, lines.down!.toValue]).toEqual([11, 4]);
  });

  it('gains nothing from a move the bounds clamp away', () => {
    const capped = parseScorecard({ ...D, bounds: { min: 0.4, max: 0.7 } }, 'test');
    const [c] = accountSensitivities(capped, [ACCOUNT], 0.048);
    expect(c!.probability).toBe(0.7);
    expect(c!.factors.every((f) => f.up === null || f.up.clvChange === 0)).toBe(true);
    expect(rankActions(capped, [c!])).toEqual([]);
  });

  it('moves the survival CLV when asked', () => {
    const [v] = accountSensitivities(D, [ACCOUNT], 0.048, 'survival');
    const f = { accountId: 'A', years: ACCOUNT.forecast };
    expect(v!.clv).toBeCloseTo(survivalClv(f, 6.8 / 9, 0.048), 9);
    const up = v!.factors.find((x) => x.factorId === 'business_lines')!.up!;
    expect(up.clvChange).toBeCloseTo(survivalClv(f, 6.9 / 9, 0.048) - survivalClv(f, 6.8 / 9, 0.048), 9);
  });

  it('names the account when a value is out of its domain', () => {
    expect(() =>
      accountSensitivities(
        D,
        [{ ...ACCOUNT, accountId: 'Z', values: { ...VALUES, broker_relationship: 0 } }],
        0.048,
      ),
    ).toThrow('account Z: factor broker_relationship: 0 is outside its domain');
  });
});

describe('ranked actions', () => {
  it('ranks by CLV gained, then account and scorecard order; relationship years are no action', () => {
    const accounts = [ACCOUNT, { ...ACCOUNT, accountId: 'B', forecast: flat(4, 2000, 1400) }];
    const actions = rankActions(D, accountSensitivities(D, accounts, 0.048));
    expect(actions[0]).toMatchObject({
      accountId: 'B',
      factorId: 'other_relationships',
      action: 'introduce the customer to other parts of the company',
      fromValue: 1,
      toValue: 2,
    });
    expect(actions[0]!.clvGain).toBeCloseTo((0.2 / 9) * 2 * R, 9);
    expect(actions[0]!.probabilityGain).toBeCloseTo(0.2 / 9, 12);
    expect(actions.filter((a) => a.accountId === 'A').map((a) => a.factorId)).toEqual([
      'other_relationships',
      'business_lines',
      'broker_relationship',
      'relationship_quality',
      'contacts_at_customer',
      'knowledge_of_company',
      'knowledge_of_industry',
    ]);
    expect(actions.find((a) => a.factorId === 'business_lines')!.action).toBe(
      'cross-sell another business line',
    );
    expect(actions.some((a) => a.factorId === 'relationship_years')).toBe(false);
  });
});

describe('portfolio what-if', () => {
  // Table 4's holdings: 2 accounts with 3 lines, 7 with 4, 2 with 6, 2 with 10.
  const holdings = [3, 3, 4, 4, 4, 4, 4, 4, 4, 6, 6, 10, 10];
  const accounts = holdings.map((lines, i): AccountInput => ({
    accountId: `K${i}`,
    values: { ...VALUES, business_lines: lines },
    forecast: flat(4, 1000 * (i + 1), 700 * (i + 1)),
  }));

  it("gives Table 4's accounts one more business line: 3→4, 4→5, 10→11 gain 10 points on the factor, 6→7 nothing", () => {
    const r = portfolioWhatIf(D, accounts, 0.048, { factorId: 'business_lines', delta: 1 });
    expect(r.accountsChanged).toBe(11);
    const gained = holdings.reduce((s, lines, i) => s + (lines === 6 ? 0 : (0.1 / 9) * R * (i + 1)), 0);
    expect(r.change).toBeCloseTo(gained, 6);
    expect(r.totalAfter - r.totalBefore).toBeCloseTo(r.change, 6);
  });

  it('keeps values inside the domain and counts negative accounts before and after', () => {
    const thin = {
      ...ACCOUNT,
      accountId: 'T',
      values: { ...VALUES, relationship_quality: 5 },
      forecast: flat(4, 1000, 770),
    };
    // p = 6.9/9 = .767 with costs at 77 % of revenue: CLV (.767 − .77) × PV < 0; one more grade is capped at 5
    const r = portfolioWhatIf(D, [thin], 0.048, { factorId: 'relationship_quality', delta: 1 });
    expect(r).toMatchObject({ accountsChanged: 0, negativeBefore: 1, negativeAfter: 1, change: 0 });
    const better = portfolioWhatIf(D, [thin], 0.048, { factorId: 'other_relationships', delta: 1 });
    expect(better).toMatchObject({ accountsChanged: 1, negativeBefore: 1, negativeAfter: 0 });
  });

  it('rejects an unknown factor', () => {
    expect(() => portfolioWhatIf(D, accounts, 0.048, { factorId: 'lines', delta: 1 })).toThrow(
      'unknown factor lines',
    );
  });
});
