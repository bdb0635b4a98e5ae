/**
 * Discounted customer lifetime value over a finite horizon from a purchase model and a spend model
 * (Fader, Hardie & Lee 2005, "RFM and CLV", with the horizon cut into discrete periods as in lifetimes'
 * `customer_lifetime_value`).
 *
 * CLV = Σₖ₌₁ᴷ (E[Y(k·Δ)] − E[Y((k−1)·Δ)]) · spend / (1 + d)^(k / periodsPerYear), where E[Y(t)] is the
 * purchase model's conditional expected purchases within t after the end of observation, Δ =
 * timeUnitsPerYear / periodsPerYear the period length in the model's time unit, d the yearly discount rate
 * and K the number of periods. Each period's purchases are discounted from the end of that period.
 *
 * The decision a reader needs: the time unit is never implied. The caller states how many model time units
 * make a year (52.18 for a model fitted in weeks) and how many periods a year is cut into, so a weekly model
 * with a yearly rate discounts the same money the same way as a monthly one.
 */
import { assert, CvmError } from '../errors';
import { msg } from '../messages/catalogue';

/** How the horizon is cut and discounted. */
export interface ClvHorizon {
  /** model time units per year: 365.25 / 7 for weeks, 12 for months, 365.25 for days */
  timeUnitsPerYear: number;
  /** discounting periods per year: 12 discounts monthly */
  periodsPerYear: number;
  /** number of periods in the horizon (periods / periodsPerYear years) */
  periods: number;
  /** yearly discount rate as a fraction (0.1 = 10 % a year), > −1 */
  annualDiscountRate: number;
}

/**
 * Discounted CLV of every customer, in the currency of `spend`.
 * @param expectedPurchases E[Y(t) | history of customer i] for a span t ≥ 0 in the model's time unit
 * @param spend expected value of one purchase per customer (major currency units); its length is the number
 *   of customers
 * @throws CvmError `invalid-input` when the horizon is not a positive whole number of periods, a rate is out
 *   of range, or a spend is not finite (a spend model returns null where it is undefined: the caller decides
 *   what to use there, CLV does not invent a 0)
 */
export function discountedClv(
  expectedPurchases: (i: number, t: number) => number,
  spend: ArrayLike<number>,
  horizon: ClvHorizon,
): Float64Array {
  const { periods } = horizon;
  const times = clvPeriodEnds(horizon);
  const discount = clvDiscountFactors(horizon);
  const result = new Float64Array(spend.length);
  const cumulative = new Float64Array(periods);
  for (let i = 0; i < spend.length; i++) {
    const value = spend[i] as number;
    if (!Number.isFinite(value))
      throw new CvmError('invalid-input', msg('fit.clv-spend', { customer: i, value }));
    for (let k = 0; k < periods; k++) {
      cumulative[k] = expectedPurchases(i, times[k] as number);
      assert(
        Number.isFinite(cumulative[k]),
        `expected purchases of customer ${i} at ${times[k]} = ${cumulative[k]}`,
      );
    }
    result[i] = discountedPurchases(cumulative, discount) * value;
  }
  return result;
}

/** The ends of the K periods in the model's time unit: k · timeUnitsPerYear / periodsPerYear, k = 1 … K. */
export function clvPeriodEnds(horizon: ClvHorizon): Float64Array {
  checkHorizon(horizon);
  const step = horizon.timeUnitsPerYear / horizon.periodsPerYear;
  return Float64Array.from({ length: horizon.periods }, (_, k) => (k + 1) * step);
}

/** The discount factor of each period, from its end: (1 + d)^(−k / periodsPerYear), k = 1 … K. */
export function clvDiscountFactors(horizon: ClvHorizon): Float64Array {
  checkHorizon(horizon);
  const { periodsPerYear, annualDiscountRate } = horizon;
  return Float64Array.from(
    { length: horizon.periods },
    (_, k) => (1 + annualDiscountRate) ** (-(k + 1) / periodsPerYear),
  );
}

/**
 * Σₖ (E[Y(tₖ)] − E[Y(tₖ₋₁)]) · discountₖ from the cumulative expected purchases at the period ends
 * (`clvPeriodEnds`) and the factors of `clvDiscountFactors`: the CLV of one unit of spend per purchase.
 */
export function discountedPurchases(cumulative: ArrayLike<number>, discount: ArrayLike<number>): number {
  let previous = 0;
  let total = 0;
  for (let k = 0; k < discount.length; k++) {
    const value = cumulative[k] as number;
    total += (value - previous) * (discount[k] as number);
    previous = value;
  }
  return total;
}

function checkHorizon(horizon: ClvHorizon): void {
  const { timeUnitsPerYear, periodsPerYear, periods, annualDiscountRate } = horizon;
  if (!(timeUnitsPerYear > 0 && Number.isFinite(timeUnitsPerYear)))
    throw new CvmError(
      'invalid-input',
      msg('fit.clv-horizon', { setting: 'timeUnitsPerYear', value: timeUnitsPerYear }),
    );
  if (!(periodsPerYear > 0 && Number.isFinite(periodsPerYear)))
    throw new CvmError(
      'invalid-input',
      msg('fit.clv-horizon', { setting: 'periodsPerYear', value: periodsPerYear }),
    );
  if (!Number.isInteger(periods) || periods < 1)
    throw new CvmError('invalid-input', msg('fit.clv-horizon', { setting: 'periods', value: periods }));
  if (!(annualDiscountRate > -1 && Number.isFinite(annualDiscountRate)))
    throw new CvmError(
      'invalid-input',
      msg('fit.clv-horizon', { setting: 'annualDiscountRate', value: annualDiscountRate }),
    );
}
