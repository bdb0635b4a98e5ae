/**
 * Portfolio value, the course's simple CLV (docs/domain.md, "Portfolio value"; seed 002, "Customer
 * portfolio value and CLV" and "Värdet på kundportföljen"). Per current-window tier:
 *
 *   retention = 1 − lost from that tier / that tier's previous-window size   (per window, see retention.ts)
 *   duration  = 1 / (1 − retention)                                          years
 *   CLV       = value per customer per year × duration                        undiscounted
 *   CLV index = CLV / CLV of the lowest tier
 *   value     = members × CLV (unrounded)
 *
 * The total row uses all lost / all previous-window customers for its retention and the total value per
 * customer for its CLV; the portfolio value is the sum of the tier values, not members × total CLV.
 *
 * With the `clv` basis (tiers cut by each customer's predicted CLV, docs/metrics.md "Predicted CLV as the
 * value basis") the CLV is the members' mean predicted CLV (the activities' `valueSum` / members) and the
 * value their sum; retention and duration stay the observed ones and no longer enter the CLV.
 */
import { perYear, ratio, type ValueBasis, type WindowMonths } from './basis';
import { addActivity, NO_ACTIVITY, type Activity, type FlowCell } from './flows';
import { retentionFigures, retentionNote, type RetentionFigures } from './retention';
import { msg, type Message } from '../messages/catalogue';

/** What the portfolio is computed from: activity per current tier, size and losses per previous tier. */
export interface PortfolioInput {
  windowMonths: WindowMonths;
  /** clv: the activities carry the members' predicted CLVs summed in `valueSum` */
  measure: ValueBasis;
  tierNames: readonly string[];
  /** current-window activity of each current tier (index 0 = highest tier) */
  current: readonly Activity[];
  /** per previous-window tier: its customers then and how many of them are not active now */
  previous: readonly { customers: number; lost: number }[];
}

/** Portfolio figures of a tier or the total. Money in major currency units, rates as fractions. */
export interface PortfolioFigures extends Activity, RetentionFigures {
  /** purchases / customers, per window; null without customers */
  purchasesPerCustomer: number | null;
  /** revenue / purchases; null without purchases */
  revenuePerPurchase: number | null;
  /** revenue / customers × 12 / windowMonths; null without customers */
  revenuePerCustomer: number | null;
  /**
   * the measure (revenue or margin) per customer per year: what CLV is made of; with the clv basis the mean
   * predicted CLV over its horizon
   */
  valuePerCustomer: number | null;
  /** valuePerCustomer × duration (clv basis: the mean predicted CLV); null when either is null */
  clv: number | null;
}

/** A tier row of the portfolio table. */
export interface PortfolioTier extends PortfolioFigures {
  tier: string;
  /** clv / clv of the lowest tier; null when either is undefined or the lowest is ≤ 0 */
  clvIndex: number | null;
  /** customers × clv; 0 for a tier without members, null when clv is undefined */
  value: number | null;
}

/** The portfolio table: tier rows, the total row and the notes on null figures. */
export interface Portfolio {
  /** length of the windows the figures compare; durations are in years whatever it is */
  windowMonths: WindowMonths;
  tiers: PortfolioTier[];
  total: PortfolioFigures & { value: number | null };
  /** why figures are null */
  notes: Message[];
}

/** Portfolio input from flow cells: inflows summed per current tier, previous sizes and losses per tier. */
export function portfolioInputFromFlows(
  cells: readonly FlowCell[],
  base: Omit<PortfolioInput, 'current' | 'previous'>,
): PortfolioInput {
  const n = base.tierNames.length;
  const current = Array.from({ length: n }, () => NO_ACTIVITY);
  const previous = Array.from({ length: n }, () => ({ customers: 0, lost: 0 }));
  for (const cell of cells) {
    if (cell.to !== 'lost') current[cell.to] = addActivity(current[cell.to] ?? NO_ACTIVITY, cell);
    if (typeof cell.from === 'number') {
      const p = previous[cell.from] ?? { customers: 0, lost: 0 };
      previous[cell.from] = {
        customers: p.customers + cell.customers,
        lost: p.lost + (cell.to === 'lost' ? cell.customers : 0),
      };
    }
  }
  return { ...base, current, previous };
}

function figures(activity: Activity, retention: RetentionFigures, input: PortfolioInput): PortfolioFigures {
  const yearly = perYear(input.windowMonths);
  const perCustomer = (amount: number): number | null => {
    const r = ratio(amount, activity.customers);
    return r === null ? null : r * yearly;
  };
  if (input.measure === 'clv') {
    const meanClv = ratio(activity.valueSum ?? 0, activity.customers);
    return {
      ...activity,
      ...retention,
      purchasesPerCustomer: ratio(activity.purchases, activity.customers),
      revenuePerPurchase: ratio(activity.revenue, activity.purchases),
      revenuePerCustomer: perCustomer(activity.revenue),
      valuePerCustomer: meanClv,
      clv: meanClv,
    };
  }
  const valuePerCustomer = perCustomer(input.measure === 'margin' ? activity.margin : activity.revenue);
  return {
    ...activity,
    ...retention,
    purchasesPerCustomer: ratio(activity.purchases, activity.customers),
    revenuePerPurchase: ratio(activity.revenue, activity.purchases),
    revenuePerCustomer: perCustomer(activity.revenue),
    valuePerCustomer,
    clv:
      valuePerCustomer === null || retention.duration === null ? null : valuePerCustomer * retention.duration,
  };
}

/** Computes the portfolio table. See the file header for the formulas. */
export function computePortfolio(input: PortfolioInput): Portfolio {
  const notes: Message[] = [];
  const rows = input.tierNames.map((name, i) => {
    const activity = input.current[i] ?? NO_ACTIVITY;
    const previous = input.previous[i] ?? { customers: 0, lost: 0 };
    const retention = retentionFigures(previous.customers, previous.lost, input.windowMonths);
    const note = retentionNote(name, retention);
    if (note) notes.push(note);
    if (activity.customers === 0) notes.push(msg('portfolio.tier-empty', { tier: name }));
    const f = figures(activity, retention, input);
    const value = activity.customers === 0 ? 0 : f.clv === null ? null : activity.customers * f.clv;
    return { tier: name, ...f, value };
  });
  const lowest = rows.at(-1);
  const base = lowest?.clv ?? null;
  if (base === null || base <= 0)
    notes.push(
      msg('portfolio.clv-index-undefined', { lowest: base === null ? 'undefined' : 'not positive' }),
    );
  const tiers = rows.map((row) => ({
    ...row,
    clvIndex: row.clv === null || base === null || base <= 0 ? null : row.clv / base,
  }));

  const all = input.current.reduce(addActivity, NO_ACTIVITY);
  const previousAll = input.previous.reduce((s, p) => s + p.customers, 0);
  const lostAll = input.previous.reduce((s, p) => s + p.lost, 0);
  const totalRetention = retentionFigures(previousAll, lostAll, input.windowMonths);
  const totalNote = retentionNote('total', totalRetention);
  if (totalNote) notes.push(totalNote);
  const undefinedValue = tiers.some((t) => t.value === null);
  if (undefinedValue) notes.push(msg('portfolio.value-undefined'));
  return {
    windowMonths: input.windowMonths,
    tiers,
    total: {
      ...figures(all, totalRetention, input),
      value: undefinedValue ? null : tiers.reduce((s, t) => s + (t.value ?? 0), 0),
    },
    notes,
  };
}
