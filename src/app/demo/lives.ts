/**
 * Customer lives: when each demo customer was acquired and on which days it bought. Purchases follow
 * BG/NBD: while alive a customer buys at Poisson rate λ, and after every purchase it drops out for good
 * with probability p; λ and p vary between customers (Gamma and Beta). The one departure: a purchase may
 * lead to a complaint (probability `complaintRate`), and after a complaint the customer drops out with the
 * higher probability p + (1 − p)·h, h = `complaintDropout`. That is what makes complainants churn more; it
 * touches about 1 % of purchases, so BG/NBD fits still recover λ and p closely. Spend heterogeneity (ν of
 * the Gamma-Gamma model) is drawn here too, so that one customer's traits come from one place.
 *
 * The business is simulated from `burnInYears` before the order log starts, so the customers the log opens
 * with (the "initial base") carry a real history: some are lapsing, some come back after a pause (won back).
 * Only purchases inside the log window are kept; a customer is in the data set when it has at least one.
 * Candidates are drawn until exactly `customers` are in, which fixes the size without fixing the mix.
 */
import { addMonths, daysInMonth, toEpochDay, type IsoDay } from '../../core/dates';
import { beta, categorical, createRandom, exponential, gamma, type Random } from '../../core/random';
import type { DemoModel, DemoOptions } from './params';

const DAYS_PER_YEAR = 365.25;

/** One customer's traits and purchase days. */
export interface CustomerLife {
  /** epoch day of the first purchase ever (may lie before the order log) */
  acquiredDay: number;
  /** purchases per year while alive */
  lambda: number;
  /** probability of dropping out after each purchase */
  p: number;
  /** Gamma-Gamma rate ν: the customer's mean spend per purchase is spendP / ν kr */
  nu: number;
  /** epoch days of the purchases inside the order log, ascending (ties possible) */
  purchases: number[];
  /** indices into `purchases` of the purchases that led to a complaint */
  complaints: number[];
  /** true when the customer dropped out after its last purchase: it never buys again */
  droppedOut: boolean;
}

/** The order log's window in epoch days: purchases on days d with `startExclusive < d ≤ end` are kept. */
export interface LogWindow {
  startExclusive: number;
  end: number;
}

export function logWindow(options: DemoOptions): LogWindow {
  return {
    startExclusive: toEpochDay(addMonths(options.end, -12 * options.years)),
    end: toEpochDay(options.end),
  };
}

/** First days of the simulated months (burn-in and log) and their acquisition weights. */
function acquisitionMonths(
  options: DemoOptions,
  model: DemoModel,
): { firstDays: IsoDay[]; weights: number[] } {
  const months = 12 * (options.years + model.burnInYears);
  const lastMonth = `${options.end.slice(0, 7)}-01`;
  const firstDays: IsoDay[] = [];
  const weights: number[] = [];
  for (let i = 0; i < months; i++) {
    const first = addMonths(lastMonth, i - months + 1);
    const [year, month] = first.split('-').map(Number) as [number, number];
    const season = model.acquisitionSeasonality[month - 1] ?? 1;
    const growth = (1 + model.acquisitionGrowth) ** (i / 12);
    firstDays.push(first);
    weights.push(season * growth * daysInMonth(year, month));
  }
  return { firstDays, weights };
}

/** Simulates one candidate from its acquisition day to the end of the log. */
function liveOne(rng: Random, acquiredDay: number, window: LogWindow, model: DemoModel): CustomerLife {
  const lambda = gamma(rng, model.r, 1 / model.alpha);
  const p = beta(rng, model.a, model.b);
  const nu = gamma(rng, model.spendQ, 1 / model.spendGamma);
  const purchases: number[] = [];
  const complaints: number[] = [];
  let droppedOut = false;
  let t = acquiredDay;
  for (;;) {
    const day = Math.floor(t);
    if (day > window.end) break;
    const complaint = rng.next() < model.complaintRate;
    if (day > window.startExclusive) {
      if (complaint) complaints.push(purchases.length);
      purchases.push(day);
    }
    if (rng.next() < (complaint ? p + (1 - p) * model.complaintDropout : p)) {
      droppedOut = true;
      break;
    }
    t += exponential(rng, lambda / DAYS_PER_YEAR);
  }
  return { acquiredDay, lambda, p, nu, purchases, complaints, droppedOut };
}

/**
 * Simulates candidates until `options.customers` of them bought inside the log, and returns those,
 * ordered by acquisition day (the order customer ids are given in).
 */
export function simulateLives(options: DemoOptions, model: DemoModel): CustomerLife[] {
  const rng = createRandom(options.seed, 'lives');
  const window = logWindow(options);
  const { firstDays, weights } = acquisitionMonths(options, model);
  const drawMonth = categorical(weights);
  const lives: CustomerLife[] = [];
  while (lives.length < options.customers) {
    const first = firstDays[drawMonth(rng)] as IsoDay;
    const [year, month] = first.split('-').map(Number) as [number, number];
    const acquiredDay = toEpochDay(first) + Math.floor(rng.next() * daysInMonth(year, month));
    if (acquiredDay > window.end) continue;
    const life = liveOne(rng, acquiredDay, window, model);
    if (life.purchases.length > 0) lives.push(life);
  }
  // a stable sort: equal days keep the order they were drawn in
  return lives.sort((x, y) => x.acquiredDay - y.acquiredDay);
}
