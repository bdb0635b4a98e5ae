/**
 * The KPI board (docs/metrics.md, "KPI board and status"): the catalogue with the targets set on it, setting
 * a target, and the status of each KPI with a target. Values come from the reports over 12-month windows:
 * portfolio for retention, churn, duration, CLV and portfolio value; service for the complaint KPIs (24-hour
 * resolution target, UTC); satisfaction for NPS, CSAT and CES. The previous value is the same report one
 * window earlier. A KPI whose value cannot be computed
 * has a null value and a note saying why.
 */
import { addMonths, toEpochDay, type IsoDay } from '../../core/dates';
import { KPI_CATALOGUE, type KpiDefinition } from '../../core/kpi/catalogue';
import { DEFAULT_TIERS } from '../../core/kpi/tiers';
import { kpiBoard, type BoardRow, type Target } from '../../core/kpi/targets';
import type { StoreUnit } from '../../data/store';
import type { KpiSetInput, KpiStatusInput } from '../options/kpi';
import { portfolioReport, type PortfolioReport } from '../reports/portfolio';
import { satisfactionReport, type SatisfactionReport } from '../reports/satisfaction';
import { serviceReport, type ServiceReport } from '../reports/service';
import { DEFAULT_TARGET_HOURS } from '../../core/service/resolution-target';

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
  note: string | null;
}

export interface KpiStatusReport {
  asOf: IsoDay;
  windowMonths: number;
  rows: KpiStatusRow[];
  warnings: string[];
}

type Value = { value: number | null; note: string | null };

interface Sources {
  portfolio: PortfolioReport;
  satisfaction: SatisfactionReport;
  service: ServiceReport;
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
};

const SATISFACTION: Record<string, (r: SatisfactionReport) => number | null> = {
  nps: (r) => r.nps.score,
  csat: (r) => r.csat.share,
  ces: (r) => r.ces.mean,
};

function valueOf(id: string, s: Sources): Value {
  const fromPortfolio = PORTFOLIO[id];
  if (fromPortfolio) {
    const value = fromPortfolio(s.portfolio);
    return {
      value,
      note: value === null ? `no value as of ${s.portfolio.asOf}: ${notes(s.portfolio.notes)}` : null,
    };
  }
  const fromService = SERVICE[id];
  if (fromService) {
    const value = fromService(s.service);
    return {
      value,
      note:
        value === null
          ? `no complaints or customers to compute it from in the window to ${s.service.asOf}`
          : null,
    };
  }
  const fromSatisfaction = SATISFACTION[id];
  if (fromSatisfaction) {
    const value = fromSatisfaction(s.satisfaction);
    return {
      value,
      note: value === null ? `no survey answers of this kind in the window to ${s.satisfaction.asOf}` : null,
    };
  }
  return { value: null, note: 'the board does not compute this KPI yet' };
}

function notes(list: readonly string[]): string {
  return list.length === 0 ? 'no customers in the previous window' : list.join('; ');
}

async function sources(
  unit: StoreUnit,
  asOf: IsoDay | undefined,
  today: IsoDay | undefined,
): Promise<Sources> {
  const portfolio = await portfolioReport(unit.analytics, {
    asOf,
    today,
    windowMonths: BOARD_WINDOW_MONTHS,
    tiers: [...DEFAULT_TIERS],
    value: 'revenue',
  });
  const satisfaction = await satisfactionReport(unit.service, {
    asOf: portfolio.asOf,
    windowMonths: BOARD_WINDOW_MONTHS,
  });
  const service = await serviceReport(unit.service, {
    asOf: portfolio.asOf,
    windowMonths: BOARD_WINDOW_MONTHS,
    targetHours: DEFAULT_TARGET_HOURS,
    timeZone: 'UTC',
  });
  return { portfolio, satisfaction, service };
}

/**
 * The status of every KPI with a target as of `asOf` (default: the latest order date), by the rule of
 * core/kpi/targets.ts; saves a snapshot of each value. `now` is the ISO timestamp the snapshots carry.
 */
export async function kpiStatus(
  unit: StoreUnit,
  input: KpiStatusInput,
  now: string,
): Promise<KpiStatusReport> {
  const targets = await unit.kpi.targets();
  const current = await sources(unit, input.asOf, input.today);
  const asOf = current.portfolio.asOf;
  const previousAsOf = addMonths(asOf, -BOARD_WINDOW_MONTHS);
  const previous = targets.length === 0 ? null : await sources(unit, previousAsOf, input.today);
  const periodDays = toEpochDay(asOf) - toEpochDay(previousAsOf);
  const entries = targets.flatMap((t) => {
    const kpi = KPI_CATALOGUE.find((k) => k.id === t.kpi);
    if (!kpi) return [];
    const value = valueOf(kpi.id, current);
    const before = previous ? valueOf(kpi.id, previous).value : null;
    return [
      {
        kpi,
        target: t.target,
        value,
        before,
        goal: { target: t.target, deadline: t.deadline, owner: t.owner },
      },
    ];
  });
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
  for (const e of entries) {
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
