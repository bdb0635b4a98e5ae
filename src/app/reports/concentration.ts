/**
 * `report concentration`: how concentrated the current window's value is: Lorenz curve points, the share of
 * the top 1 / 5 / 10 / 20 / 50 % of customers, Gini, and a deciles table (the tier rule with ten 10 % tiers).
 * On the contract basis the customers are those with a contract in force on the as-of day, valued by their
 * current-window contract revenue (fees pro rata or linked invoices, as the subscription report has it).
 */
import type { IsoDay, Window } from '../../core/dates';
import type { ActivityBasis, ValueBasis, WindowMonths } from '../../core/kpi/basis';
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
import type { ModelsPort } from '../../data/models/types';
import { clvNotes, withClvValues, type ClvBasisJson } from './clv-basis';
import { chooseActivity } from './activity';
import { missingMarginNote, resolveBasis } from './basis';
import { resolveContracts } from './contracts';
import type { ReportInput } from '../options/report';
import { msg, type Message } from '../../core/messages/catalogue';

export const TOP_PERCENTS = [1, 5, 10, 20, 50] as const;
export const LORENZ_POINTS = 100;

export interface ConcentrationReport {
  /** orders (value in the window) or contracts (in force on the as-of day, contract revenue) */
  basis: ActivityBasis;
  asOf: IsoDay;
  windowMonths: WindowMonths;
  value: ValueBasis;
  /** with value = clv: the CLV's model, horizon, discount rate, time unit and the fits */
  clv?: ClvBasisJson;
  window: Window;
  /** active customers in the window */
  customers: number;
  /** sum of customer values (value clv: predicted CLVs), negative values counted as 0 */
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
  contracts?: ContractsPort,
  models?: ModelsPort,
): Promise<ConcentrationReport> {
  const chosen = await chooseActivity(analytics, contracts, input.basis);
  const tiers = input.tiers;
  const shape = { tiers, lorenzPoints: LORENZ_POINTS, topPercents: TOP_PERCENTS };
  let head: Pick<ConcentrationReport, 'basis' | 'asOf' | 'windowMonths' | 'value' | 'window' | 'clv'>;
  let result: ConcentrationResult;
  const notes: Message[] = [...chosen.notes];
  if (chosen.activity === 'contracts' && contracts !== undefined) {
    if (input.clv !== undefined)
      throw invalidOption('value', 'clv', 'revenue on the contract basis', msg('basis.clv-not-contracts'));
    if (input.value === 'margin')
      throw invalidOption(
        'value',
        'margin',
        'revenue on the contract basis',
        msg('basis.no-contract-margin'),
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
      msg('concentration.contracts-basis', { asOf: r.asOf, revenue: r.revenue }),
      ...r.notes.filter((n) => n.key !== 'contracts.before-first'),
    );
  } else {
    const basis = await resolveBasis(analytics, input, 'current');
    const query = { ...shape, window: basis.current, measure: basis.measure };
    let clv: ClvBasisJson | null = null;
    if (input.clv === undefined) result = await analytics.concentration(query);
    else
      [result, clv] = await withClvValues(
        analytics,
        models,
        input.clv,
        [{ window: 'current', asOf: basis.current.endInclusive }],
        async ([current], json) =>
          [await analytics.concentration({ ...query, values: current }), json] as const,
      );
    head = {
      basis: 'orders',
      asOf: basis.asOf,
      windowMonths: basis.windowMonths,
      value: clv === null ? basis.measure : 'clv',
      ...(clv === null ? {} : { clv }),
      window: basis.current,
    };
    notes.push(...basis.coverage, ...(clv === null ? [] : clvNotes(clv)));
    const margin = missingMarginNote(basis.measure, result.missingMargin, result.transactions);
    if (margin) notes.push(margin);
  }
  const c = buildConcentration(result.curve, LORENZ_POINTS, TOP_PERCENTS);
  if (result.curve.clipped > 0) notes.push(msg('concentration.clipped', { customers: result.curve.clipped }));
  if (c.gini === null) notes.push(msg('concentration.no-positive'));
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
