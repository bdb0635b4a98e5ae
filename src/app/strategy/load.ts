/**
 * What `cvm segments`, `cvm lifecycle` and `cvm actions` start from: the as-of day and windows resolved
 * like the value reports, the rules (defaults or a file) checked against the tiers, the per-customer states
 * from the store, P(alive) and CLV from a fitted BG/NBD + Gamma-Gamma when the loyalty basis asks for it,
 * and the two snapshots (as-of day and previous window's end).
 */
import { toEpochDay, windowBack, type IsoDay, type Window } from '../../core/dates';
import type { ValueMeasure, WindowMonths } from '../../core/kpi/basis';
import type { Tier } from '../../core/kpi/tiers';
import { unitsPerYear } from '../../core/models/time-unit';
import type { GammaGammaParams } from '../../core/models/gamma-gamma';
import { takeSnapshot, type LoyaltyBasis, type Snapshot } from '../../core/strategy/classify';
import { checkRules, DEFAULT_RULES, parseRules, type StrategyRules } from '../../core/strategy/rules';
import type { CustomerStates, KeyAccountSignals } from '../../core/strategy/states';
import { probabilityHistory } from '../../core/accounts/probability';
import { DEFAULT_SCORECARD } from '../../core/accounts/scorecard';
import { readRulesJson } from '../../data/strategy/files';
import type { StoreUnit } from '../../data/store';
import { indexPatterns, loadCustomers } from '../models/data';
import { fitSpend } from '../models/fit';
import { predictCustomers } from '../models/predict';
import { PURCHASE_KITS } from '../models/registry';
import type { StrategyInput } from '../options/strategy';
import { resolveBasis } from '../reports/basis';
import { msg, type Message } from '../../core/messages/catalogue';

/** Which loyalty basis was used, and for how many customers (nps and palive fall back to behaviour). */
export interface LoyaltyUsed {
  basis: LoyaltyBasis;
  /** in words, for the output */
  description: string;
  customers: Record<LoyaltyBasis, number>;
}

export interface StrategyBasis {
  asOf: IsoDay;
  windowMonths: WindowMonths;
  value: ValueMeasure;
  windows: { current: Window; previous: Window; earlier: Window };
  tiers: Tier[];
  rules: StrategyRules;
  /** the rules file, or "the default rules" */
  rulesSource: string;
  states: CustomerStates;
  current: Snapshot;
  previous: Snapshot;
  loyalty: LoyaltyUsed;
  pAlive: Float64Array | undefined;
  modelClv: Float64Array | undefined;
  /** key accounts linked to customers: their retention probabilities (the retention-fell trigger) */
  accounts: KeyAccountSignals | undefined;
  notes: Message[];
}

export const DEFAULT_RULES_SOURCE = 'the default rules';

/** The rules of `file`, or the defaults; checked against the tier names. */
export async function loadRules(file: string | undefined, tiers: readonly Tier[]): Promise<StrategyRules> {
  const rules = file === undefined ? DEFAULT_RULES : parseRules(await readRulesJson(file), file);
  checkRules(
    rules,
    tiers.map((t) => t.name),
    file ?? msg('source.default-rules'),
  );
  return rules;
}

/** P(alive) and 12-month CLV at 10 % per customer of `states` from BG/NBD (+ Gamma-Gamma) fitted in weeks. */
async function modelFigures(
  unit: StoreUnit,
  asOf: IsoDay,
  states: CustomerStates,
  notes: Message[],
): Promise<{ pAlive: Float64Array; clv: Float64Array }> {
  const { customers } = await loadCustomers({ calibrationEnd: asOf, timeUnit: 'week' }, unit);
  const kit = PURCHASE_KITS.bgnbd;
  const fit = kit.fit(indexPatterns(customers).patterns);
  const pAlive = new Float64Array(states.customerIds.length).fill(NaN);
  const clv = new Float64Array(states.customerIds.length).fill(NaN);
  if (fit === null) {
    notes.push(msg('strategy.no-fit'));
    return { pAlive, clv };
  }
  if (!fit.converged) notes.push(msg('model.not-converged', { model: 'BG/NBD', detail: fit.message }));
  const spend = fitSpend(customers, 'store');
  if (spend !== null && !spend.converged)
    notes.push(msg('model.not-converged', { model: 'Gamma-Gamma', detail: spend.message }));
  const predictions = predictCustomers(
    customers,
    kit,
    fit.params,
    spend === null ? null : (spend.params as unknown as GammaGammaParams),
    { months: 12, unitsPerYear: unitsPerYear('week'), discountRate: 0.1 },
  );
  const index = new Map(customers.customerIds.map((id, i) => [id, i]));
  states.customerIds.forEach((id, i) => {
    const j = index.get(id);
    if (j === undefined) return;
    pAlive[i] = predictions.pAlive[j] ?? NaN;
    clv[i] = predictions.clv[j] ?? NaN;
  });
  return { pAlive, clv };
}

/**
 * The retention probability (default scorecard) of each key account linked to a customer of `states`
 * (`accounts.customer_id`) at its latest assessment on or before the as-of day and at the one before;
 * undefined when no account is linked to a customer with a purchase.
 */
async function keyAccountSignals(
  unit: StoreUnit,
  asOf: IsoDay,
  states: CustomerStates,
): Promise<KeyAccountSignals | undefined> {
  const linked = (await unit.accounts.accounts()).filter((a) => a.customerId !== undefined);
  if (linked.length === 0) return undefined;
  const accountOf = new Map(linked.map((a) => [a.customerId ?? '', a.accountId]));
  const history = new Map<string, { assessedOn: IsoDay; values: Record<string, number> }[]>();
  for (const a of await unit.accounts.assessmentHistory()) {
    if (a.assessedOn > asOf) continue;
    const list = history.get(a.accountId) ?? [];
    list.push(a);
    history.set(a.accountId, list);
  }
  const n = states.customerIds.length;
  const signals = {
    day: new Float64Array(n).fill(NaN),
    latest: new Float64Array(n).fill(NaN),
    before: new Float64Array(n).fill(NaN),
  };
  let found = 0;
  for (let i = 0; i < n; i++) {
    const account = accountOf.get(states.customerIds[i] ?? '');
    if (account === undefined) continue;
    found++;
    const points = probabilityHistory(DEFAULT_SCORECARD, history.get(account) ?? [], `account ${account}: `);
    const last = points.at(-1);
    const previous = points.at(-2);
    if (last === undefined) continue;
    signals.day[i] = toEpochDay(last.assessedOn);
    signals.latest[i] = last.retentionProbability;
    signals.before[i] = previous?.retentionProbability ?? NaN;
  }
  return found > 0 ? signals : undefined;
}

const DESCRIPTIONS: Record<LoyaltyBasis, string> = {
  behaviour:
    'behaviour: bought in both windows and within its own purchase interval (high), or past the at-risk limit (low)',
  nps: 'NPS: the latest answer within the age limit (promoter high, passive medium, detractor low); behaviour without one',
  palive:
    'P(alive) from BG/NBD fitted on the purchases up to the as-of day (weeks); CLV from BG/NBD + Gamma-Gamma, 12 months at 10 %',
};

/** Resolves, reads and classifies. */
export async function loadStrategy(unit: StoreUnit, input: StrategyInput): Promise<StrategyBasis> {
  const rules = await loadRules(input.rulesFile, input.tiers);
  const basis = await resolveBasis(unit.analytics, input);
  const { asOf } = basis;
  const earlier = windowBack(asOf, input.windowMonths, 2);
  const windows = { current: basis.current, previous: basis.previous, earlier };
  const states = await unit.strategy.customerStates({
    asOf,
    ...windows,
    measure: input.value,
    complaintTargetHours: rules.triggers['complaint-late'].targetHours,
  });
  const notes = [...basis.coverage];
  const accounts = await keyAccountSignals(unit, asOf, states);
  let pAlive: Float64Array | undefined;
  let modelClv: Float64Array | undefined;
  if (input.loyalty === 'palive' && states.customerIds.length > 0) {
    const figures = await modelFigures(unit, asOf, states, notes);
    pAlive = figures.pAlive;
    modelClv = figures.clv;
  }
  const options = {
    tiers: input.tiers,
    segments: rules.segments,
    lifecycle: rules.lifecycle,
    loyalty: rules.loyalty,
    basis: input.loyalty,
    pAlive,
  };
  const day = (d: IsoDay): number => toEpochDay(d);
  const current = takeSnapshot(
    states,
    'current',
    {
      day: day(asOf),
      currentStart: day(windows.current.startExclusive),
      previousStart: day(windows.previous.startExclusive),
    },
    options,
  );
  const previous = takeSnapshot(
    states,
    'previous',
    {
      day: day(windows.previous.endInclusive),
      currentStart: day(windows.previous.startExclusive),
      previousStart: day(earlier.startExclusive),
    },
    options,
  );
  return {
    asOf,
    windowMonths: input.windowMonths,
    value: input.value,
    windows,
    tiers: input.tiers,
    rules,
    rulesSource: input.rulesFile ?? DEFAULT_RULES_SOURCE,
    states,
    current,
    previous,
    loyalty: {
      basis: input.loyalty,
      description: DESCRIPTIONS[input.loyalty],
      customers: current.loyaltyBasisCounts,
    },
    pAlive,
    modelClv,
    accounts,
    notes,
  };
}
