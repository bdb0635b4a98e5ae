/**
 * Retention trend: for every point of a core `TrendGrid`, the customers active in the point's previous
 * window per tier of that window, and how many of them are active in its current window.
 *
 * One scan stages each customer's value per calendar block (columns v4, v5 …) and a bit mask of the blocks
 * it bought in (each row's block found once, from its date and the blocks' starts); every point's windows
 * are sums of consecutive block columns and mask tests, so the 12 points of a three-year quarterly trend
 * cost one scan of the transactions plus twelve rankings of the staged table (one customer per row).
 */
import { assert, invalidOption } from '../../../core/errors';
import { msg } from '../../../core/messages/catalogue';
import { tierCutoffs } from '../../../core/kpi/tiers';
import type { TrendCount } from '../../../core/kpi/retention-trend';
import type { TrendGrid } from '../../../core/kpi/retention-trend';
import type { RetentionTrendQuery } from '../../analytics/types';
import type { SqlParam as Param, SqlRunner as Db } from '../../sql/runner';
import { int, tierCaseSql, valueColumn, withStagedTable } from './sql';

function blockSum([first, last]: readonly [number, number]): string {
  const terms: string[] = [];
  for (let b = first; b <= last; b++) terms.push(`v${int(b)}`);
  return `(${terms.join(' + ')})`;
}

/** Bit mask of the blocks first…last: a customer is active in them when `mask & this <> 0`. */
function blockMask([first, last]: readonly [number, number]): string {
  let mask = 0n;
  for (let b = first; b <= last; b++) mask |= 1n << BigInt(b);
  return mask.toString();
}

/**
 * The most calendar blocks one scan handles: activity is kept as a 64-bit mask per customer. Longer grids are
 * split into runs of consecutive points that fit, one scan each; callers never see the limit.
 */
const MAX_BLOCKS_PER_SCAN = 62;

/** Previous-window customers and retained customers per trend point and tier (missing rows had none). */
export async function queryRetentionTrend(db: Db, query: RetentionTrendQuery): Promise<TrendCount[]> {
  const out: TrendCount[] = [];
  for (const chunk of splitGrid(query.grid, MAX_BLOCKS_PER_SCAN))
    out.push(...(await queryChunk(db, { ...query, grid: chunk.grid }, chunk.firstPoint)));
  return out;
}

/** Runs of consecutive points whose blocks span at most `max` blocks, with block indexes rebased. */
export function splitGrid(grid: TrendGrid, max: number): { grid: TrendGrid; firstPoint: number }[] {
  const chunks: { grid: TrendGrid; firstPoint: number }[] = [];
  let start = 0;
  while (start < grid.points.length) {
    const lo = grid.points[start]!.currentBlocks[0];
    let end = start;
    while (end + 1 < grid.points.length && grid.points[end + 1]!.previousBlocks[1] - lo + 1 <= max) end++;
    const hi = grid.points[end]!.previousBlocks[1];
    if (hi - lo + 1 > max)
      throw invalidOption(
        'step',
        grid.blockMonths,
        `a step that splits the window into at most ${max / 2} blocks`,
        msg('store.trend-blocks', { blocks: hi - lo + 1, months: grid.blockMonths, max }),
      );
    const shift = (r: readonly [number, number]): [number, number] => [r[0] - lo, r[1] - lo];
    chunks.push({
      firstPoint: start,
      grid: {
        blockMonths: grid.blockMonths,
        blocks: grid.blocks.slice(lo, hi + 1),
        points: grid.points.slice(start, end + 1).map((p) => ({
          ...p,
          currentBlocks: shift(p.currentBlocks),
          previousBlocks: shift(p.previousBlocks),
        })),
      },
    });
    start = end + 1;
  }
  return chunks;
}

async function queryChunk(db: Db, query: RetentionTrendQuery, firstPoint: number): Promise<TrendCount[]> {
  const { blocks, points } = query.grid;
  const value = valueColumn(query.measure);
  // Values are only needed for blocks that are part of some point's previous window (they rank customers);
  // DECIMAL(18,2) keeps them exact in 8 bytes. Activity in every block is one bit of a mask. Each row's
  // block is found once and the sums and the mask test that index, rather than every block's bounds: the
  // blocks are consecutive, newest first, so the first block start a row lies after names its block.
  assert(
    blocks.every((b, i) => i === 0 || blocks[i - 1]!.startExclusive === b.endInclusive),
    'trend blocks are consecutive',
  );
  // $1 is the newest block's end, $(b + 2) block b's start
  const params: Param[] = [blocks[0]!.endInclusive, ...blocks.map((b) => b.startExclusive)];
  const start = (b: number): string => `CAST($${b + 2} AS DATE)`;
  const blockOf = `CASE ${blocks.map((_, b) => `WHEN order_date > ${start(b)} THEN ${int(b)}`).join(' ')} END`;
  const valued = new Set(points.flatMap((p) => range(p.previousBlocks)));
  const columns = [...valued].map(
    (b) => `CAST(sum(CASE WHEN blk = ${int(b)} THEN v ELSE 0 END) AS DECIMAL(18,2)) AS v${b}`,
  );
  const stage = `
    SELECT customer_id, ${columns.join(',\n')},
      CAST(bit_or(CASE WHEN purchase THEN CAST(1 AS BIGINT) << blk ELSE 0 END) AS BIGINT) AS mask
    FROM (
      SELECT customer_id, ${value} AS v, coalesce(amount, 0) >= 0 AS purchase, ${blockOf} AS blk
      FROM transactions
      WHERE order_date > ${start(blocks.length - 1)} AND order_date <= CAST($1 AS DATE)
    ) t
    GROUP BY customer_id`;
  return withStagedTable(db, stage, params, async (table) => {
    const active = (blocks: readonly [number, number]): string => `(mask & ${blockMask(blocks)}) <> 0`;
    const countSql = points.map(
      (p, j) => `sum(CASE WHEN ${active(p.previousBlocks)} THEN 1 ELSE 0 END) AS n${int(j)}`,
    );
    const counts = await db.one<Record<string, number | null>>(`SELECT ${countSql.join(', ')} FROM ${table}`);
    // One point at a time: each ranks about a year of customers, so memory holds one sort, not twelve.
    const out: TrendCount[] = [];
    for (const [j, p] of points.entries()) {
      const cutoffs = tierCutoffs(counts[`n${j}`] ?? 0, query.tiers);
      const rows = await db.all<TrendCount & Record<string, unknown>>(`
        SELECT ${int(firstPoint + j)} AS point, tier, count(*) AS previous, sum(retained) AS retained
        FROM (
          SELECT ${tierCaseSql('rk', cutoffs)} AS tier, retained
          FROM (
            SELECT rank() OVER (ORDER BY ${blockSum(p.previousBlocks)} DESC) AS rk,
              CASE WHEN ${active(p.currentBlocks)} THEN 1 ELSE 0 END AS retained
            FROM ${table} WHERE ${active(p.previousBlocks)}
          ) ranked
        ) tiered
        GROUP BY tier`);
      out.push(...rows);
    }
    return out;
  });
}

function range([first, last]: readonly [number, number]): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
