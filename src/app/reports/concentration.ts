/**
 * `report concentration`: how concentrated the current window's value is: Lorenz curve points, the share of
 * the top 1 / 5 / 10 / 20 / 50 % of customers, Gini, and a deciles table (the tier rule with ten 10 % tiers).
 * On the contract basis the customers are those with a contract in force on the as-of day, valued by their
 * current-window contract revenue (fees pro rata or linked invoices, as the subscription report has it).
 */
import type { IsoDay, Window } from '../../core/dates';
import type { ActivityBasis, ValueMeasure, WindowMonths } from '../../core/kpi/basis';
import { invalidOption } from '../../core/errors';
import {
  buildConcentration,
  tierShares,
  type LorenzPoint,
  type TierShareRow,
  type TopShare,
} from '../../core/kpi/concentration';
import type { AnalyticsPort, ConcentrationResult } from '../../data/analytics/types';
import type { ContractsPort } from '../../data/contracts/types';
import { chooseActivity } from './activity';
import { missingMarginNote, resolveBasis } from './basis';
import { resolveContracts } from './contracts';
import type { ReportInput } from '../options/report';

export const TOP_PERCENTS = [1, 5, 10, 20, 50] as const;
export const LORENZ_POINTS = 100;

export interface ConcentrationReport {
  /** orders (value in the window) or contracts (in force on the as-of day, contract revenue) */
  basis: ActivityBasis;
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
  notes: string[];
}

export async function concentrationReport(
  analytics: AnalyticsPort,
  input: ReportInput,
  contracts?: ContractsPort,
): Promise<ConcentrationReport> {
  const chosen = await chooseActivity(analytics, contracts, input.basis);
  const tiers = input.tiers;
  const shape = { tiers, lorenzPoints: LORENZ_POINTS, topPercents: TOP_PERCENTS };
  let head: Pick<ConcentrationReport, 'basis' | 'asOf' | 'windowMonths' | 'value' | 'window'>;
  let result: ConcentrationResult;
  const notes: string[] = [...chosen.notes];
  if (chosen.activity === 'contracts' && contracts !== undefined) {
    if (input.value === 'margin')
      throw invalidOption(
        'value',
        'margin',
        'revenue on the contract basis',
        'contracts carry no margin: rank by revenue (annual fees or linked invoices)',
      );
    const r = await resolveContracts(contracts, input);
    result = await contracts.contractConcentration({
      ...shape,
      asOf: r.asOf,
      window: r.windows.current,
      windowMonths: input.windowMonths,
      revenue: r.revenue,
    });
    head = {
      basis: 'contracts',
      asOf: r.asOf,
      windowMonths: input.windowMonths,
      value: 'revenue',
      window: r.windows.current,
    };
    notes.push(
      `basis: contracts (customers with a contract in force on ${r.asOf}, valued by their revenue of the window ` +
        `from ${r.revenue === 'fees' ? 'annual fees pro rata' : 'linked invoices'})`,
      ...r.notes.filter((n) => !n.startsWith('the previous window')),
    );
  } else {
    const basis = await resolveBasis(analytics, input, 'current');
    result = await analytics.concentration({ ...shape, window: basis.current, measure: basis.measure });
    head = {
      basis: 'orders',
      asOf: basis.asOf,
      windowMonths: basis.windowMonths,
      value: basis.measure,
      window: basis.current,
    };
    notes.push(...basis.coverage);
    const margin = missingMarginNote(basis.measure, result.missingMargin, result.transactions);
    if (margin) notes.push(margin);
  }
  const c = buildConcentration(result.curve, LORENZ_POINTS, TOP_PERCENTS);
  if (result.curve.clipped > 0)
    notes.push(
      `${result.curve.clipped} ${result.curve.clipped === 1 ? 'customer has' : 'customers have'} a net value below 0, counted as 0 in the curve, the shares and Gini`,
    );
  if (c.gini === null) notes.push('Gini and the Lorenz curve are undefined: no positive value in the window');
  return {
    ...head,
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
