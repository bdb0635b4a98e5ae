/**
 * Work the value reports repeat, done once per state of the data when a face keeps values that long (the
 * server's cache per data version, `share`): the order dates every report resolves its as-of day from, and
 * the tier flows of two windows, which the flows and the portfolio report both need. The portfolio never
 * shows won-back customers apart from new ones, so it reads the flows' cells with `wonBack` counted as
 * `new` (its figures add cells per target tier and per previous tier only, money in whole cents, so they do
 * not change). Flows ranked on staged values (`value` = clv) live in one unit's temporary tables and are
 * never shared.
 */
import type { IsoDay } from '../../core/dates';
import type { AnalyticsPort, OrderDates, TierFlowQuery, TierFlowResult } from '../../data/analytics/types';
import type { ServicePort } from '../../data/service/types';

/** Computes `compute` once per key for as long as the face keeps values (per data version). */
export type Share = <T>(key: string, compute: () => Promise<T>) => Promise<T>;

function flowsKey(query: TierFlowQuery): string {
  const { current, previous, measure, tiers } = query;
  return JSON.stringify({ current, previous, measure, tiers });
}

/**
 * The analytics port with the order dates and the tier flows shared through `share`; the rest as the port
 * does it.
 */
export function sharedAnalytics(port: AnalyticsPort, share: Share): AnalyticsPort {
  const view = Object.create(port) as AnalyticsPort;
  view.latestOrderDate = () => share('latestOrderDate', () => port.latestOrderDate());
  view.orderDates = (today) => sharedOrderDates(port, share, today);
  view.tierFlows = async (query) => {
    if (query.values !== undefined) return port.tierFlows(query);
    const flows = await share(`tierFlows ${flowsKey(query)}`, () =>
      port.tierFlows({ ...query, distinguishWonBack: true }),
    );
    return query.distinguishWonBack === false ? wonBackAsNew(flows) : flows;
  };
  return view;
}

/**
 * The service port with the order dates shared through `share` (the same figures the analytics port has);
 * the rest as the port does it.
 */
export function sharedService(port: ServicePort, share: Share): ServicePort {
  const view = Object.create(port) as ServicePort;
  view.orderDates = (today) => sharedOrderDates(port, share, today);
  return view;
}

function sharedOrderDates(
  port: Pick<AnalyticsPort, 'orderDates'>,
  share: Share,
  today: IsoDay | null,
): Promise<OrderDates | null> {
  return share(`orderDates ${today ?? ''}`, () => port.orderDates(today));
}

/** The flows as the portfolio asks for them: every customer not active in the previous window is new. */
function wonBackAsNew(flows: TierFlowResult): TierFlowResult {
  return {
    ...flows,
    cells: flows.cells.map((c) => (c.from === 'wonBack' ? { ...c, from: 'new' as const } : c)),
  };
}
