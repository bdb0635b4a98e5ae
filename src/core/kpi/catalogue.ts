/**
 * The built-in KPI catalogue (docs/domain.md, "KPIs, targets and their quality"): what each KPI the product
 * computes means, its unit, and whether higher or lower is better. A KPI board (targets.ts) refers to these
 * definitions by id; labels are given in English and Swedish.
 *
 * `reference` carries the normal values seed 001 names ("resolution ≤ 24 h", "repeat orders up to 70 %",
 * "new customers from 30 %") as text: they are examples, not targets the product sets on its own.
 */

/** Units of KPI values. Fractions are 0–1 (0.886 = 88.6 %); money in major currency units. */
export type KpiUnit =
  'fraction' | 'years' | 'money' | 'hours' | 'count' | 'per-1000' | 'nps-points' | 'score-1-5' | 'score-1-7';

/** Whether a higher or a lower value is better. */
export type KpiDirection = 'higher' | 'lower';

/** A KPI's definition. */
export interface KpiDefinition {
  id: string;
  label: { en: string; sv: string };
  unit: KpiUnit;
  direction: KpiDirection;
  /** one sentence: what is measured and how */
  definition: string;
  /** the file that computes it (core, or the app for a plain ratio of store counts); null when none does */
  source: string | null;
  /** a normal value from the seeds, as text */
  reference?: string;
}

const kpi = (
  id: string,
  en: string,
  sv: string,
  unit: KpiUnit,
  direction: KpiDirection,
  definition: string,
  source: string | null,
  reference?: string,
): KpiDefinition => ({
  id,
  label: { en, sv },
  unit,
  direction,
  definition,
  source,
  ...(reference === undefined ? {} : { reference }),
});

const RETENTION = 'src/core/kpi/retention.ts';
const COMPLAINTS = 'src/core/service/complaints.ts';

/** The built-in KPIs, in board order. */
export const KPI_CATALOGUE: readonly KpiDefinition[] = [
  kpi(
    'retention',
    'Retention rate',
    'Kundbehållning',
    'fraction',
    'higher',
    'Share of the previous window’s active customers active again in the current window.',
    RETENTION,
  ),
  kpi('churn', 'Churn rate', 'Kundbortfall', 'fraction', 'lower', '1 − retention.', RETENTION),
  kpi(
    'duration',
    'Customer duration',
    'Kundlivslängd',
    'years',
    'higher',
    'Expected remaining lifetime, 1 / churn windows, in years.',
    RETENTION,
  ),
  kpi(
    'clv',
    'Customer lifetime value',
    'Kundlivstidsvärde (CLV)',
    'money',
    'higher',
    'Revenue per customer per year × duration (undiscounted), per value tier.',
    'src/core/kpi/portfolio.ts',
  ),
  kpi(
    'portfolio-value',
    'Portfolio value',
    'Portföljvärde',
    'money',
    'higher',
    'Σ over tiers of members × CLV.',
    'src/core/kpi/portfolio.ts',
  ),
  kpi(
    'repeat-order-share',
    'Repeat-order share',
    'Andel återköp',
    'fraction',
    'higher',
    'Share of the window’s active customers with two or more purchases in it.',
    'src/app/kpi/board.ts',
    'seed 001: up to 70 %',
  ),
  kpi(
    'new-customer-share',
    'New-customer share',
    'Andel nya kunder',
    'fraction',
    'higher',
    'New customers (flow “new”: first purchase ever in the window) / active customers of the window.',
    'src/core/kpi/flows.ts',
    'seed 001: from 30 %',
  ),
  kpi(
    'complaints',
    'Complaints',
    'Reklamationer',
    'count',
    'lower',
    'Complaints opened in the period.',
    COMPLAINTS,
  ),
  kpi(
    'complaints-per-1000-customers',
    'Complaints per 1 000 customers',
    'Reklamationer per 1 000 kunder',
    'per-1000',
    'lower',
    '1 000 × complaints / active customers of the period.',
    COMPLAINTS,
  ),
  kpi(
    'resolution-hours-median',
    'Median resolution time',
    'Mediantid till lösning',
    'hours',
    'lower',
    'Median of resolved − opened over the period’s resolved complaints.',
    COMPLAINTS,
    'seed 001: no more than 24 hours',
  ),
  kpi(
    'resolved-within-target',
    'Resolved within target',
    'Lösta inom målet',
    'fraction',
    'higher',
    'Complaints resolved within their target (24 h by default) / complaints of the period; open ones count as missed.',
    'src/core/service/resolution-target.ts',
  ),
  kpi(
    'first-response-hours-median',
    'Median first-response time',
    'Mediantid till första svar',
    'hours',
    'lower',
    'Median of first response − opened.',
    COMPLAINTS,
  ),
  kpi(
    'complaint-backlog',
    'Open complaints',
    'Öppna reklamationer',
    'count',
    'lower',
    'Complaints open at the as-of instant, whenever opened.',
    COMPLAINTS,
  ),
  kpi(
    'satisfaction-after-complaint',
    'Satisfaction after complaint',
    'Nöjdhet efter reklamation',
    'score-1-5',
    'higher',
    'Mean 1–5 satisfaction of resolved complaints.',
    'src/core/service/complaint-causes.ts',
  ),
  kpi(
    'nps',
    'Net Promoter Score',
    'Net Promoter Score (NPS)',
    'nps-points',
    'higher',
    '% promoters (9–10) − % detractors (0–6), −100 … 100.',
    'src/core/kpi/nps.ts',
  ),
  kpi(
    'csat',
    'Customer satisfaction (CSAT)',
    'Kundnöjdhet (CSAT)',
    'fraction',
    'higher',
    'Share of 4–5 answers on the 1–5 scale.',
    'src/core/kpi/satisfaction.ts',
  ),
  kpi(
    'ces',
    'Customer effort (CES)',
    'Kundansträngning (CES)',
    'score-1-7',
    'lower',
    'Mean effort on 1–7, 1 = very low effort.',
    'src/core/kpi/satisfaction.ts',
  ),
];

/** The catalogue's definition of `id`, or null when there is none. */
export function findKpi(id: string): KpiDefinition | null {
  return KPI_CATALOGUE.find((k) => k.id === id) ?? null;
}
