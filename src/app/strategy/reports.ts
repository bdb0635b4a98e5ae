/**
 * The customer-strategy use cases: `segments` (value × loyalty matrix, named segments, F12 → S12
 * movement), `lifecycle` (phases, phases × tiers, the base KPIs by phase, tier and segment) and `actions`
 * (the ranked next-best-action list with suppression, and its export with stable ids, logged so that a
 * later run does not suggest the same thing again).
 */
import { fromEpochDay, toEpochDay, type IsoDay, type Window } from '../../core/dates';
import type { ValueMeasure, WindowMonths } from '../../core/kpi/basis';
import {
  rankActions,
  suggestionAt,
  type RankedActions,
  type Suggestion,
  type SuppressionReason,
} from '../../core/strategy/actions';
import { SEGMENT_INACTIVE } from '../../core/strategy/classify';
import { CvmError } from '../../core/errors';
import {
  INACTIVE,
  PHASES,
  TRIGGERS,
  type LifecycleRules,
  type Phase,
  type TriggerName,
} from '../../core/strategy/rules';
import { reasonText, type ReasonLang } from '../../core/strategy/reasons';
import {
  kpiCuts,
  phaseByTier,
  segmentSummary,
  type GroupKpis,
  type MatrixCell,
  type MovementRow,
  type SegmentRow,
} from '../../core/strategy/summary';
import { writeExport, type ExportRow } from '../../data/strategy/files';
import type { StoreUnit } from '../../data/store';
import type { ActionsInput, StrategyInput } from '../options/strategy';
import { loadStrategy, type LoyaltyUsed, type StrategyBasis } from './load';
import { msg, type Message } from '../../core/messages/catalogue';

interface Header {
  asOf: IsoDay;
  windowMonths: WindowMonths;
  value: ValueMeasure;
  windows: { current: Window; previous: Window };
  rules: string;
  loyalty: LoyaltyUsed;
}

function header(b: StrategyBasis): Header {
  return {
    asOf: b.asOf,
    windowMonths: b.windowMonths,
    value: b.value,
    windows: { current: b.windows.current, previous: b.windows.previous },
    rules: b.rulesSource,
    loyalty: b.loyalty,
  };
}

export interface SegmentsReport extends Header {
  /** customers active in the current window, ranked into tiers, and their value */
  active: number;
  activeValue: number;
  cutoffs: number[];
  segments: SegmentRow[];
  matrix: MatrixCell[];
  movement: MovementRow[];
  kpis: GroupKpis[];
  notes: Message[];
}

export async function segmentsReport(unit: StoreUnit, input: StrategyInput): Promise<SegmentsReport> {
  const b = await loadStrategy(unit, input);
  const s = segmentSummary(b.states, b.current, b.previous, b.tiers, b.rules.segments);
  const kpis = kpiCuts(b.states, b.current, b.previous, b.tiers, b.rules.segments, b.windowMonths);
  return {
    ...header(b),
    active: s.active,
    activeValue: s.value,
    cutoffs: b.current.cutoffs,
    segments: s.segments,
    matrix: s.matrix,
    movement: s.movement,
    kpis: kpis.segments,
    notes: b.notes,
  };
}

export interface PhaseRow {
  phase: Phase;
  customers: number;
  share: number | null;
  /** customers per current tier name, and `inactive` */
  byTier: Record<string, number>;
}

export interface LifecycleReport extends Header {
  customers: number;
  phases: PhaseRow[];
  /** the base KPIs cut three ways, side by side */
  kpis: { phases: GroupKpis[]; tiers: GroupKpis[]; segments: GroupKpis[] };
  lifecycle: LifecycleRules;
  notes: Message[];
}

export async function lifecycleReport(unit: StoreUnit, input: StrategyInput): Promise<LifecycleReport> {
  const b = await loadStrategy(unit, input);
  const counts = phaseByTier(b.current, b.tiers.length);
  const customers = b.states.customerIds.length;
  const names = [...b.tiers.map((t) => t.name), 'inactive'];
  const phases = PHASES.map((phase, p) => {
    const row = counts[p] ?? [];
    const n = row.reduce((s, x) => s + x, 0);
    return {
      phase,
      customers: n,
      share: customers > 0 ? n / customers : null,
      byTier: Object.fromEntries(names.map((name, t) => [name, row[t] ?? 0])),
    };
  });
  const kpis = kpiCuts(b.states, b.current, b.previous, b.tiers, b.rules.segments, b.windowMonths);
  return { ...header(b), customers, phases, kpis, lifecycle: b.rules.lifecycle, notes: b.notes };
}

/** A suggestion as the JSON and the export carry it, with its reason in words. */
export interface SuggestionJson extends Omit<Suggestion, 'suppressed'> {
  reason: string;
}

export interface ActionsReport extends Header {
  /** the values each filter can take (triggers, segments and tiers with inactive, channels of the rules) */
  choices: { triggers: TriggerName[]; segments: string[]; tiers: string[]; channels: string[] };
  /** the filters applied to the list and the export */
  filters: {
    trigger: TriggerName | null;
    segment: string | null;
    tier: string | null;
    channel: string | null;
  };
  /** suggestions after suppression, and of them passing the filters */
  suggested: number;
  total: number;
  /** the first `limit` suggestions passing the filters, ranked (rank counts the whole list) */
  suggestions: SuggestionJson[];
  /** suppressed suggestions per reason */
  suppressed: Record<SuppressionReason, number>;
  /** fired triggers per trigger, and of them without an action rule for the customer's segment */
  triggers: { trigger: TriggerName; fired: number; withoutAction: number; suggested: number }[];
  /** expected duration per tier (years) the behavioural CLV uses; null = no customer lost (capped) */
  tierDurations: { tier: string; years: number | null }[];
  exported: { file: string; rows: number } | null;
  notes: Message[];
}

/** The columns of the export, in order. */
export const EXPORT_COLUMNS = [
  'id',
  'rank',
  'customer_id',
  'action_id',
  'action',
  'channel',
  'marketing',
  'trigger',
  'event_day',
  'segment',
  'tier',
  'loyalty',
  'phase',
  'clv',
  'risk',
  'value_at_stake',
  'reason',
  'as_of',
] as const;

function exportRow(s: SuggestionJson, asOf: IsoDay): ExportRow {
  return {
    id: s.id,
    rank: s.rank,
    customer_id: s.customerId,
    action_id: s.actionId,
    action: s.action,
    channel: s.channel,
    marketing: s.marketing,
    trigger: s.trigger,
    event_day: s.eventDay,
    segment: s.segment,
    tier: s.tier,
    loyalty: s.loyalty,
    phase: s.phase,
    clv: s.clv,
    risk: s.risk,
    value_at_stake: s.valueAtStake,
    reason: s.reason,
    as_of: asOf,
  };
}

/** Positions in the ranked list of the suggestions passing the filters of `input`. */
function filtered(list: RankedActions, b: StrategyBasis, input: ActionsInput): Int32Array {
  const segments = [...b.rules.segments.map((s) => s.name), INACTIVE];
  const tiers = [...b.tiers.map((t) => t.name), INACTIVE];
  const known = (value: string | undefined, names: string[], what: 'segment' | 'tier'): number => {
    if (value === undefined) return -2;
    const k = names.indexOf(value);
    if (k < 0)
      throw new CvmError(
        'invalid-input',
        msg('strategy.unknown-name', {
          what,
          value,
          names: names.map((x) => JSON.stringify(x)).join(', '),
        }),
      );
    return k;
  };
  const segment = known(input.segment, segments, 'segment');
  const tier = known(input.tier, tiers, 'tier');
  const trigger = input.trigger === undefined ? -1 : TRIGGERS.indexOf(input.trigger);
  const channels = b.rules.actions.map((a) => a.channel);
  const out = new Int32Array(list.count);
  let n = 0;
  for (let k = 0; k < list.count; k++) {
    const i = list.customer[k] ?? 0;
    if (trigger >= 0 && list.trigger[k] !== trigger) continue;
    if (input.channel !== undefined && channels[list.rule[k] ?? 0] !== input.channel) continue;
    if (segment !== -2) {
      const code = b.current.segment[i] ?? SEGMENT_INACTIVE;
      if ((code < 0 ? segments.length - 1 : code) !== segment) continue;
    }
    if (tier !== -2) {
      const t = b.current.tier[i] ?? -1;
      if ((t < 0 ? tiers.length - 1 : t) !== tier) continue;
    }
    out[n++] = k;
  }
  return out.subarray(0, n);
}

/**
 * The ranked list. With `exportFile` it writes every suggestion passing the filters there and logs them
 * (`now` is the timestamp of the log entries); the JSON holds the first `limit` of them. Suggestions
 * become objects (with their reason in `lang`) only for the rows shown or exported.
 */
export async function actionsReport(
  unit: StoreUnit,
  input: ActionsInput,
  lang: ReasonLang,
  now: string,
): Promise<ActionsReport> {
  const b = await loadStrategy(unit, input);
  const log = (await unit.strategy.actionLog(b.asOf)).map((r) => ({
    suggestionId: r.suggestionId,
    customerId: r.customerId,
    asOf: toEpochDay(r.asOf),
  }));
  const list = rankActions({
    states: b.states,
    current: b.current,
    previous: b.previous,
    rules: b.rules,
    tiers: b.tiers,
    windowMonths: b.windowMonths,
    pAlive: b.pAlive,
    modelClv: b.modelClv,
    accounts: b.accounts,
    log,
  });
  const picked = filtered(list, b, input);
  const json = (k: number): SuggestionJson => {
    const { suppressed: _, ...s } = suggestionAt(list, k);
    return { ...s, reason: reasonText({ ...s, suppressed: null }, lang) };
  };
  const suggestions = Array.from(picked.subarray(0, input.limit), json);
  const suggested = new Int32Array(TRIGGERS.length);
  for (let k = 0; k < list.count; k++) suggested[list.trigger[k] ?? 0]!++;
  let exported: ActionsReport['exported'] = null;
  if (input.exportFile !== undefined) {
    const all = Array.from(picked, json);
    await writeExport(
      input.exportFile,
      EXPORT_COLUMNS,
      all.map((s) => exportRow(s, b.asOf)),
    );
    await unit.strategy.logActions(
      all.map((s) => ({
        suggestionId: s.id,
        customerId: s.customerId,
        actionId: s.actionId,
        asOf: b.asOf,
        exportedAt: now,
      })),
    );
    exported = { file: input.exportFile, rows: all.length };
  }
  const notes = [...b.notes];
  if (list.tierDurations.some((d) => d === null)) notes.push(msg('strategy.duration-capped'));
  if (log.length > 0)
    notes.push(
      msg('strategy.logged', {
        count: log.length,
        since: fromEpochDay(log.reduce((m, l) => Math.min(m, l.asOf), Infinity)),
      }),
    );
  return {
    ...header(b),
    choices: {
      triggers: [...TRIGGERS],
      segments: [...b.rules.segments.map((x) => x.name), INACTIVE],
      tiers: [...b.tiers.map((x) => x.name), INACTIVE],
      channels: [...new Set(b.rules.actions.map((a) => a.channel))],
    },
    filters: {
      trigger: input.trigger ?? null,
      segment: input.segment ?? null,
      tier: input.tier ?? null,
      channel: input.channel ?? null,
    },
    suggested: list.count,
    total: picked.length,
    suggestions,
    suppressed: list.suppressedBy,
    triggers: TRIGGERS.map((t, k) => ({
      trigger: t,
      fired: list.fired[t] ?? 0,
      withoutAction: list.withoutAction[t] ?? 0,
      suggested: suggested[k] ?? 0,
    })),
    tierDurations: b.tiers.map((t, k) => ({ tier: t.name, years: list.tierDurations[k] ?? null })),
    exported,
    notes,
  };
}
