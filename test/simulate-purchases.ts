/**
 * Customers simulated from the BG/NBD or MBG/NBD story with known parameters, for parameter-recovery tests.
 * Observation lengths T are spread over 52–104 weeks and times are rounded to days (1/7 week), as in real
 * summaries, which also lets identical patterns merge.
 */
import { bernoulli, beta, createRandom, exponential, gamma, uniform } from '../src/core/random';
import type { SummaryRow } from '../src/core/models/summary';

/** r, alpha: Gamma purchase rate (alpha in weeks); a, b: Beta dropout probability. */
export interface PurchaseParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

const day = (weeks: number): number => Math.round(weeks * 7) / 7;

/**
 * `n` customers; with `dropAtStart` (MBG/NBD) each may also drop out right at the first purchase.
 * Deterministic for a given `seed` and `stream`.
 */
export function simulatePurchases(
  n: number,
  params: PurchaseParams,
  stream: string,
  seed: number,
  dropAtStart = false,
): SummaryRow[] {
  const rng = createRandom(seed, stream);
  const rows: SummaryRow[] = [];
  for (let i = 0; i < n; i++) {
    const T = day(uniform(rng, 52, 104));
    const rate = gamma(rng, params.r, 1 / params.alpha);
    const dropout = beta(rng, params.a, params.b);
    let alive = !(dropAtStart && bernoulli(rng, dropout));
    let t = 0;
    let x = 0;
    let tx = 0;
    while (alive) {
      t += exponential(rng, rate);
      if (day(t) > T) break;
      x++;
      tx = day(t);
      alive = !bernoulli(rng, dropout);
    }
    rows.push({ x, tx, T });
  }
  return rows;
}
