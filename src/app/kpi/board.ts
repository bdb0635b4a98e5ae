/**
 * The KPI board (docs/metrics.md, "KPI board and status"): the catalogue with the targets set on it, setting
 * and removing a target, and the status of each KPI with a target. Values come from the reports over
 * 12-month windows: portfolio for retention, churn, duration, CLV and portfolio value; flows for the
 * new-customer share; the store's window activity for the repeat-order share; service for the complaint KPIs
 * (24-hour resolution target, UTC); satisfaction for NPS, CSAT and CES. The previous value is the same report
 * one window earlier. A KPI whose value cannot be computed has a null value and a note saying why.
 */
import { addMonths, toEpochDay, type IsoDay, type Window } from '../../core/dates';
import { CvmError } from '../../core/errors';
import { reportWindows } from '../../core/kpi/basis';
import { KPI_CATALOGUE, type KpiDefinition } from '../../core/kpi/catalogue';
import { DEFAULT_TIERS } from '../../core/kpi/tiers';
import {
  kpiBoard,
  statusCounts,
  type BoardRow,
  type KpiGoal,
  type StatusCounts,
  type Target,
} from '../../core/kpi/targets';
import type { Activity } from '../../data/service/types';
import type { StoreUnit } from '../../data/store';
import type { KpiSetInput, KpiStatusInput } from '../options/kpi';
import { resolveAsOf } from '../reports/basis';
import { flowsReport, type FlowsReport } from '../reports/flows';
import { portfolioReport, type PortfolioReport } from '../reports/portfolio';
import { satisfactionReport, type SatisfactionReport } from '../reports/satisfaction';
import { serviceReport, type ServiceReport } from '../reports/service';
import { DEFAULT_TARGET_HOURS } from '../../core/service/resolution-target';
import { msg, type Message } from '../../core/messages/catalogue';

/** Months per window of the values on the board. */
export const BOARD_WINDOW_MONTHS = 12;

/** A catalogue KPI with its target, when one is set. */
export interface KpiListEntry {
  id: string;
  label: { en: string; sv: string };
  unit: KpiDefinition['unit'];
  direction: KpiDefinition['direction'];
  definition: string;
  goal: { target: Target; deadline: IsoDay; owner: string; setAt: string } | null;
}

export async function kpiList(unit: StoreUnit): Promise<KpiListEntry[]> {
  const targets = new Map((await unit.kpi.targets()).map((t) => [t.kpi, t]));
  return KPI_CATALOGUE.map((k) => {
    const t = targets.get(k.id);
    return {
      id: k.id,
      label: k.label,
      unit: k.unit,
      direction: k.direction,
      definition: k.definition,
      goal: t ? { target: t.target, deadline: t.deadline, owner: t.owner, setAt: t.setAt } : null,
    };
  });
}

/** Removes a KPI's target from the board; a KPI without one is a `not-found` error naming it. */
export async function removeKpiTarget(unit: StoreUnit, kpi: string): Promise<string> {
  if (!(await unit.kpi.removeTarget(kpi))) throw new CvmError('not-found', msg('kpi.no-target', { kpi }));
  return kpi;
}

/** Sets a KPI's target (replacing the one it had); `now` is the ISO timestamp it is recorded with. */
export async function setKpiTarget(unit: StoreUnit, input: KpiSetInput, now: string): Promise<KpiSetInput> {
  await unit.kpi.setTarget({ ...input, setAt: now });
  return input;
}

export interface KpiStatusRow extends BoardRow {
  label: { en: string; sv: string };
  unit: KpiDefinition['unit'];
  target: Target;
  previous: number | null;
  note: Message | null;
}

export interface KpiStatusReport {
  asOf: IsoDay;
  windowMonths: number;
  rows: KpiStatusRow[];
  warnings: Message[];
}

export type Value = { value: number | null; note: Message | null };

/** The reports a board's values come from; each is computed only when a KPI on the board needs it. */
export interface Sources {
  asOf: IsoDay;
  portfolio: () => Promise<PortfolioReport>;
  satisfaction: () => Promise<SatisfactionReport>;
  service: () => Promise<ServiceReport>;
  flows: () => Promise<FlowsReport>;
  activity: () => Promise<Activity & { window: Window }>;
}

const PORTFOLIO: Record<string, (r: PortfolioReport) => number | null> = {
  retention: (r) => r.total.retention,
  churn: (r) => r.total.churn,
  duration: (r) => r.total.duration,
  clv: (r) => r.total.clv,
  'portfolio-value': (r) => r.total.value,
};

const SERVICE: Record<string, (r: ServiceReport) => number | null> = {
  complaints: (r) => r.complaints,
  'complaints-per-1000-customers': (r) => r.ratePer1000Customers,
  'resolution-hours-median': (r) => r.medianResolutionHours,
  'resolved-within-target': (r) => r.resolvedWithinTarget,
  'first-response-hours-median': (r) => r.firstResponse.medianHours,
  'complaint-backlog': (r) => r.openBacklog.open,
  'satisfaction-after-complaint': (r) => r.satisfactionAfterResolution.mean,
};

const SATISFACTION: Record<string, (r: SatisfactionReport) => number | null> = {
  nps: (r) => r.nps.score,
  csat: (r) => r.csat.share,
  ces: (r) => r.ces.mean,
};

/** New customers (flow "new") / customers active in the current window of the flows report. */
export function newCustomerShare(r: FlowsReport): number | null {
  const fresh = r.flows.filter((f) => f.kind === 'new').reduce((sum, f) => sum + f.customers, 0);
  return r.total.customers === 0 ? null : fresh / r.total.customers;
}

/** Customers with two or more purchases in the window / active customers of the window. */
export function repeatOrderShare(a: Activity): number | null {
  return a.activeCustomers === 0 ? null : a.repeatCustomers / a.activeCustomers;
}

/** The value of KPI `id` from the board's sources, with a note when it is null. */
export async function valueOf(id: string, s: Sources): Promise<Value> {
  const fromPortfolio = PORTFOLIO[id];
  if (fromPortfolio) {
    const portfolio = await s.portfolio();
    const value = fromPortfolio(portfolio);
    return {
      value,
      note: value === null ? msg('kpi.no-value', { asOf: portfolio.asOf, reasons: portfolio.notes }) : null,
    };
  }
  const fromService = SERVICE[id];
  if (fromService) {
    const service = await s.service();
    const value = fromService(service);
    const key = id === 'satisfaction-after-complaint' ? 'kpi.no-scored-complaint' : 'kpi.no-complaints';
    return { value, note: value === null ? msg(key, { asOf: service.asOf }) : null };
  }
  const fromSatisfaction = SATISFACTION[id];
  if (fromSatisfaction) {
    const satisfaction = await s.satisfaction();
    const value = fromSatisfaction(satisfaction);
    return {
      value,
      note: value === null ? msg('kpi.no-answers', { asOf: satisfaction.asOf }) : null,
    };
  }
  if (id === 'new-customer-share') {
    const flows = await s.flows();
    const value = newCustomerShare(flows);
    return { value, note: value === null ? msg('kpi.no-active', { asOf: flows.asOf }) : null };
  }
  if (id === 'repeat-order-share') {
    const activity = await s.activity();
    const value = repeatOrderShare(activity);
    return {
      value,
      note: value === null ? msg('kpi.no-active', { asOf: activity.window.endInclusive }) : null,
    };
  }
  return { value: null, note: msg('kpi.not-computed') };
}

/** Computes `make` once, on first use. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= make());
}

/**
 * The board's sources as of `asOf` (default: the latest order date up to `today`), over windows of
 * `windowMonths` (the board's 12 by default).
 * The as-of day is resolved once, by the portfolio report's rule, so every source shares it.
 */
export async function boardSources(
  unit: StoreUnit,
  asOf: IsoDay | undefined,
  today: IsoDay | undefined,
  windowMonths: number = BOARD_WINDOW_MONTHS,
): Promise<Sources> {
  const report = {
    windowMonths,
    tiers: [...DEFAULT_TIERS],
    value: 'revenue' as const,
  };
  const resolved = (await resolveAsOf(unit.analytics, asOf, today)).asOf;
  return {
    asOf: resolved,
    portfolio: once(() => portfolioReport(unit.analytics, { ...report, asOf: resolved, today })),
    flows: once(() => flowsReport(unit.analytics, { ...report, asOf: resolved })),
    satisfaction: once(() => satisfactionReport(unit.service, { asOf: resolved, windowMonths })),
    service: once(() =>
      serviceReport(unit.service, {
        asOf: resolved,
        windowMonths,
        targetHours: DEFAULT_TARGET_HOURS,
        timeZone: 'UTC',
      }),
    ),
    activity: once(async () => {
      const window = reportWindows(resolved, windowMonths).current;
      return { ...(await unit.service.activity(window)), window };
    }),
  };
}

/**
 * The status of every KPI with a target as of `asOf` (default: the latest order date), by the rule of
 * core/kpi/targets.ts; saves a snapshot of each value (unless `snapshot` is false: a glance, as the start
 * line takes, keeps no history). `now` is the ISO timestamp the snapshots carry.
 */
export async function kpiStatus(
  unit: StoreUnit,
  input: KpiStatusInput,
  now: string,
  { snapshot = true }: { snapshot?: boolean } = {},
): Promise<KpiStatusReport> {
  const targets = await unit.kpi.targets();
  const current = await boardSources(unit, input.asOf, input.today);
  const asOf = current.asOf;
  const previousAsOf = addMonths(asOf, -BOARD_WINDOW_MONTHS);
  const previous = targets.length === 0 ? null : await boardSources(unit, previousAsOf, input.today);
  const periodDays = toEpochDay(asOf) - toEpochDay(previousAsOf);
  const entries: {
    kpi: KpiDefinition;
    target: Target;
    value: Value;
    before: number | null;
    goal: KpiGoal;
  }[] = [];
  for (const t of targets) {
    const kpi = KPI_CATALOGUE.find((k) => k.id === t.kpi);
    if (!kpi) continue;
    const value = await valueOf(kpi.id, current);
    const before = previous ? (await valueOf(kpi.id, previous)).value : null;
    entries.push({
      kpi,
      target: t.target,
      value,
      before,
      goal: { target: t.target, deadline: t.deadline, owner: t.owner },
    });
  }
  const board = kpiBoard(
    entries.map((e) => ({
      kpi: e.kpi,
      goal: e.goal,
      current: e.value.value,
      previous: e.before,
      periodDays,
    })),
    asOf,
  );
  for (const e of snapshot ? entries : []) {
    await unit.kpi.saveSnapshot({ kpi: e.kpi.id, asOf, value: e.value.value, takenAt: now });
  }
  return {
    asOf,
    windowMonths: BOARD_WINDOW_MONTHS,
    rows: board.rows.map((row, i) => {
      const e = entries[i]!;
      return {
        ...row,
        label: e.kpi.label,
        unit: e.kpi.unit,
        target: e.target,
        previous: e.before,
        note: e.value.note,
      };
    }),
    warnings: board.warnings,
  };
}

/**
 * The board at a glance for `cvm start`: how many KPIs with a target are on track, at risk, off track or
 * without a value, as of the latest order date. It computes the status exactly as `kpi status` does but
 * **saves no snapshot**: starting the dashboard is not a measurement anyone asked to keep. An empty board
 * answers without computing any report.
 */
export async function kpiBoardGlance(
  unit: StoreUnit,
  today: IsoDay,
): Promise<StatusCounts & { asOf: IsoDay | null }> {
  if ((await unit.kpi.targets()).length === 0) return { asOf: null, ...statusCounts([]) };
  const report = await kpiStatus(unit, { today }, '', { snapshot: false });
  return { asOf: report.asOf, ...statusCounts(report.rows.map((r) => r.status)) };
}
