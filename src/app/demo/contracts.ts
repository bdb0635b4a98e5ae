/**
 * The demo's contract business: the retailer's energy arm (seed 002's case, an energy company with 70–80 %
 * retention) sells three product lines on contracts: electricity (`el`), gas and a home insurance
 * (`home`). A share of the retail customers hold contracts; each starts with one line, may add a second
 * and a third later (cross-sell), may end an extra line while staying (product churn, down-sell) and leaves
 * after an exponential lifetime with a yearly retention of 75 % (all its contracts end then). Contracts are
 * open-ended while the customer stays, with an annual fee drawn per line. Seeded: the same options give
 * the same contracts (docs/demo.md, "Contracts").
 */
import { fromEpochDay } from '../../core/dates';
import { bernoulli, createRandom, exponential, uniform } from '../../core/random';
import type { CustomerTraits } from './customers';
import { makeId, roundMoney, type Row } from './rows';

/** Demo contract parameters. */
export const CONTRACT_MODEL = {
  /** share of the customers that hold contracts */
  share: 0.3,
  /** the yearly probability that a customer stays (retention) */
  retention: 0.75,
  /** the yearly probability that an extra line ends while the customer stays */
  lineRetention: 0.9,
  /** probability of adding a second line, and a third after it */
  addSecond: 0.45,
  addThird: 0.3,
  /** how many years before the end of the log contracts may start (the energy arm is older than the log) */
  historyYears: 8,
  /** product lines: name, share as the first line, annual fee range in kr */
  lines: [
    { line: 'el', first: 0.7, fee: [4_000, 16_000] },
    { line: 'gas', first: 0.2, fee: [3_000, 9_000] },
    { line: 'home', first: 0.1, fee: [1_500, 4_500] },
  ],
} as const;

const DAYS_PER_YEAR = 365.25;

/**
 * Contract rows (canonical column order: contract_id, customer_id, start_date, end_date, renewed,
 * product_line, annual_fee) for the share of `customers` that hold contracts, none starting after `endDay`.
 */
export function makeContracts(customers: readonly CustomerTraits[], seed: number, endDay: number): Row[] {
  const rng = createRandom(seed, 'contracts');
  const m = CONTRACT_MODEL;
  const rows: Row[] = [];
  const firstDay = endDay - Math.round(m.historyYears * DAYS_PER_YEAR);
  const leaveRate = -Math.log(m.retention); // per year
  const lineEndRate = -Math.log(m.lineRetention);
  let n = 0;
  const width = Math.max(7, String(Math.round(customers.length * m.share * 3)).length);
  for (const customer of customers) {
    if (!bernoulli(rng, m.share)) continue;
    const start = Math.floor(uniform(rng, firstDay, endDay - 30));
    const leave = start + Math.max(1, Math.round(exponential(rng, leaveRate) * DAYS_PER_YEAR));
    const customerEnd = leave <= endDay ? leave : null;
    const u = rng.next();
    const firstIndex = u < m.lines[0].first ? 0 : u < m.lines[0].first + m.lines[1].first ? 1 : 2;
    const order = [firstIndex, ...[0, 1, 2].filter((i) => i !== firstIndex)];
    let lineStart = start;
    for (const [k, index] of order.entries()) {
      if (k === 1 && !bernoulli(rng, m.addSecond)) break;
      if (k === 2 && !bernoulli(rng, m.addThird)) break;
      if (k > 0) lineStart += Math.max(1, Math.round(exponential(rng, 1) * DAYS_PER_YEAR));
      if (lineStart > endDay || (customerEnd !== null && lineStart >= customerEnd)) break;
      // an extra line may end before the customer leaves (product churn)
      const lineLeave =
        k === 0 ? null : lineStart + Math.max(1, Math.round(exponential(rng, lineEndRate) * DAYS_PER_YEAR));
      const ends = [customerEnd, lineLeave !== null && lineLeave <= endDay ? lineLeave : null].filter(
        (d): d is number => d !== null,
      );
      const end = ends.length === 0 ? null : Math.min(...ends);
      const spec = m.lines[index]!;
      n += 1;
      rows.push([
        makeId('K', n, width),
        customer.id,
        fromEpochDay(lineStart),
        end === null ? null : fromEpochDay(end),
        null, // renewed: the energy contracts run until ended
        spec.line,
        roundMoney(uniform(rng, spec.fee[0], spec.fee[1])),
      ]);
    }
  }
  return rows;
}
