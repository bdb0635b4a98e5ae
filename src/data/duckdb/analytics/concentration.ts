/**
 * One window ranked by value: sums per tier (the deciles table) and the ascending cumulative value at the
 * positions the Lorenz curve and the top-x % shares need (core `curvePositions`). Negative net values are
 * clipped to 0 for the curve (core `concentration.ts` explains why); the tier sums keep the net values.
 */
import { curvePositions, type TierValueSums } from '../../../core/kpi/concentration';
import { tierCutoffs } from '../../../core/kpi/tiers';
import type { ConcentrationQuery, ConcentrationResult } from '../../analytics/types';
import type { SqlParam, SqlRunner as Db } from '../../sql/runner';
import { inWindowSql, int, tierCaseSql, valueColumn, withStagedTable } from './sql';
import { exactValue, valuesTable } from './values';

/** Tier sums and the clipped ascending value curve of the customers active in the window. */
export function queryConcentration(db: Db, query: ConcentrationQuery): Promise<ConcentrationResult> {
  const w = inWindowSql(1, query.window);
  const stage = `
    SELECT customer_id, CAST(sum(amount) AS DECIMAL(18,2)) AS revenue,
      CAST(sum(${valueColumn(query.measure)}) AS DECIMAL(18,2)) AS v,
      sum(CASE WHEN margin IS NULL THEN 1 ELSE 0 END) AS nomargin, count(*) AS ntx
    FROM transactions WHERE ${w.sql}
    GROUP BY customer_id HAVING sum(CASE WHEN coalesce(amount, 0) >= 0 THEN 1 ELSE 0 END) > 0`;
  if (query.values === undefined) return concentrationOfStage(db, stage, w.params, query);
  // staged values (predicted CLV) rank instead of the measure; an active customer without one ranks on 0
  const valued = `
    SELECT s.customer_id, s.revenue, coalesce(${exactValue('cv.value')}, 0) AS v, s.nomargin, s.ntx
    FROM (${stage}) s LEFT JOIN ${valuesTable(query.values)} cv ON cv.customer_id = s.customer_id`;
  return concentrationOfStage(db, valued, w.params, query);
}

/**
 * The concentration figures of any staged set of customers: `stage` selects one row per active customer
 * with `customer_id`, `revenue`, `v` (the value that ranks), `nomargin` and `ntx` (transactions without a
 * margin, and all, for the margin note). The order and the contract concentration share it.
 */
export async function concentrationOfStage(
  db: Db,
  stage: string,
  params: readonly SqlParam[],
  query: Pick<ConcentrationQuery, 'tiers' | 'lorenzPoints' | 'topPercents'>,
): Promise<ConcentrationResult> {
  return withStagedTable(db, stage, params, async (table) => {
    const head = await db.one<{ n: number; nomargin: number | null; ntx: number | null }>(
      `SELECT count(*) AS n, sum(nomargin) AS nomargin, sum(ntx) AS ntx FROM ${table}`,
    );
    const cutoffs = tierCutoffs(head.n, query.tiers);
    const tierRows = await db.all<{
      tier: number;
      customers: number;
      revenue: number;
      value: number;
      min: number;
      max: number;
    }>(`
      WITH ranked AS (SELECT revenue, v, rank() OVER (ORDER BY v DESC) AS rk FROM ${table})
      SELECT tier, count(*) AS customers, sum(revenue) AS revenue, sum(v) AS value, min(v) AS min, max(v) AS max
      FROM (SELECT *, ${tierCaseSql('rk', cutoffs)} AS tier FROM ranked) t
      GROUP BY tier`);
    const tiers: TierValueSums[] = query.tiers.map((_, i) => {
      const row = tierRows.find((r) => r.tier === i);
      return row
        ? { customers: row.customers, revenue: row.revenue, value: row.value, min: row.min, max: row.max }
        : { customers: 0, revenue: 0, value: 0, min: null, max: null };
    });
    const positions = curvePositions(head.n, query.lorenzPoints, query.topPercents).filter((p) => p > 0);
    const ordered = `
      WITH o AS (
        SELECT v, CASE WHEN v > 0 THEN v ELSE 0 END AS x,
          row_number() OVER (ORDER BY CASE WHEN v > 0 THEN v ELSE 0 END, customer_id) AS i
        FROM ${table}
      )`;
    const sums = await db.one<{ total: number | null; weighted: number | null; clipped: number | null }>(
      `${ordered} SELECT sum(x) AS total, sum(i * x) AS weighted,
         sum(CASE WHEN v < 0 THEN 1 ELSE 0 END) AS clipped FROM o`,
    );
    const points =
      positions.length === 0
        ? []
        : await db.all<{ i: number; cum: number }>(
            `${ordered}, c AS (SELECT i, sum(x) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum FROM o)
             SELECT i, cum FROM c WHERE i IN (${positions.map(int).join(', ')})`,
          );
    const cumulative = new Map<number, number>([[0, 0]]);
    for (const p of points) cumulative.set(p.i, p.cum);
    return {
      curve: {
        n: head.n,
        total: sums.total ?? 0,
        rankWeightedTotal: sums.weighted ?? 0,
        clipped: sums.clipped ?? 0,
        cumulative,
      },
      tiers,
      missingMargin: head.nomargin ?? 0,
      transactions: head.ntx ?? 0,
    };
  });
}
