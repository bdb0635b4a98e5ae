/**
 * `kpi quality` (docs/metrics.md, "KPI quality"; seed 000: "a good KPI is not about measuring, it is about
 * predicting"): one row per catalogue KPI with its value, reliability (n, standard error, 95 % interval),
 * sensitivity (smallest detectable change), validity (gap to the board's target) and predictability:
 * customer level, the AUC of the KPI measured in the previous window for "active in the current window";
 * month level, the correlation of the monthly KPI with the next month's revenue.
 *
 * The decisions a reader needs: values and n come from the same reports as the board, over the chosen
 * window as of the as-of day; the standard errors are the binomial one for shares, the NPS one (margin of
 * error / 1.96), s / √n for CES and √count (Poisson) for counts; the median times, money and duration have
 * none (null, noted). The monthly series are the 24 one-month windows ending on the as-of day.
 */
import { windowBack, type IsoDay, type Window } from '../../core/dates';
import { reportWindows } from '../../core/kpi/basis';
import { KPI_CATALOGUE, type KpiDefinition } from '../../core/kpi/catalogue';
import {
  kpiQuality,
  monthlyKpiSeries,
  proportionStandardError,
  type KpiQualityInput as KpiQualityInputRow,
  type KpiQualityRow,
  type ScoreOutcomes,
} from '../../core/kpi/kpi-quality';
import { Z95 } from '../../core/kpi/stats';
import type { Target } from '../../core/kpi/targets';
import { DEFAULT_TARGET_HOURS } from '../../core/service/resolution-target';
import type { StoreUnit } from '../../data/store';
import type { KpiQualityInput } from '../options/kpi';
import { boardSources, valueOf, type Sources, type Value } from './board';
import { msg, type Message } from '../../core/messages/catalogue';

/** Months in the monthly series; the lag, in months, between a KPI and the revenue it should predict. */
export const QUALITY_MONTHS = 24;
export const QUALITY_LAG_MONTHS = 1;

export interface KpiQualityReportRow extends KpiQualityRow {
  label: { en: string; sv: string };
  unit: KpiDefinition['unit'];
  direction: KpiDefinition['direction'];
  standardError: number | null;
  target: Target | null;
  /** customers scored for the AUC (both outcomes); 0 when the KPI has no customer-level score */
  aucCustomers: number;
  /** months with both the KPI and the next month's revenue known */
  correlationMonths: number;
  notes: Message[];
}

export interface KpiQualityReport {
  asOf: IsoDay;
  windowMonths: number;
  /** the customer-level scores are measured in `measure`, the outcome is activity in `next` */
  windows: { measure: Window; next: Window };
  /** the monthly series: first and last month, and the lag in months */
  months: { first: Window; last: Window; count: number; lag: number; outcome: 'revenue' };
  rows: KpiQualityReportRow[];
}

/** Which customer-level score of the store stands for a KPI (docs/metrics.md, "KPI quality"). */
const SIGNAL_OF: Record<string, string> = {
  clv: 'clv',
  'portfolio-value': 'clv',
  'repeat-order-share': 'repeat-order-share',
  'new-customer-share': 'new-customer-share',
  complaints: 'complaints',
  'complaints-per-1000-customers': 'complaints',
  'complaint-backlog': 'complaint-backlog',
  'resolution-hours-median': 'resolution-hours-median',
  'resolved-within-target': 'resolved-within-target',
  'first-response-hours-median': 'first-response-hours-median',
  'satisfaction-after-complaint': 'satisfaction-after-complaint',
  nps: 'nps',
  csat: 'csat',
  ces: 'ces',
};

type Reliability = { n: number; standardError: number | null };

/** n and the standard error of KPI `id`'s value `value`, from the board's sources. */
async function reliability(id: string, value: number | null, s: Sources): Promise<Reliability> {
  const share = (n: number): Reliability => ({
    n,
    standardError: value === null ? null : proportionStandardError(value, n),
  });
  const poisson = (count: number): Reliability => ({ n: count, standardError: Math.sqrt(count) });
  switch (id) {
    case 'retention':
    case 'churn': {
      const flows = await s.flows();
      return share(flows.previous.reduce((sum, t) => sum + t.customers, 0));
    }
    case 'duration':
    case 'clv':
    case 'portfolio-value':
      return { n: (await s.portfolio()).total.customers, standardError: null };
    case 'repeat-order-share':
    case 'new-customer-share':
      return share((await s.activity()).activeCustomers);
    case 'complaints':
      return poisson((await s.service()).complaints);
    case 'complaints-per-1000-customers': {
      const r = await s.service();
      return {
        n: r.complaints,
        standardError: r.activeCustomers === 0 ? null : (1000 * Math.sqrt(r.complaints)) / r.activeCustomers,
      };
    }
    case 'complaint-backlog':
      return poisson((await s.service()).openBacklog.open);
    case 'resolution-hours-median':
      return { n: (await s.service()).resolved, standardError: null };
    case 'resolved-within-target':
      return share((await s.service()).complaints);
    case 'first-response-hours-median':
      return { n: (await s.service()).firstResponse.n, standardError: null };
    case 'satisfaction-after-complaint':
      return { n: (await s.service()).satisfactionAfterResolution.n, standardError: null };
    case 'nps': {
      const r = (await s.satisfaction()).nps;
      return { n: r.n, standardError: r.marginOfError === null ? null : r.marginOfError / Z95 };
    }
    case 'csat':
      return share((await s.satisfaction()).csat.n);
    case 'ces': {
      const r = (await s.satisfaction()).ces;
      return {
        n: r.n,
        standardError: r.interval === null ? null : (r.interval.high - r.interval.low) / (2 * Z95),
      };
    }
    default:
      return { n: 0, standardError: null };
  }
}

/** The 1-month windows of the monthly series, ascending, the last ending on `asOf`. */
export function qualityMonths(asOf: IsoDay, count = QUALITY_MONTHS): Window[] {
  return Array.from({ length: count }, (_, i) => windowBack(asOf, 1, count - 1 - i));
}

export async function kpiQualityReport(unit: StoreUnit, input: KpiQualityInput): Promise<KpiQualityReport> {
  const sources = await boardSources(unit, input.asOf, input.today, input.windowMonths);
  const asOf = sources.asOf;
  const { current, previous } = reportWindows(asOf, input.windowMonths);
  const signals = await unit.kpi.signalCounts({
    measure: previous,
    next: current,
    targetHours: DEFAULT_TARGET_HOURS,
  });
  const months = qualityMonths(asOf);
  const counts = await unit.kpi.monthCounts(months, DEFAULT_TARGET_HOURS);
  const series = monthlyKpiSeries(counts);
  const revenue = counts.map((m) => m.revenue);
  const targets = new Map((await unit.kpi.targets()).map((t) => [t.kpi, t.target]));
  const bySignal = new Map<string, ScoreOutcomes[]>();
  for (const r of signals) {
    const list = bySignal.get(r.kpi) ?? [];
    list.push({ score: r.score, active: r.active, inactive: r.inactive });
    bySignal.set(r.kpi, list);
  }
  const inputs: KpiQualityInputRow[] = [];
  const extras: {
    kpi: KpiDefinition;
    value: Value;
    rel: Reliability;
    aucCustomers: number;
    correlationMonths: number;
    signal: string | undefined;
    monthly: (number | null)[] | undefined;
  }[] = [];
  for (const kpi of KPI_CATALOGUE) {
    const value = await valueOf(kpi.id, sources);
    const rel = await reliability(kpi.id, value.value, sources);
    const signal = SIGNAL_OF[kpi.id];
    const customerCounts = signal === undefined ? undefined : (bySignal.get(signal) ?? []);
    const monthly = series[kpi.id];
    inputs.push({
      id: kpi.id,
      direction: kpi.direction,
      value: value.value,
      n: rel.n,
      standardError: rel.standardError,
      target: targets.get(kpi.id) ?? null,
      ...(customerCounts === undefined ? {} : { customerCounts }),
      ...(monthly === undefined
        ? {}
        : { series: { kpi: monthly, outcome: revenue, lag: QUALITY_LAG_MONTHS } }),
    });
    const aucCustomers = (customerCounts ?? []).reduce((sum, c) => sum + c.active + c.inactive, 0);
    const correlationMonths =
      monthly === undefined
        ? 0
        : monthly.filter((x, t) => x !== null && t + QUALITY_LAG_MONTHS < revenue.length).length;
    extras.push({ kpi, value, rel, aucCustomers, correlationMonths, signal, monthly });
  }
  const rows = kpiQuality(inputs).map((row, i): KpiQualityReportRow => {
    const e = extras[i]!;
    const notes: Message[] = [];
    if (e.value.note !== null) notes.push(e.value.note);
    if (e.rel.standardError === null && e.value.value !== null) notes.push(msg('quality.no-standard-error'));
    if (e.signal === undefined) notes.push(msg('quality.no-score'));
    else if (row.auc === null) notes.push(msg('quality.no-auc', { end: previous.endInclusive }));
    if (e.monthly === undefined) notes.push(msg('quality.no-monthly'));
    else if (row.laggedCorrelation === null) notes.push(msg('quality.no-lagged'));
    return {
      ...row,
      label: e.kpi.label,
      unit: e.kpi.unit,
      direction: e.kpi.direction,
      standardError: e.rel.standardError,
      target: targets.get(e.kpi.id) ?? null,
      aucCustomers: e.aucCustomers,
      correlationMonths: e.correlationMonths,
      notes,
    };
  });
  return {
    asOf,
    windowMonths: input.windowMonths,
    windows: { measure: previous, next: current },
    months: {
      first: months[0]!,
      last: months[months.length - 1]!,
      count: months.length,
      lag: QUALITY_LAG_MONTHS,
      outcome: 'revenue',
    },
    rows,
  };
}
