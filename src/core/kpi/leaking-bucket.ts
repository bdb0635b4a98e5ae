/**
 * The leaking bucket (seed 002, "Example from the book The Loyalty effect"): with a yearly acquisition of
 * a % and a yearly churn of c % of the base, the base grows by the factor (1 + a − c) a year, so after n
 * years it is (1 + a − c)ⁿ times its size, and it doubles after ln 2 / ln(1 + a − c) years. 10 % / 5 % doubles
 * in about 14 years; 10 % / 10 % does not grow.
 */
import { assert } from '../errors';

/** The bucket's inputs: yearly rates as fractions, a number of whole years, a start size. */
export interface BucketInput {
  /** yearly acquisition as a fraction of the base (0.10 = 10 %) */
  acquisition: number;
  /** yearly churn as a fraction of the base */
  churn: number;
  years: number;
  /** base size at year 0 (default 1, a relative size) */
  start?: number;
}

/** Base sizes per year and the doubling or halving time in years. */
export interface BucketResult {
  /** 1 + acquisition − churn */
  growthFactor: number;
  /** base size at the end of each year 0 … years */
  sizes: { year: number; size: number }[];
  /** years until the base has doubled; null when it does not grow */
  doublingYears: number | null;
  /** years until the base has halved; null when it does not shrink */
  halvingYears: number | null;
}

/** Base size over the years and its doubling (or halving) time. */
export function leakingBucket(input: BucketInput): BucketResult {
  assert(Number.isInteger(input.years) && input.years >= 0, `years ${input.years}`);
  const growthFactor = 1 + input.acquisition - input.churn;
  const start = input.start ?? 1;
  const sizes = Array.from({ length: input.years + 1 }, (_, year) => ({
    year,
    size: start * Math.max(0, growthFactor) ** year,
  }));
  const rate = growthFactor > 0 ? Math.log(growthFactor) : null;
  return {
    growthFactor,
    sizes,
    doublingYears: rate !== null && rate > 0 ? Math.LN2 / rate : null,
    halvingYears: growthFactor <= 0 ? 1 : rate !== null && rate < 0 ? -Math.LN2 / rate : null,
  };
}
