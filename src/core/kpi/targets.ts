/**
 * The KPI board (docs/domain.md, "KPIs, targets and their quality"; seed 001: "set specific goals and deadlines"):
 * each KPI with a target, a deadline and an owner gets a status and a trend.
 *
 * The status rule, applied in this order, with x the current value, x₋ the previous period's value,
 * L the period length in days and t the days from the as-of day to the deadline:
 *
 * 1. x unknown → status null ("no value").
 * 2. The target is met (x ≥ target when higher is better, x ≤ target when lower is better, low ≤ x ≤ high
 *    for a normal range) → **on track**.
 * 3. The deadline is today or past (t ≤ 0) → **off track**: no time is left to meet it.
 * 4. No previous value → **at risk**: unmet, and no trend shows it is catching up.
 * 5. Gap g = distance from x to the target in the good direction (to the nearer bound of a range); needed
 *    rate = g / t per day; trend rate r = improvement from x₋ to x / L per day (for a range: the decrease
 *    of the distance). r ≥ g / t (the trend, continued, reaches the target by the deadline; compared as
 *    r × t ≥ g up to a relative 10⁻⁹ so decimal rounding cannot flip it) → **on track**.
 * 6. 0 < r < g / t (improving, too slowly) → **at risk**.
 * 7. r ≤ 0 (flat or worsening) → **off track**.
 *
 * Few KPIs: a board with more than 7 carries a warning.
 */
import { toEpochDay, type IsoDay } from '../dates';
import { assert } from '../errors';
import type { KpiDefinition } from './catalogue';
import { msg, type Message } from '../messages/catalogue';

/** A target: a value to reach (in the KPI's direction) or a normal range (inclusive bounds). */
export type Target = { kind: 'value'; value: number } | { kind: 'range'; low: number; high: number };

/** A KPI's place on the board: its target, deadline (ISO day) and owner. */
export interface KpiGoal {
  target: Target;
  deadline: IsoDay;
  owner: string;
}

/** One board entry: the definition, the goal, the current and previous period's values. */
export interface BoardEntry {
  kpi: KpiDefinition;
  goal: KpiGoal;
  current: number | null;
  previous: number | null;
  /** days between the previous and the current value (e.g. 365 for 12-month windows) */
  periodDays: number;
}

export type KpiStatus = 'on-track' | 'at-risk' | 'off-track';

/** Which step of the rule decided the status. */
export type StatusRule =
  | 'no-value'
  | 'met'
  | 'deadline-reached'
  | 'no-trend'
  | 'trend-reaches-target'
  | 'improving-too-slowly'
  | 'not-improving';

/** A board row; rates in the KPI's unit per day. */
export interface BoardRow {
  id: string;
  owner: string;
  deadline: IsoDay;
  current: number | null;
  status: KpiStatus | null;
  rule: StatusRule;
  /** x − x₋; null when either is unknown */
  change: number | null;
  /** better / worse / flat in the KPI's direction (for a range: towards it); null without both values */
  trend: 'better' | 'worse' | 'flat' | null;
  /** distance to the target in the good direction, 0 when met; null without a value */
  gap: number | null;
  /** days from the as-of day to the deadline (negative when past) */
  daysLeft: number;
  /** gap / daysLeft; null when met, unknown or no time is left */
  neededPerDay: number | null;
  /** improvement per day over the last period; null without both values */
  trendPerDay: number | null;
}

/** Most KPIs a board should hold. */
export const BOARD_MAX_KPIS = 7;

/** Distance from `x` to `target` in the good `direction`; 0 when met. */
export function targetGap(x: number, target: Target, direction: KpiDefinition['direction']): number {
  if (target.kind === 'range') return Math.max(0, target.low - x, x - target.high);
  return Math.max(0, direction === 'higher' ? target.value - x : x - target.value);
}

/** The board row of `entry` as of `asOf` (ISO day), by the rule in the file header. */
export function kpiStatus(entry: BoardEntry, asOf: IsoDay): BoardRow {
  const { kpi, goal, current, previous, periodDays } = entry;
  assert(periodDays > 0, `period of ${periodDays} days`);
  const daysLeft = toEpochDay(goal.deadline) - toEpochDay(asOf);
  const gap = current === null ? null : targetGap(current, goal.target, kpi.direction);
  const improvement =
    current === null || previous === null
      ? null
      : targetGapSigned(previous, goal.target, kpi.direction) -
        targetGapSigned(current, goal.target, kpi.direction);
  const trendPerDay = improvement === null ? null : improvement / periodDays;
  const row = (status: KpiStatus | null, rule: StatusRule, neededPerDay: number | null = null): BoardRow => ({
    id: kpi.id,
    owner: goal.owner,
    deadline: goal.deadline,
    current,
    status,
    rule,
    change: current === null || previous === null ? null : current - previous,
    trend: improvement === null ? null : improvement > 0 ? 'better' : improvement < 0 ? 'worse' : 'flat',
    gap,
    daysLeft,
    neededPerDay,
    trendPerDay,
  });
  if (gap === null) return row(null, 'no-value');
  if (gap === 0) return row('on-track', 'met');
  if (daysLeft <= 0) return row('off-track', 'deadline-reached');
  const needed = gap / daysLeft;
  if (trendPerDay === null) return row('at-risk', 'no-trend', needed);
  if (trendPerDay * daysLeft >= gap * (1 - 1e-9)) return row('on-track', 'trend-reaches-target', needed);
  if (trendPerDay > 0) return row('at-risk', 'improving-too-slowly', needed);
  return row('off-track', 'not-improving', needed);
}

/**
 * Signed distance to a value target (negative once past it, so moving further past still counts as
 * better), or the plain distance to a range (inside it nothing is better than anything else).
 */
function targetGapSigned(x: number, target: Target, direction: KpiDefinition['direction']): number {
  if (target.kind === 'range') return targetGap(x, target, direction);
  return direction === 'higher' ? target.value - x : x - target.value;
}

/** The board: one row per entry, and warnings (more than 7 KPIs). */
export function kpiBoard(
  entries: readonly BoardEntry[],
  asOf: IsoDay,
): { rows: BoardRow[]; warnings: Message[] } {
  const warnings =
    entries.length > BOARD_MAX_KPIS
      ? [msg('kpi.board-too-long', { kpis: entries.length, maximum: BOARD_MAX_KPIS })]
      : [];
  return { rows: entries.map((e) => kpiStatus(e, asOf)), warnings };
}

/** How many board rows are on track, at risk, off track, and without a value (status null). */
export interface StatusCounts {
  kpis: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  noValue: number;
}

/** The counts of `statuses` per status: the one-line board summary. */
export function statusCounts(statuses: readonly (KpiStatus | null)[]): StatusCounts {
  const count = (s: KpiStatus | null): number => statuses.filter((x) => x === s).length;
  return {
    kpis: statuses.length,
    onTrack: count('on-track'),
    atRisk: count('at-risk'),
    offTrack: count('off-track'),
    noValue: count(null),
  };
}
