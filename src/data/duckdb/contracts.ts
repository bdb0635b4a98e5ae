/**
 * The contracts port on DuckDB. One scan of the contracts stages, per customer and product line, whether
 * the line is held on the previous day and on the as-of day and its fee revenue in each window; a second
 * stage folds the lines per customer, adds the linked invoices when revenue comes from invoices, and the
 * counts give the tier cut-offs (core); a third ranks the customers of both days and cuts them into tiers.
 * The reports' sums are `GROUP BY`s over that last stage. The SQL is portable (FILTER, date arithmetic,
 * greatest/least) apart from the TEMP tables of `withStagedTable`.
 */
import { toEpochDay, type IsoDay, type Window } from '../../core/dates';
import { addActivity, NO_ACTIVITY, type Activity, type FlowCell } from '../../core/kpi/flows';
import type { TenureCount } from '../../core/kpi/tenure';
import { tierCutoffs } from '../../core/kpi/tiers';
import { COHORT_UNIT_MONTHS, monthIndex, type CohortCount } from '../../core/kpi/cohorts';
import type { ConcentrationResult } from '../analytics/types';
import type {
  ContractCohortQuery,
  ContractConcentrationQuery,
  ContractDates,
  ContractMovementSums,
  ContractPortfolioQuery,
  ContractPortfolioResult,
  ContractsPort,
  ContractTierSums,
  ProductLineSums,
} from '../contracts/types';
import type { SqlRunner as Db } from '../sql/runner';
import { concentrationOfStage } from './analytics/concentration';
import { int, tierCaseSql, withStagedTable } from './analytics/sql';

/** In force on the day of parameter `$p`: start ≤ day < end (open-ended without an end). */
const inForce = (p: number): string =>
  `(start_date <= CAST($${p} AS DATE) AND (end_date IS NULL OR end_date > CAST($${p} AS DATE)))`;

/**
 * Fee revenue of a contract in the window whose bounds are parameters `$s` (exclusive) and `$e`
 * (inclusive): annual_fee × w / 12 × days in force in the window / days of the window (0 without a fee).
 */
function feeInWindow(s: number, e: number, window: Window, windowMonths: number): string {
  const days = toEpochDay(window.endInclusive) - toEpochDay(window.startExclusive);
  const overlap = `greatest(0, least(coalesce(end_date, CAST($${e} AS DATE) + 1) - 1, CAST($${e} AS DATE))
      - greatest(start_date, CAST($${s} AS DATE) + 1) + 1)`;
  return `coalesce(CAST(annual_fee AS DOUBLE PRECISION), 0) * ${overlap} * ${int(windowMonths)} / ${int(12 * days)}.0`;
}

interface CurrentRow extends Record<string, unknown> {
  t: number;
  customers: number;
  revenue: number | null;
  products: number | null;
  h1: number | null;
  h2: number | null;
  h3: number | null;
  h4: number | null;
  tenure: number | null;
}

interface SurveyRow extends Record<string, unknown> {
  t: number;
  promoters: number | null;
  passives: number | null;
  detractors: number | null;
  csat_n: number | null;
  csat_sum: number | null;
  ski_n: number | null;
  ski_sum: number | null;
}

interface PreviousRow extends Record<string, unknown> {
  t: number;
  customers: number;
  retained: number | null;
  before: number | null;
  after: number | null;
  xsell: number | null;
  dsell: number | null;
}

interface LineRow extends Record<string, unknown> {
  line: string;
  before: number | null;
  after: number | null;
  ended: number | null;
  stayed: number | null;
  added: number | null;
}

export class DuckDbContracts implements ContractsPort {
  constructor(readonly db: Db) {}

  async contractDates(today: IsoDay | null): Promise<ContractDates | null> {
    const row = await this.db.one<{
      n: number | null;
      fee: number | null;
      first: string | null;
      last: string | null;
      upto: string | null;
      after: number | null;
    }>(
      `SELECT count(*) AS n, count(annual_fee) AS fee, CAST(min(start_date) AS VARCHAR) AS first,
         CAST(greatest(max(start_date), max(end_date)) AS VARCHAR) AS last,
         CAST(greatest(max(start_date) FILTER (WHERE $1::DATE IS NULL OR start_date <= $1::DATE),
                       max(end_date) FILTER (WHERE $1::DATE IS NULL OR end_date <= $1::DATE)) AS VARCHAR) AS upto,
         count(*) FILTER (WHERE start_date > $1::DATE) AS after
       FROM contracts`,
      [today],
    );
    if (row.first === null || row.last === null || !row.n) return null;
    return {
      contracts: row.n,
      withFee: row.fee ?? 0,
      first: row.first,
      last: row.last,
      lastUpToToday: row.upto,
      afterToday: row.after ?? 0,
    };
  }

  async contractPortfolio(query: ContractPortfolioQuery): Promise<ContractPortfolioResult> {
    const { asOf, current, previous, windowMonths } = query;
    const prevDay = current.startExclusive;
    // $1 as-of day, $2 previous day, $3 start of the previous window (exclusive)
    const params = [asOf, prevDay, previous.startExclusive];
    const lines = `
      SELECT customer_id, coalesce(product_line, '') AS line,
        max(CASE WHEN ${inForce(1)} THEN 1 ELSE 0 END) AS s,
        max(CASE WHEN ${inForce(2)} THEN 1 ELSE 0 END) AS f,
        min(start_date) AS first_start,
        sum(${feeInWindow(2, 1, current, windowMonths)}) AS sfee,
        sum(${feeInWindow(3, 2, previous, windowMonths)}) AS ffee,
        count(*) FILTER (WHERE annual_fee IS NULL AND (${inForce(1)} OR ${inForce(2)})) AS nofee
      FROM contracts
      WHERE start_date <= CAST($1 AS DATE)
      GROUP BY customer_id, coalesce(product_line, '')`;
    return withStagedTable(this.db, lines, params, (linesTable) => this.customers(query, linesTable, params));
  }

  contractConcentration(query: ContractConcentrationQuery): Promise<ConcentrationResult> {
    const { asOf, window, windowMonths } = query;
    // $1 as-of day, $2 the current window's exclusive start
    const fees = `
      SELECT customer_id, sum(${feeInWindow(2, 1, window, windowMonths)}) AS fee
      FROM contracts WHERE start_date <= CAST($1 AS DATE)
      GROUP BY customer_id HAVING max(CASE WHEN ${inForce(1)} THEN 1 ELSE 0 END) = 1`;
    const value =
      query.revenue === 'fees'
        ? `SELECT customer_id, fee AS v FROM a`
        : `SELECT a.customer_id, coalesce(i.rev, 0) AS v FROM a LEFT JOIN (
             SELECT t.customer_id, sum(CAST(t.amount AS DOUBLE PRECISION)) AS rev
             FROM transactions t
             WHERE t.order_date > CAST($2 AS DATE) AND t.order_date <= CAST($1 AS DATE)
               AND EXISTS (SELECT 1 FROM contracts l WHERE l.customer_id = t.customer_id
                 AND l.start_date <= CAST($1 AS DATE)
                 AND (t.product_line IS NULL OR l.product_line IS NULL OR l.product_line = t.product_line))
             GROUP BY t.customer_id) i ON i.customer_id = a.customer_id`;
    const stage = `
      WITH a AS (${fees}), b AS (${value})
      SELECT customer_id, CAST(v AS DECIMAL(18,2)) AS revenue, CAST(v AS DECIMAL(18,2)) AS v,
        0 AS nomargin, 0 AS ntx
      FROM b`;
    return concentrationOfStage(this.db, stage, [asOf, window.startExclusive], query);
  }

  async contractCohorts(query: ContractCohortQuery): Promise<CohortCount[]> {
    const unit = int(COHORT_UNIT_MONTHS[query.unit]);
    const p = int(query.periodMonths);
    const asOfMonth = monthIndex(query.asOf);
    const periods = int(Math.max(0, Math.floor((asOfMonth - query.firstCohort) / query.periodMonths) + 1));
    const month = (d: string): string =>
      `CAST(EXTRACT(YEAR FROM ${d}) * 12 + EXTRACT(MONTH FROM ${d}) - 1 AS INTEGER)`;
    const day = (m: string): string =>
      `make_date(CAST(floor((${m}) / 12.0) AS INTEGER), CAST((${m}) % 12 + 1 AS INTEGER), 1)`;
    // one row per cohort customer and period, with the period's first day and the next period's first day
    const cells = `
      WITH f AS (
        SELECT customer_id, ${month('min(start_date)')} AS fm FROM contracts
        WHERE start_date <= CAST($1 AS DATE) GROUP BY customer_id
        HAVING ${month('min(start_date)')} >= ${int(query.firstCohort)}
      ), g AS (SELECT k FROM generate_series(0, ${periods}) AS s(k))
      SELECT f.customer_id, f.fm - (f.fm % ${unit}) AS cohort, f.fm, g.k,
        ${day(`f.fm + g.k * ${p}`)} AS ps, ${day(`f.fm + (g.k + 1) * ${p}`)} AS pe
      FROM f CROSS JOIN g WHERE f.fm + g.k * ${p} <= ${int(asOfMonth)}`;
    const overlap = `(least(coalesce(c.end_date, x.pe), x.pe) - greatest(c.start_date, x.ps))`;
    const active = await this.db.all<{
      cohort: number;
      period: number;
      customers: number;
      fees: number | null;
    }>(
      `WITH x AS (${cells})
       SELECT x.cohort, x.k AS period, count(DISTINCT x.customer_id) AS customers,
         sum(coalesce(CAST(c.annual_fee AS DOUBLE PRECISION), 0) * ${overlap} * ${p} / (12.0 * (x.pe - x.ps))) AS fees
       FROM x JOIN contracts c ON c.customer_id = x.customer_id AND c.start_date <= CAST($1 AS DATE)
         AND c.start_date < x.pe AND (c.end_date IS NULL OR c.end_date > x.ps)
       GROUP BY 1, 2`,
      [query.asOf],
    );
    const revenue = new Map<string, number>();
    if (query.revenue === 'invoices') {
      const invoices = await this.db.all<{ cohort: number; period: number; revenue: number | null }>(
        `WITH f AS (
           SELECT customer_id, ${month('min(start_date)')} AS fm FROM contracts
           WHERE start_date <= CAST($1 AS DATE) GROUP BY customer_id
           HAVING ${month('min(start_date)')} >= ${int(query.firstCohort)}
         )
         SELECT f.fm - (f.fm % ${unit}) AS cohort,
           CAST(floor((${month('t.order_date')} - f.fm) / ${p}.0) AS INTEGER) AS period,
           sum(CAST(t.amount AS DOUBLE PRECISION)) AS revenue
         FROM transactions t JOIN f ON f.customer_id = t.customer_id
         WHERE t.order_date <= CAST($1 AS DATE) AND ${month('t.order_date')} >= f.fm
           AND EXISTS (SELECT 1 FROM contracts l WHERE l.customer_id = t.customer_id
             AND l.start_date <= CAST($1 AS DATE)
             AND (t.product_line IS NULL OR l.product_line IS NULL OR l.product_line = t.product_line))
         GROUP BY 1, 2`,
        [query.asOf],
      );
      for (const r of invoices) revenue.set(`${r.cohort}:${r.period}`, r.revenue ?? 0);
    }
    if (query.revenue === 'fees')
      return active.map((r) => ({
        cohort: r.cohort,
        period: r.period,
        customers: r.customers,
        revenue: r.fees ?? 0,
      }));
    // invoices of a period without a contract in force still count as the cohort's revenue there
    const counts = new Map(active.map((r) => [`${r.cohort}:${r.period}`, r.customers]));
    const keys = new Set([...counts.keys(), ...revenue.keys()]);
    return [...keys].map((key) => {
      const [cohort, period] = key.split(':').map(Number) as [number, number];
      return { cohort, period, customers: counts.get(key) ?? 0, revenue: revenue.get(key) ?? 0 };
    });
  }

  /** Customers active before per tenure group (first contract start), and of those active now. */
  private tenure(table: string, query: ContractPortfolioQuery): Promise<TenureCount[]> {
    const buckets = query.tenureBuckets ?? [];
    const params: string[] = [];
    const whens = buckets.slice(0, -1).map((bucket, k) => {
      params.push(bucket.firstPurchase.startExclusive ?? '');
      return `WHEN first_start > CAST($${params.length} AS DATE) THEN ${int(k)}`;
    });
    return this.db.all<TenureCount & Record<string, unknown>>(
      `SELECT CASE ${whens.join(' ')} ELSE ${int(buckets.length - 1)} END AS bucket,
         count(*) AS previous, count(*) FILTER (WHERE sprod > 0) AS retained
       FROM ${table} WHERE fprod > 0 GROUP BY 1`,
      params,
    );
  }

  private async customers(
    query: ContractPortfolioQuery,
    linesTable: string,
    params: string[],
  ): Promise<ContractPortfolioResult> {
    const byInvoices = query.revenue === 'invoices';
    const linked = `EXISTS (SELECT 1 FROM ${linesTable} l WHERE l.customer_id = t.customer_id
        AND (t.product_line IS NULL OR l.line = '' OR l.line = t.product_line))`;
    const invoices = `
      SELECT t.customer_id,
        sum(CASE WHEN t.order_date > CAST($2 AS DATE) THEN CAST(t.amount AS DOUBLE PRECISION) ELSE 0 END) AS srev,
        sum(CASE WHEN t.order_date <= CAST($2 AS DATE) THEN CAST(t.amount AS DOUBLE PRECISION) ELSE 0 END) AS frev
      FROM transactions t
      WHERE t.order_date > CAST($3 AS DATE) AND t.order_date <= CAST($1 AS DATE) AND ${linked}
      GROUP BY t.customer_id`;
    const stage = `
      WITH c AS (
        SELECT customer_id, sum(s) AS sprod, sum(f) AS fprod, sum(s * (1 - f)) AS added,
          sum(f * (1 - s)) AS dropped, min(first_start) AS first_start,
          sum(sfee) AS sfee, sum(ffee) AS ffee, sum(nofee) AS nofee
        FROM ${linesTable} GROUP BY customer_id HAVING sum(s) + sum(f) > 0
      )${byInvoices ? `, i AS (${invoices})` : ''}
      SELECT c.customer_id, sprod, fprod, added, dropped, first_start, nofee,
        ${byInvoices ? 'coalesce(i.srev, 0)' : 'sfee'} AS srev,
        ${byInvoices ? 'coalesce(i.frev, 0)' : 'ffee'} AS frev
      FROM c ${byInvoices ? 'LEFT JOIN i ON i.customer_id = c.customer_id' : ''}`;
    return withStagedTable(this.db, stage, byInvoices ? params : [], async (custTable) => {
      const counts = await this.db.one<{ ns: number | null; nf: number | null; nofee: number | null }>(
        `SELECT count(*) FILTER (WHERE sprod > 0) AS ns, count(*) FILTER (WHERE fprod > 0) AS nf,
           sum(nofee) AS nofee FROM ${custTable}`,
      );
      let linkedInvoices = 0;
      let unlinkedInvoices = 0;
      if (byInvoices) {
        const inv = await this.db.one<{ linked: number | null; unlinked: number | null }>(
          `SELECT count(*) FILTER (WHERE ${linked}) AS linked, count(*) FILTER (WHERE NOT ${linked}) AS unlinked
           FROM transactions t WHERE t.order_date > CAST($1 AS DATE) AND t.order_date <= CAST($2 AS DATE)`,
          [params[2] ?? null, params[0] ?? null],
        );
        linkedInvoices = inv.linked ?? 0;
        unlinkedInvoices = inv.unlinked ?? 0;
      }
      const activeCurrent = counts.ns ?? 0;
      const activePrevious = counts.nf ?? 0;
      const cutoffsCurrent = tierCutoffs(activeCurrent, query.tiers);
      const cutoffsPrevious = tierCutoffs(activePrevious, query.tiers);
      const tiered = `
        WITH ranked AS (
          SELECT *,
            CASE WHEN sprod > 0 THEN rank() OVER (PARTITION BY sprod > 0 ORDER BY srev DESC) END AS srank,
            CASE WHEN fprod > 0 THEN rank() OVER (PARTITION BY fprod > 0 ORDER BY frev DESC) END AS frank
          FROM ${custTable}
        )
        SELECT customer_id, sprod, fprod, added, dropped, first_start, srev, frev,
          ${tierCaseSql('srank', cutoffsCurrent)} AS st, ${tierCaseSql('frank', cutoffsPrevious)} AS ft
        FROM ranked`;
      return withStagedTable(this.db, tiered, [], async (t) => {
        const k = query.tiers.length;
        const currentRows = await this.db.all<CurrentRow>(
          `SELECT st AS t, count(*) AS customers, sum(srev) AS revenue, sum(sprod) AS products,
             count(*) FILTER (WHERE sprod = 1) AS h1, count(*) FILTER (WHERE sprod = 2) AS h2,
             count(*) FILTER (WHERE sprod = 3) AS h3, count(*) FILTER (WHERE sprod >= 4) AS h4,
             sum(CAST($1 AS DATE) - first_start) AS tenure
           FROM ${t} WHERE st IS NOT NULL GROUP BY st`,
          [query.asOf],
        );
        const surveyRows = await this.db.all<SurveyRow>(
          `SELECT st AS t,
             count(*) FILTER (WHERE r.kind = 'nps' AND r.score >= 9) AS promoters,
             count(*) FILTER (WHERE r.kind = 'nps' AND r.score BETWEEN 7 AND 8) AS passives,
             count(*) FILTER (WHERE r.kind = 'nps' AND r.score <= 6) AS detractors,
             count(*) FILTER (WHERE r.kind = 'csat') AS csat_n,
             sum(CASE WHEN r.kind = 'csat' THEN r.score ELSE 0 END) AS csat_sum,
             count(*) FILTER (WHERE r.kind = 'ski') AS ski_n,
             sum(CASE WHEN r.kind = 'ski' THEN r.score ELSE 0 END) AS ski_sum
           FROM survey_responses r JOIN ${t} c ON c.customer_id = r.customer_id
           WHERE c.st IS NOT NULL AND r.answered_on > CAST($1 AS DATE) AND r.answered_on <= CAST($2 AS DATE)
           GROUP BY st`,
          [query.current.startExclusive, query.current.endInclusive],
        );
        const previousRows = await this.db.all<PreviousRow>(
          `SELECT ft AS t, count(*) AS customers, count(*) FILTER (WHERE sprod > 0) AS retained,
             sum(CASE WHEN sprod > 0 THEN fprod ELSE 0 END) AS before,
             sum(CASE WHEN sprod > 0 THEN sprod ELSE 0 END) AS after,
             count(*) FILTER (WHERE sprod > 0 AND added > 0) AS xsell,
             count(*) FILTER (WHERE sprod > 0 AND dropped > 0) AS dsell
           FROM ${t} WHERE ft IS NOT NULL GROUP BY ft`,
        );
        const lineRows = await this.db.all<LineRow>(
          `SELECT l.line, sum(l.f) AS before, sum(l.s) AS after, sum(l.f * (1 - l.s)) AS ended,
             sum(CASE WHEN c.sprod > 0 THEN l.f * (1 - l.s) ELSE 0 END) AS stayed,
             sum(l.s * (1 - l.f)) AS added
           FROM ${linesTable} l JOIN ${t} c ON c.customer_id = l.customer_id
           GROUP BY l.line HAVING sum(l.f) + sum(l.s) > 0 ORDER BY l.line`,
        );
        // flows: src = tier before, or -2 won back (a contract started by the previous day), -1 new;
        // dst = tier now, or -1 lost
        const flowRows = await this.db.all<FlowRow>(
          `SELECT CASE WHEN ft IS NOT NULL THEN ft WHEN first_start <= CAST($1 AS DATE) THEN -2 ELSE -1 END AS src,
             coalesce(st, -1) AS dst, count(*) AS customers,
             sum(CASE WHEN st IS NULL THEN fprod ELSE sprod END) AS lines,
             sum(CASE WHEN st IS NULL THEN frev ELSE srev END) AS revenue,
             sum(fprod) AS prev_lines, sum(frev) AS prev_revenue
           FROM ${t} WHERE st IS NOT NULL OR ft IS NOT NULL GROUP BY 1, 2`,
          [query.current.startExclusive],
        );
        const tenure = query.tenureBuckets ? await this.tenure(t, query) : [];
        return {
          activeCurrent,
          activePrevious,
          cells: flowRows.map(toCell),
          previousTiers: previousActivity(flowRows, k),
          tenure,
          cutoffsCurrent,
          cutoffsPrevious,
          current: currentSums(k, currentRows, surveyRows),
          previous: previousSums(k, previousRows),
          lines: lineRows.map((r): ProductLineSums => ({
            line: r.line,
            holdersBefore: r.before ?? 0,
            holdersAfter: r.after ?? 0,
            ended: r.ended ?? 0,
            stayed: r.stayed ?? 0,
            added: r.added ?? 0,
          })),
          linkedInvoices,
          unlinkedInvoices,
          contractsWithoutFee: byInvoices ? 0 : (counts.nofee ?? 0),
        };
      });
    });
  }
}

interface FlowRow extends Record<string, unknown> {
  src: number;
  dst: number;
  customers: number;
  lines: number | null;
  revenue: number | null;
  prev_lines: number | null;
  prev_revenue: number | null;
}

function toCell(r: FlowRow): FlowCell {
  return {
    from: r.src === -1 ? 'new' : r.src === -2 ? 'wonBack' : r.src,
    to: r.dst === -1 ? 'lost' : r.dst,
    customers: r.customers,
    purchases: r.lines ?? 0,
    revenue: r.revenue ?? 0,
    margin: 0,
  };
}

function previousActivity(rows: readonly FlowRow[], k: number): Activity[] {
  const out: Activity[] = Array.from({ length: k }, () => NO_ACTIVITY);
  for (const r of rows) {
    if (r.src < 0) continue;
    out[r.src] = addActivity(out[r.src] ?? NO_ACTIVITY, {
      customers: r.customers,
      purchases: r.prev_lines ?? 0,
      revenue: r.prev_revenue ?? 0,
      margin: 0,
    });
  }
  return out;
}

function currentSums(
  k: number,
  rows: readonly CurrentRow[],
  surveys: readonly SurveyRow[],
): ContractTierSums[] {
  return Array.from({ length: k }, (_, i) => {
    const r = rows.find((x) => x.t === i);
    const s = surveys.find((x) => x.t === i);
    return {
      customers: r?.customers ?? 0,
      revenue: r?.revenue ?? 0,
      products: r?.products ?? 0,
      holdings: [r?.h1 ?? 0, r?.h2 ?? 0, r?.h3 ?? 0, r?.h4 ?? 0],
      tenureDays: r?.tenure ?? 0,
      promoters: s?.promoters ?? 0,
      passives: s?.passives ?? 0,
      detractors: s?.detractors ?? 0,
      csatAnswers: s?.csat_n ?? 0,
      csatSum: s?.csat_sum ?? 0,
      skiAnswers: s?.ski_n ?? 0,
      skiSum: s?.ski_sum ?? 0,
    };
  });
}

function previousSums(k: number, rows: readonly PreviousRow[]): ContractMovementSums[] {
  return Array.from({ length: k }, (_, i) => {
    const r = rows.find((x) => x.t === i);
    return {
      customers: r?.customers ?? 0,
      retained: r?.retained ?? 0,
      productsBefore: r?.before ?? 0,
      productsAfter: r?.after ?? 0,
      crossSell: r?.xsell ?? 0,
      downSell: r?.dsell ?? 0,
    };
  });
}
