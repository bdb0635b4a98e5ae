/**
 * The contracts port on DuckDB (and, as written, on PostgreSQL). One pass over the contracts stages one row
 * per customer active on either day: the product lines held on the previous day and on the as-of day, the
 * first contract start and the fee revenue of each window. With fees as revenue and at most
 * `MASK_LINES` product lines the lines held are folded into a bit mask per day (one `GROUP BY` of the
 * contracts by customer); otherwise (invoices, or more lines) a first stage per customer and product line
 * feeds the customer stage. The tiers are cut without ranking every customer: a customer's competition rank
 * is ≤ c exactly when its revenue is ≥ the c-th largest revenue, so one sort per day finds the revenue at each
 * cut-off and the reports' sums are `GROUP BY`s over the customer stage with the tier as a `CASE`. The SQL
 * is portable (FILTER, date arithmetic, greatest/least, bit_or and shifts on BIGINT) apart from the TEMP
 * tables of `withStagedTable`.
 */
import { toEpochDay, type IsoDay, type Window } from '../../core/dates';
import { addActivity, NO_ACTIVITY, type Activity, type FlowCell } from '../../core/kpi/flows';
import type { TrendCount } from '../../core/kpi/retention-trend';
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
  ContractTrendQuery,
  ProductLineSums,
} from '../contracts/types';
import type { SqlParam, SqlRunner as Db } from '../sql/runner';
import { concentrationOfStage } from './analytics/concentration';
import { int, withStagedTable } from './analytics/sql';

/**
 * Product lines up to which the lines a customer holds are folded into a bit mask (one `BIGINT` bit each) in
 * one pass over the contracts; with more, a stage per customer and line counts them.
 */
export const MASK_LINES = 30;

/** Trend points per pass over the contracts: two days each in one mask of days (bits below 2^53). */
const TREND_POINTS = 26;

/** The number of bits set among the `lines` lowest bits of the BIGINT expression `mask`. */
function bitCount(mask: string, lines: number): string {
  const bits = Array.from({ length: lines }, (_, i) => `((${mask} >> ${int(i)}) & 1)`);
  return bits.length === 0 ? '0' : `(${bits.join(' + ')})`;
}

/** In force on the day of parameter `$p`: start ≤ day < end (open-ended without an end). */
const inForce = (p: number): string =>
  `(start_date <= CAST($${p} AS DATE) AND (end_date IS NULL OR end_date > CAST($${p} AS DATE)))`;

/**
 * A contract's fee in the window whose bounds are parameters `$s` (exclusive) and `$e` (inclusive), in
 * cent-days: annual_fee in cents × days in force in the window (0 without a fee). Whole numbers, so their
 * sums are exact in any order (below 2^53) and equal revenues tie exactly in the ranking.
 */
function feeCentDays(s: number, e: number): string {
  const overlap = `greatest(0, least(coalesce(end_date, CAST($${e} AS DATE) + 1) - 1, CAST($${e} AS DATE))
      - greatest(start_date, CAST($${s} AS DATE) + 1) + 1)`;
  return `coalesce(CAST(annual_fee * 100 AS DOUBLE PRECISION), 0) * ${overlap}`;
}

/** The factor turning summed cent-days into revenue: × w / 12 / days of the window / 100. */
function feeScale(window: Window, windowMonths: number): string {
  const days = toEpochDay(window.endInclusive) - toEpochDay(window.startExclusive);
  return `* ${int(windowMonths)} / ${int(1200 * days)}.0`;
}

/**
 * Fee revenue of the contracts of a group (an aggregate): annual_fee × w / 12 × days in force in the window
 * / days of the window, summed as cent-days and scaled once.
 */
function feeRevenue(s: number, e: number, window: Window, windowMonths: number): string {
  return `(sum(${feeCentDays(s, e)}) ${feeScale(window, windowMonths)})`;
}

/**
 * What turns a customer stage's summed revenue column into money, per window: with fees the stage holds
 * whole cent-days (scaled once, after summing); with invoices exact decimals (no scale). Either way the sums
 * are exact, so no figure depends on the order the rows are added in.
 */
interface RevenueScales {
  current: string;
  previous: string;
}

function feeScales(query: ContractPortfolioQuery): RevenueScales {
  return {
    current: feeScale(query.current, query.windowMonths),
    previous: feeScale(query.previous, query.windowMonths),
  };
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
    const { asOf, current, previous } = query;
    const prevDay = current.startExclusive;
    // $1 as-of day, $2 previous day, $3 start of the previous window (exclusive)
    const params: SqlParam[] = [asOf, prevDay, previous.startExclusive];
    if (query.revenue === 'fees') {
      const lines = await this.db.all<{ line: string }>(
        `SELECT DISTINCT coalesce(product_line, '') AS line FROM contracts
         WHERE start_date <= CAST($1 AS DATE) ORDER BY 1 LIMIT ${int(MASK_LINES + 1)}`,
        [asOf],
      );
      if (lines.length <= MASK_LINES)
        return this.byMasks(
          query,
          lines.map((r) => r.line),
          params,
        );
    }
    const lines = `
      SELECT customer_id, coalesce(product_line, '') AS line,
        max(CASE WHEN ${inForce(1)} THEN 1 ELSE 0 END) AS s,
        max(CASE WHEN ${inForce(2)} THEN 1 ELSE 0 END) AS f,
        min(start_date) AS first_start,
        sum(${feeCentDays(2, 1)}) AS sfee,
        sum(${feeCentDays(3, 2)}) AS ffee,
        count(*) FILTER (WHERE annual_fee IS NULL AND (${inForce(1)} OR ${inForce(2)})) AS nofee
      FROM contracts
      WHERE start_date <= CAST($1 AS DATE)
      GROUP BY customer_id, coalesce(product_line, '')`;
    return withStagedTable(this.db, lines, params, (linesTable) => this.byLines(query, linesTable, params));
  }

  /**
   * Fees as revenue and few product lines: one pass over the contracts per customer, the lines held on each
   * day as a bit mask (bit i = `lines[i]`), the product-line sums from the customers per pair of masks.
   */
  private async byMasks(
    query: ContractPortfolioQuery,
    lines: readonly string[],
    params: readonly SqlParam[],
  ): Promise<ContractPortfolioResult> {
    const n = lines.length;
    const bit =
      n === 0
        ? 'CAST(0 AS BIGINT)'
        : `CASE coalesce(product_line, '') ${lines
            .map((_, i) => `WHEN CAST($${int(i + 4)} AS VARCHAR) THEN CAST(${int(2 ** i)} AS BIGINT)`)
            .join(' ')} END`;
    const stage = `
      WITH m AS (
        SELECT customer_id,
          bit_or(CASE WHEN ${inForce(1)} THEN ${bit} ELSE CAST(0 AS BIGINT) END) AS smask,
          bit_or(CASE WHEN ${inForce(2)} THEN ${bit} ELSE CAST(0 AS BIGINT) END) AS fmask,
          min(start_date) AS first_start,
          sum(${feeCentDays(2, 1)}) AS srev,
          sum(${feeCentDays(3, 2)}) AS frev,
          count(*) FILTER (WHERE annual_fee IS NULL AND (${inForce(1)} OR ${inForce(2)})) AS nofee
        FROM contracts
        WHERE start_date <= CAST($1 AS DATE)
        GROUP BY customer_id
      )
      SELECT customer_id, smask, fmask, ${bitCount('smask', n)} AS sprod, ${bitCount('fmask', n)} AS fprod,
        ${bitCount('(smask & (~fmask))', n)} AS added, ${bitCount('(fmask & (~smask))', n)} AS dropped,
        first_start, nofee, srev, frev
      FROM m WHERE smask <> 0 OR fmask <> 0`;
    return withStagedTable(this.db, stage, [...params, ...lines], (custTable) =>
      this.summarise(query, custTable, { linked: 0, unlinked: 0 }, feeScales(query), async () => {
        const pairs = await this.db.all<{ smask: number; fmask: number; n: number }>(
          `SELECT smask, fmask, count(*) AS n FROM ${custTable} GROUP BY smask, fmask`,
        );
        return linesOfMasks(lines, pairs);
      }),
    );
  }

  /** Invoices as revenue, or many product lines: the customer stage from the stage per customer and line. */
  private async byLines(
    query: ContractPortfolioQuery,
    linesTable: string,
    params: SqlParam[],
  ): Promise<ContractPortfolioResult> {
    const byInvoices = query.revenue === 'invoices';
    const linked = `EXISTS (SELECT 1 FROM ${linesTable} l WHERE l.customer_id = t.customer_id
        AND (t.product_line IS NULL OR l.line = '' OR l.line = t.product_line))`;
    const invoices = `
      SELECT t.customer_id,
        sum(CASE WHEN t.order_date > CAST($2 AS DATE) THEN t.amount ELSE 0 END) AS srev,
        sum(CASE WHEN t.order_date <= CAST($2 AS DATE) THEN t.amount ELSE 0 END) AS frev
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
    return withStagedTable(this.db, stage, byInvoices ? params : [], (custTable) =>
      this.summarise(
        query,
        custTable,
        { linked: linkedInvoices, unlinked: unlinkedInvoices },
        byInvoices ? { current: '', previous: '' } : feeScales(query),
        async () => {
          const rows = await this.db.all<LineRow>(
            `SELECT line, sum(f) AS before, sum(s) AS after, sum(f * (1 - s)) AS ended, 0 AS stayed,
             sum(s * (1 - f)) AS added
           FROM ${linesTable} GROUP BY line HAVING sum(f) + sum(s) > 0 ORDER BY line`,
          );
          // ended lines (held before, not now) of customers still active now: churned on the product only
          const stayed = await this.db.all<{ line: string; stayed: number }>(
            `SELECT l.line, count(*) AS stayed FROM ${linesTable} l JOIN ${custTable} c ON c.customer_id = l.customer_id
           WHERE l.f = 1 AND l.s = 0 AND c.sprod > 0 GROUP BY l.line`,
          );
          const byLine = new Map(stayed.map((r) => [r.line, r.stayed]));
          return rows.map((r): ProductLineSums => ({
            line: r.line,
            holdersBefore: r.before ?? 0,
            holdersAfter: r.after ?? 0,
            ended: r.ended ?? 0,
            stayed: byLine.get(r.line) ?? 0,
            added: r.added ?? 0,
          }));
        },
      ),
    );
  }

  contractConcentration(query: ContractConcentrationQuery): Promise<ConcentrationResult> {
    const { asOf, window, windowMonths } = query;
    // $1 as-of day, $2 the current window's exclusive start
    const fees = `
      SELECT customer_id, ${feeRevenue(2, 1, window, windowMonths)} AS fee
      FROM contracts WHERE start_date <= CAST($1 AS DATE)
      GROUP BY customer_id HAVING max(CASE WHEN ${inForce(1)} THEN 1 ELSE 0 END) = 1`;
    const value =
      query.revenue === 'fees'
        ? `SELECT customer_id, fee AS v FROM a`
        : `SELECT a.customer_id, coalesce(i.rev, 0) AS v FROM a LEFT JOIN (
             SELECT t.customer_id, sum(t.amount) AS rev
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
    // per cohort, period and first month (each customer has one, so the distinct counts add up; the period's
    // days are the same for all of them): the fees as whole cent-days, summed exactly, scaled once per first
    // month and added in the order of the first months, so no figure depends on the order rows are added in
    const parts = await this.db.all<{
      cohort: number;
      period: number;
      fm: number;
      days: number;
      customers: number;
      cents: number | null;
    }>(
      `WITH x AS (${cells})
       SELECT x.cohort, x.k AS period, x.fm, x.pe - x.ps AS days, count(DISTINCT x.customer_id) AS customers,
         sum(coalesce(CAST(c.annual_fee * 100 AS DOUBLE PRECISION), 0) * ${overlap}) AS cents
       FROM x JOIN contracts c ON c.customer_id = x.customer_id AND c.start_date <= CAST($1 AS DATE)
         AND c.start_date < x.pe AND (c.end_date IS NULL OR c.end_date > x.ps)
       GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3`,
      [query.asOf],
    );
    const sums = new Map<string, { cohort: number; period: number; customers: number; fees: number }>();
    for (const r of parts) {
      const key = `${r.cohort}:${r.period}`;
      const sum = sums.get(key) ?? { cohort: r.cohort, period: r.period, customers: 0, fees: 0 };
      sum.customers += r.customers;
      sum.fees += ((r.cents ?? 0) * query.periodMonths) / (1200 * r.days);
      sums.set(key, sum);
    }
    const active = [...sums.values()];
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
           CAST(sum(t.amount) AS DOUBLE PRECISION) AS revenue
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

  async contractRetentionTrend(query: ContractTrendQuery): Promise<TrendCount[]> {
    const out: TrendCount[] = [];
    for (let from = 0; from < query.points.length; from += TREND_POINTS)
      for (const c of await this.trendChunk(query, from, query.points.slice(from, from + TREND_POINTS)))
        out.push(c);
    return out;
  }

  /**
   * Up to `TREND_POINTS` trend points in one pass over the contracts: per customer a bit mask of the days
   * (the points' as-of and previous days) with a contract in force, and the fees of each point's previous
   * window; then per point the revenue at its tier cut-offs and the counts per tier.
   */
  private async trendChunk(
    query: ContractTrendQuery,
    first: number,
    points: readonly ContractTrendQuery['points'][number][],
  ): Promise<TrendCount[]> {
    if (points.length === 0) return [];
    const days = [...new Set(points.flatMap((p) => [p.asOf, p.previousDay]))].sort();
    const bitOf = (day: string): number => days.indexOf(day);
    // $1 … $D the days; then each point's previous window (exclusive start, inclusive end)
    const params: SqlParam[] = [...days];
    const fees = points.map((p, j) => {
      params.push(p.previous.startExclusive, p.previous.endInclusive);
      const s = days.length + 2 * j + 1;
      return `${feeRevenue(s, s + 1, p.previous, query.windowMonths)} AS r${int(j)}`;
    });
    const mask = days
      .map(
        (_, i) =>
          `CASE WHEN ${inForce(i + 1)} THEN CAST(${int(2 ** i)} AS BIGINT) ELSE CAST(0 AS BIGINT) END`,
      )
      .join(' + ');
    const last = days.length; // the latest day: no later contract is in force on any of them
    const stage = `
      SELECT * FROM (
        SELECT customer_id, bit_or(${mask}) AS dmask, ${fees.join(', ')}
        FROM contracts WHERE start_date <= CAST($${int(last)} AS DATE) GROUP BY customer_id
      ) m WHERE dmask <> 0`;
    return withStagedTable(this.db, stage, params, async (table) => {
      const on = (day: string): string => `((dmask >> ${int(bitOf(day))}) & 1)`;
      const counts = await this.db.one<Record<string, number | null>>(
        `SELECT ${points.map((p, j) => `count(*) FILTER (WHERE ${on(p.previousDay)} = 1) AS n${int(j)}`).join(', ')}
         FROM ${table}`,
      );
      const k = query.tiers.length;
      const out: TrendCount[] = [];
      for (const [j, p] of points.entries()) {
        const cutoffs = tierCutoffs(counts[`n${j}`] ?? 0, query.tiers);
        const rows = await this.db.all<{ t: number; previous: number; retained: number | null }>(
          `SELECT ${tierOfRevenue(on(p.previousDay), `c.r${int(j)}`, 'h.f', k)} AS t, count(*) AS previous,
             count(*) FILTER (WHERE ${on(p.asOf)} = 1) AS retained
           FROM ${table} c CROSS JOIN (${cutoffRevenues(table, on(p.previousDay), `r${int(j)}`, 'f', cutoffs)}) h
           WHERE ${on(p.previousDay)} = 1 GROUP BY 1`,
        );
        for (const r of rows)
          out.push({ point: first + j, tier: r.t, previous: r.previous, retained: r.retained ?? 0 });
      }
      return out;
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

  /**
   * The reports' sums over the customer stage `custTable` (customer_id, sprod, fprod, added, dropped,
   * first_start, nofee, srev, frev: one row per customer active on either day). The tiers: the revenue at
   * each cut-off of each day (the c-th largest, by one sort) in a one-row table, and a `CASE` per row.
   */
  private async summarise(
    query: ContractPortfolioQuery,
    custTable: string,
    invoices: { linked: number; unlinked: number },
    scales: RevenueScales,
    lineSums: () => Promise<ProductLineSums[]>,
  ): Promise<ContractPortfolioResult> {
    // the sum of a window's revenue column, exact (whole cent-days or decimals), then scaled once
    const money = (column: string, scale: string): string =>
      `(CAST(sum(${column}) AS DOUBLE PRECISION) ${scale})`;
    const counts = await this.db.one<{ ns: number | null; nf: number | null; nofee: number | null }>(
      `SELECT count(*) FILTER (WHERE sprod > 0) AS ns, count(*) FILTER (WHERE fprod > 0) AS nf,
         sum(nofee) AS nofee FROM ${custTable}`,
    );
    const activeCurrent = counts.ns ?? 0;
    const activePrevious = counts.nf ?? 0;
    const cutoffsCurrent = tierCutoffs(activeCurrent, query.tiers);
    const cutoffsPrevious = tierCutoffs(activePrevious, query.tiers);
    const thresholds = `SELECT * FROM (${cutoffRevenues(custTable, 'sprod', 'srev', 's', cutoffsCurrent)}) a
      CROSS JOIN (${cutoffRevenues(custTable, 'fprod', 'frev', 'f', cutoffsPrevious)}) b`;
    return withStagedTable(this.db, thresholds, [], async (thTable) => {
      const k = query.tiers.length;
      const t = `(SELECT c.*, ${tierOfRevenue('c.sprod', 'c.srev', 'h.s', k)} AS st,
          ${tierOfRevenue('c.fprod', 'c.frev', 'h.f', k)} AS ft
        FROM ${custTable} c CROSS JOIN ${thTable} h)`;
      const currentRows = await this.db.all<CurrentRow>(
        `SELECT st AS t, count(*) AS customers, ${money('srev', scales.current)} AS revenue, sum(sprod) AS products,
           count(*) FILTER (WHERE sprod = 1) AS h1, count(*) FILTER (WHERE sprod = 2) AS h2,
           count(*) FILTER (WHERE sprod = 3) AS h3, count(*) FILTER (WHERE sprod >= 4) AS h4,
           sum(CAST($1 AS DATE) - first_start) AS tenure
         FROM ${t} tt WHERE st IS NOT NULL GROUP BY st`,
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
         FROM ${t} tt WHERE ft IS NOT NULL GROUP BY ft`,
      );
      const lines = await lineSums();
      // flows: src = tier before, or -2 won back (a contract started by the previous day), -1 new;
      // dst = tier now, or -1 lost
      const flowRows = await this.db.all<FlowRow>(
        `SELECT CASE WHEN ft IS NOT NULL THEN ft WHEN first_start <= CAST($1 AS DATE) THEN -2 ELSE -1 END AS src,
           coalesce(st, -1) AS dst, count(*) AS customers,
           sum(CASE WHEN st IS NULL THEN fprod ELSE sprod END) AS lines,
           ${money('CASE WHEN st IS NULL THEN frev ELSE 0 END', scales.previous)}
             + ${money('CASE WHEN st IS NULL THEN 0 ELSE srev END', scales.current)} AS revenue,
           sum(fprod) AS prev_lines, ${money('frev', scales.previous)} AS prev_revenue
         FROM ${t} tt WHERE st IS NOT NULL OR ft IS NOT NULL GROUP BY 1, 2`,
        [query.current.startExclusive],
      );
      const tenure = query.tenureBuckets ? await this.tenure(custTable, query) : [];
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
        lines,
        linkedInvoices: invoices.linked,
        unlinkedInvoices: invoices.unlinked,
        contractsWithoutFee: query.revenue === 'invoices' ? 0 : (counts.nofee ?? 0),
      };
    });
  }
}

/**
 * A one-row query of the revenue at each cut-off but the last of one day: column `${prefix}${i}` is the
 * cutoffs[i]-th largest `value` of the customers with `held` > 0 (NULL for a cut-off of 0). A customer's
 * competition rank is ≤ c exactly when its value is ≥ the c-th largest value.
 */
function cutoffRevenues(
  table: string,
  held: string,
  value: string,
  prefix: string,
  cutoffs: readonly number[],
): string {
  const inner = cutoffs.slice(0, -1);
  if (inner.length === 0) return `SELECT 1 AS ${prefix}_none`;
  const columns = inner.map((c, i) => `max(CASE WHEN rn = ${int(c)} THEN v END) AS ${prefix}${int(i)}`);
  return `SELECT ${columns.join(', ')} FROM (
      SELECT ${value} AS v, row_number() OVER (ORDER BY ${value} DESC) AS rn FROM ${table} WHERE ${held} > 0
    ) z WHERE rn IN (${inner.map((c) => int(c)).join(', ')})`;
}

/** The tier (0 = highest) of a customer with `held` > 0 by its `value` against the cut-off revenues; else NULL. */
function tierOfRevenue(held: string, value: string, prefix: string, k: number): string {
  const whens = Array.from({ length: k - 1 }, (_, i) => `WHEN ${value} >= ${prefix}${int(i)} THEN ${int(i)}`);
  const tier = whens.length === 0 ? '0' : `CASE ${whens.join(' ')} ELSE ${int(k - 1)} END`;
  return `CASE WHEN ${held} > 0 THEN ${tier} END`;
}

/**
 * The product-line sums from the customers per pair of masks (bit i = `lines[i]` held now in `smask`,
 * before in `fmask`); lines nobody held on either day are left out, in the order of `lines`.
 */
export function linesOfMasks(
  lines: readonly string[],
  pairs: readonly { smask: number; fmask: number; n: number }[],
): ProductLineSums[] {
  return lines
    .map((line, i): ProductLineSums => {
      const sums = { line, holdersBefore: 0, holdersAfter: 0, ended: 0, stayed: 0, added: 0 };
      for (const { smask, fmask, n } of pairs) {
        const s = Math.floor(smask / 2 ** i) % 2 === 1;
        const f = Math.floor(fmask / 2 ** i) % 2 === 1;
        if (f) sums.holdersBefore += n;
        if (s) sums.holdersAfter += n;
        if (f && !s) sums.ended += n;
        if (f && !s && smask !== 0) sums.stayed += n;
        if (s && !f) sums.added += n;
      }
      return sums;
    })
    .filter((l) => l.holdersBefore + l.holdersAfter > 0);
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
