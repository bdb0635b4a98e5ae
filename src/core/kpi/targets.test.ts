import { describe, expect, it } from 'vitest';
import { findKpi, KPI_CATALOGUE, type KpiDefinition } from './catalogue';
import { kpiBoard, kpiStatus, targetGap, type BoardEntry, type Target } from './targets';
import { renderMessages } from '../messages/catalogue';

const kpi = (id: string): KpiDefinition => findKpi(id)!;
// 2025-01-01 → 2025-04-11 is 31 + 28 + 31 + 10 = 100 days.
const asOf = '2025-01-01';
const entry = (
  id: string,
  target: Target,
  current: number | null,
  previous: number | null,
  periodDays = 50,
  deadline = '2025-04-11',
): BoardEntry => ({ kpi: kpi(id), goal: { target, deadline, owner: 'CX' }, current, previous, periodDays });
const npsTarget: Target = { kind: 'value', value: 40 };

describe('KPI status rule', () => {
  it('1. no value → null', () => {
    const r = kpiStatus(entry('nps', npsTarget, null, 30), asOf);
    expect([r.status, r.rule, r.gap, r.change, r.trend]).toEqual([null, 'no-value', null, null, null]);
  });

  it('2. target met → on track, in either direction and for a range', () => {
    expect(kpiStatus(entry('nps', npsTarget, 40, 30), asOf).rule).toBe('met');
    expect(
      kpiStatus(entry('resolution-hours-median', { kind: 'value', value: 24 }, 20, null), asOf).status,
    ).toBe('on-track');
    const range: Target = { kind: 'range', low: 0.25, high: 0.5 };
    expect(kpiStatus(entry('new-customer-share', range, 0.5, null), asOf).rule).toBe('met');
    // met even after the deadline; moving further past a value target still counts as better
    const past = kpiStatus(entry('nps', npsTarget, 45, 50, 50, '2024-12-01'), asOf);
    expect([past.status, past.trend, past.change, past.daysLeft]).toEqual(['on-track', 'worse', -5, -31]);
  });

  it('3. unmet on or after the deadline → off track', () => {
    const today = kpiStatus(entry('nps', npsTarget, 30, 10, 50, asOf), asOf);
    expect([today.status, today.rule, today.daysLeft, today.neededPerDay]).toEqual([
      'off-track',
      'deadline-reached',
      0,
      null,
    ]);
    expect(kpiStatus(entry('nps', npsTarget, 39, 0, 50, '2024-12-31'), asOf).status).toBe('off-track');
  });

  it('4. unmet without a previous value → at risk', () => {
    // gap 40 − 20 = 20 points over 100 days → 0.2 points a day needed
    const r = kpiStatus(entry('nps', npsTarget, 20, null), asOf);
    expect([r.status, r.rule, r.gap, r.neededPerDay, r.trendPerDay]).toEqual([
      'at-risk',
      'no-trend',
      20,
      0.2,
      null,
    ]);
  });

  it('5. the trend reaches the target by the deadline → on track (boundary included)', () => {
    // 10 → 20 over 50 days = 0.2 points a day; needed (40 − 20) / 100 = 0.2 → exactly enough
    const r = kpiStatus(entry('nps', npsTarget, 20, 10), asOf);
    expect([r.status, r.rule, r.trendPerDay, r.neededPerDay, r.trend]).toEqual([
      'on-track',
      'trend-reaches-target',
      0.2,
      0.2,
      'better',
    ]);
    // lower is better: CES 4.0 → 3.5 in 100 days = 0.005 a day; needed (3.5 − 3) / 100 = 0.005
    expect(kpiStatus(entry('ces', { kind: 'value', value: 3 }, 3.5, 4, 100), asOf).rule).toBe(
      'trend-reaches-target',
    );
    // a range: distance to 0.5 falls from 0.5 (at 1.0) to 0.25 (at 0.75) in 100 days; needed 0.25 / 100
    const range: Target = { kind: 'range', low: 0.25, high: 0.5 };
    expect(kpiStatus(entry('new-customer-share', range, 0.75, 1, 100), asOf).rule).toBe(
      'trend-reaches-target',
    );
    // decimal rounding does not flip the boundary: CSAT 0.6 → 0.7 in 100 days, target 0.8 in 100 days
    expect(kpiStatus(entry('csat', { kind: 'value', value: 0.8 }, 0.7, 0.6, 100), asOf).status).toBe(
      'on-track',
    );
  });

  it('6. improving too slowly → at risk', () => {
    // 15 → 20 over 50 days = 0.1 a day < 0.2 needed
    const r = kpiStatus(entry('nps', npsTarget, 20, 15), asOf);
    expect([r.status, r.rule, r.trendPerDay]).toEqual(['at-risk', 'improving-too-slowly', 0.1]);
  });

  it('7. flat or worsening → off track', () => {
    const flat = kpiStatus(entry('nps', npsTarget, 20, 20), asOf);
    expect([flat.status, flat.rule, flat.trend]).toEqual(['off-track', 'not-improving', 'flat']);
    // lower is better and rising: 24 h → 30 h median resolution against a 24 h target
    const worse = kpiStatus(entry('resolution-hours-median', { kind: 'value', value: 24 }, 30, 24), asOf);
    expect([worse.status, worse.trend, worse.change, worse.gap]).toEqual(['off-track', 'worse', 6, 6]);
  });

  it('measures the gap in the good direction', () => {
    expect(targetGap(30, npsTarget, 'higher')).toBe(10);
    expect(targetGap(50, npsTarget, 'higher')).toBe(0);
    expect(targetGap(30, { kind: 'value', value: 24 }, 'lower')).toBe(6);
    expect(targetGap(0.1, { kind: 'range', low: 0.3, high: 0.7 }, 'higher')).toBeCloseTo(0.2, 12);
    expect(targetGap(0.9, { kind: 'range', low: 0.3, high: 0.7 }, 'higher')).toBeCloseTo(0.2, 12);
  });
});

describe('KPI board and catalogue', () => {
  it('warns when the board holds more than 7 KPIs', () => {
    const ids = ['retention', 'churn', 'duration', 'clv', 'nps', 'csat', 'ces', 'complaints'];
    const entries = ids.map((id) => entry(id, { kind: 'value', value: 1 }, 1, 1));
    expect(kpiBoard(entries.slice(0, 7), asOf).warnings).toEqual([]);
    const full = kpiBoard(entries, asOf);
    expect(full.rows).toHaveLength(8);
    expect(renderMessages(full.warnings, 'en')).toEqual([
      'the board holds 8 KPIs; keep it to 7 or fewer so each gets attention',
    ]);
  });

  it('defines every built-in KPI once with labels, unit and direction', () => {
    const ids = KPI_CATALOGUE.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const k of KPI_CATALOGUE) expect(k.label.en.length * k.label.sv.length).toBeGreaterThan(0);
    expect(ids).toEqual(
      expect.arrayContaining([
        'retention',
        'churn',
        'duration',
        'clv',
        'portfolio-value',
        'repeat-order-share',
      ]),
    );
    expect([kpi('nps').direction, kpi('ces').direction, kpi('churn').direction]).toEqual([
      'higher',
      'lower',
      'lower',
    ]);
    expect(kpi('resolution-hours-median').reference).toMatch(/24 hours/);
    expect(findKpi('nope')).toBeNull();
  });
});
