/**
 * `report concentration`: how concentrated the current window's value is: Lorenz curve points, the share of
 * the top 1 / 5 / 10 / 20 / 50 % of customers, Gini, and a deciles table (the tier rule with ten 10 % tiers).
 */
import type { IsoDay, Window } from '../../core/dates';
import type { ValueMeasure, WindowMonths } from '../../core/kpi/basis';
import {
  buildConcentration,
  tierShares,
  type LorenzPoint,
  type TierShareRow,
  type TopShare,
} from '../../core/kpi/concentration';
import type { AnalyticsPort } from '../../data/analytics/types';
import { missingMarginNote, resolveBasis } from './basis';
import type { ReportInput } from '../options/report';
import { msg, type Message } from '../../core/messages/catalogue';

export const TOP_PERCENTS = [1, 5, 10, 20, 50] as const;
export const LORENZ_POINTS = 100;

export interface ConcentrationReport {
  asOf: IsoDay;
  windowMonths: WindowMonths;
  value: ValueMeasure;
  window: Window;
  /** active customers in the window */
  customers: number;
  /** sum of customer values, negative values counted as 0 */
  total: number;
  gini: number | null;
  top: TopShare[];
  lorenz: LorenzPoint[];
  /** deciles by default; the `tiers` option picks another cut */
  tiers: TierShareRow[];
  notes: Message[];
}

export async function concentrationReport(
  analytics: AnalyticsPort,
  input: ReportInput,
): Promise<ConcentrationReport> {
  const basis = await resolveBasis(analytics, input, 'current');
  const tiers = basis.tiers;
  const result = await analytics.concentration({
    window: basis.current,
    measure: basis.measure,
    tiers,
    lorenzPoints: LORENZ_POINTS,
    topPercents: TOP_PERCENTS,
  });
  const c = buildConcentration(result.curve, LORENZ_POINTS, TOP_PERCENTS);
  const notes: Message[] = [...basis.coverage];
  if (result.curve.clipped > 0) notes.push(msg('concentration.clipped', { customers: result.curve.clipped }));
  if (c.gini === null) notes.push(msg('concentration.no-positive'));
  const margin = missingMarginNote(basis.measure, result.missingMargin, result.transactions);
  if (margin) notes.push(margin);
  return {
    asOf: basis.asOf,
    windowMonths: basis.windowMonths,
    value: basis.measure,
    window: basis.current,
    customers: result.curve.n,
    total: result.curve.total,
    gini: c.gini,
    top: c.top,
    lorenz: c.lorenz,
    tiers: tierShares(
      tiers.map((t) => t.name),
      result.tiers,
    ),
    notes,
  };
}
