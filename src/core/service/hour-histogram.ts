/**
 * The distribution of resolution times as a histogram a manager reads against the 24 h target: how many
 * complaints were resolved within 4 h, 4–8 h, 8–24 h, 1–2 days, 2–3 days, 3–7 days and after a week.
 *
 * The decision a reader needs: bins are closed on the right, (from, to], the first one [0, 4], so that the
 * bins up to 24 h hold exactly the complaints that meet a 24 h target ("within" is inclusive); the last
 * bin is open-ended. Shares are of the measured resolution times (open complaints are not in it).
 */

/** Bin edges in hours; the last bin runs from the last edge on. */
export const RESOLUTION_BIN_EDGES: readonly number[] = [0, 4, 8, 24, 48, 72, 168];

export interface HourBin {
  /** exclusive, except the first bin's 0 */
  fromHours: number;
  /** inclusive; null: no upper bound */
  toHours: number | null;
  complaints: number;
  /** complaints / all measured; null when none was measured */
  share: number | null;
}

/** The histogram of `hours` (non-negative) over `edges` (ascending, starting at 0). */
export function hourHistogram(
  hours: ArrayLike<number>,
  edges: readonly number[] = RESOLUTION_BIN_EDGES,
): HourBin[] {
  const counts = new Array<number>(edges.length).fill(0);
  for (let i = 0; i < hours.length; i++) {
    const h = hours[i]!;
    let k = 0;
    while (k + 1 < edges.length && h > edges[k + 1]!) k += 1;
    counts[k]! += 1;
  }
  const n = hours.length;
  return edges.map((from, k) => ({
    fromHours: from,
    toHours: edges[k + 1] ?? null,
    complaints: counts[k]!,
    share: n === 0 ? null : counts[k]! / n,
  }));
}
