/**
 * The activity basis of the value reports (`--basis orders|contracts`): which data says a customer is
 * active. The default follows what the store holds: contracts when it holds contracts and no orders, else
 * orders (with a note when it holds both). On the contract basis a customer is active on a day with a
 * contract in force, the two "windows" compare the previous day (the current window's exclusive start) with
 * the as-of day, and revenue comes from the contracts' fees or linked invoices (docs/metrics.md, "Contracts").
 */
import type { ActivityBasis } from '../../core/kpi/basis';
import { invalidOption } from '../../core/errors';
import type { TenureBucket } from '../../core/kpi/tenure';
import type { AnalyticsPort, TierFlowResult } from '../../data/analytics/types';
import type { ContractsPort } from '../../data/contracts/types';
import type { ContractPortfolioResult } from '../../data/contracts/types';
import type { ReportInput } from '../options/report';
import { missingMarginNote, resolveBasis, returnsOnlyNote, type ReportBasis } from './basis';
import { computeBasis, type ContractBasis } from './contracts';
import type { ModelsPort } from '../../data/models/types';
import { clvNotes, withClvValues, type ClvBasisJson } from './clv-basis';
import { msg, type Message } from '../../core/messages/catalogue';

/** The basis asked for, else the one the store's data calls for, with a note when there was a choice. */
export async function chooseActivity(
  analytics: AnalyticsPort,
  contracts: ContractsPort | undefined,
  requested: ActivityBasis | undefined,
): Promise<{ activity: ActivityBasis; notes: Message[] }> {
  if (requested === 'contracts' && contracts === undefined)
    throw invalidOption('basis', requested, 'orders', msg('basis.orders-only'));
  if (requested !== undefined) return { activity: requested, notes: [] };
  if (contracts === undefined) return { activity: 'orders', notes: [] };
  const hasContracts = (await contracts.contractDates(null)) !== null;
  if (!hasContracts) return { activity: 'orders', notes: [] };
  const hasOrders = (await analytics.latestOrderDate()) !== null;
  if (!hasOrders) return { activity: 'contracts', notes: [] };
  return {
    activity: 'orders',
    notes: [msg('activity.contracts-too')],
  };
}

/** A report's basis and tier flows on orders or on contracts. */
export interface TierFlowsOn {
  activity: ActivityBasis;
  basis: ReportBasis;
  flows: TierFlowResult;
  /** the contract run, on the contract basis (tenure counts, holdings …) */
  contract: { basis: ContractBasis; result: ContractPortfolioResult } | null;
  /** with `value` = clv: how each window's predicted CLVs were made; null otherwise */
  clv: ClvBasisJson | null;
  notes: Message[];
}

/** Tier flows between the two windows on the chosen activity basis. */
export async function tierFlowsOn(
  analytics: AnalyticsPort,
  contracts: ContractsPort | undefined,
  input: ReportInput,
  options: {
    distinguishWonBack: boolean;
    tenure?: (currentStart: string) => TenureBucket[];
    /** the models port, for `value` = clv */
    models?: ModelsPort | undefined;
  },
): Promise<TierFlowsOn> {
  const chosen = await chooseActivity(analytics, contracts, input.basis);
  if (chosen.activity === 'orders' || contracts === undefined) {
    const basis = await resolveBasis(analytics, input);
    const query = {
      current: basis.current,
      previous: basis.previous,
      measure: basis.measure,
      tiers: basis.tiers,
      distinguishWonBack: options.distinguishWonBack,
    };
    // with value = clv each window ranks on the CLV predicted as of its own end
    const { flows, clv } =
      input.clv === undefined
        ? { flows: await analytics.tierFlows(query), clv: null }
        : await withClvValues(
            analytics,
            options.models,
            input.clv,
            [
              { window: 'previous', asOf: basis.previous.endInclusive },
              { window: 'current', asOf: basis.current.endInclusive },
            ],
            async ([previous, current], json) => ({
              flows: await analytics.tierFlows({
                ...query,
                values: { previous: previous!, current: current! },
              }),
              clv: json,
            }),
          );
    const margin = missingMarginNote(basis.measure, flows.missingMargin, flows.transactions);
    const returns = returnsOnlyNote(flows.returnsOnly);
    return {
      activity: 'orders',
      basis,
      flows,
      contract: null,
      clv,
      notes: [
        ...chosen.notes,
        ...basis.coverage,
        ...(clv ? clvNotes(clv) : []),
        ...(margin ? [margin] : []),
        ...(returns ? [returns] : []),
      ],
    };
  }
  if (input.clv !== undefined)
    throw invalidOption(
      'value',
      'clv',
      'revenue or margin on the contract basis',
      msg('basis.clv-not-contracts'),
    );
  if (input.value === 'margin')
    throw invalidOption('value', 'margin', 'revenue on the contract basis', msg('basis.no-contract-margin'));
  const run = await computeBasis(
    contracts,
    { asOf: input.asOf, today: input.today, windowMonths: input.windowMonths, tiers: input.tiers },
    options.tenure,
  );
  const { basis: b, result } = run;
  const cells = options.distinguishWonBack
    ? result.cells
    : result.cells.map((c) => (c.from === 'wonBack' ? { ...c, from: 'new' as const } : c));
  return {
    activity: 'contracts',
    basis: {
      asOf: b.asOf,
      windowMonths: b.windowMonths,
      current: b.windows.current,
      previous: b.windows.previous,
      measure: 'revenue',
      tiers: input.tiers,
      coverage: [],
    },
    flows: {
      activePrevious: result.activePrevious,
      activeCurrent: result.activeCurrent,
      cutoffsPrevious: result.cutoffsPrevious,
      cutoffsCurrent: result.cutoffsCurrent,
      cells,
      previousTiers: result.previousTiers,
      missingMargin: 0,
      transactions: 0,
      returnsOnly: { previous: 0, current: 0 },
    },
    contract: run,
    clv: null,
    notes: [
      msg('activity.contracts-basis', { previousDay: b.previousDay, asOf: b.asOf, revenue: b.revenue }),
      ...run.notes,
    ],
  };
}
