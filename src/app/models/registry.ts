/**
 * The purchase models by their CLI names, behind one shape: fit on patterns, P(alive), expected purchases
 * of a new customer and of a customer with a history. Parameters travel as plain records so that reports
 * and files can show them without knowing the model.
 */
import {
  conditionalExpectedPurchasesBgNbd,
  expectedPurchasesBgNbd,
  expectedPurchasesManyBgNbd,
  fitBgNbd,
  pAliveBgNbd,
  type BgNbdParams,
} from '../../core/models/bg-nbd';
import {
  conditionalExpectedPurchasesMbgNbd,
  expectedPurchasesMbgNbd,
  fitMbgNbd,
  pAliveMbgNbd,
  type MbgNbdParams,
} from '../../core/models/mbg-nbd';
import {
  conditionalExpectedPurchasesParetoNbd,
  expectedPurchasesParetoNbd,
  fitParetoNbd,
  pAliveParetoNbd,
  type ParetoNbdParams,
} from '../../core/models/pareto-nbd';
import type { CustomerSummary, ModelFit } from '../../core/models/summary';
import type { PurchaseModel } from '../options/models';

export type Params = Record<string, number>;

/** One purchase model; every span `t` and history is in the model's time unit. */
export interface PurchaseModelKit {
  /** the paper's name, e.g. "BG/NBD" */
  name: string;
  fit(patterns: CustomerSummary): ModelFit<Params> | null;
  pAlive(params: Params, x: number, tx: number, T: number): number;
  /** E[X(t)]: repeat purchases of a new customer within t of the first purchase */
  expected(params: Params, t: number): number;
  /** E[Y(t) | x, tx, T]: purchases in the next t after T */
  conditional(params: Params, t: number, x: number, tx: number, T: number): number;
  /** E[Y(t) | x, tx, T] at several spans at once (what CLV needs at every period end) */
  conditionalMany(params: Params, ts: ArrayLike<number>, x: number, tx: number, T: number): Float64Array;
  /**
   * E[Y(t) | alive at T, x, T] at several spans, where the model has it in closed form: then E[Y(t) | x, tx,
   * T] = P(alive) × this, and this depends on (x, T) only, so it is computed once per distinct (x, T)
   */
  ifAliveMany?: (params: Params, ts: ArrayLike<number>, x: number, T: number) => Float64Array;
}

function kit<P extends object>(k: {
  name: string;
  fit: (patterns: CustomerSummary) => ModelFit<P> | null;
  pAlive: (params: P, x: number, tx: number, T: number) => number;
  expected: (params: P, t: number) => number;
  conditional: (params: P, t: number, x: number, tx: number, T: number) => number;
  ifAliveMany?: (params: P, ts: ArrayLike<number>, x: number, T: number) => Float64Array;
}): PurchaseModelKit {
  const { ifAliveMany } = k;
  const conditionalMany =
    ifAliveMany === undefined
      ? (params: P, ts: ArrayLike<number>, x: number, tx: number, T: number): Float64Array =>
          Float64Array.from(ts, (t) => k.conditional(params, t, x, tx, T))
      : (params: P, ts: ArrayLike<number>, x: number, tx: number, T: number): Float64Array => {
          const alive = k.pAlive(params, x, tx, T);
          return ifAliveMany(params, ts, x, T).map((v) => v * alive);
        };
  return { ...k, conditionalMany } as unknown as PurchaseModelKit;
}

export const PURCHASE_KITS: Record<PurchaseModel, PurchaseModelKit> = {
  bgnbd: kit<BgNbdParams>({
    name: 'BG/NBD',
    fit: fitBgNbd,
    pAlive: pAliveBgNbd,
    expected: expectedPurchasesBgNbd,
    conditional: conditionalExpectedPurchasesBgNbd,
    // the posterior of an alive customer is BG/NBD with r+x, α+T, b+x (bg-nbd.ts, eq. 10)
    ifAliveMany: ({ r, alpha, a, b }, ts, x, T) =>
      expectedPurchasesManyBgNbd({ r: r + x, alpha: alpha + T, a, b: b + x }, ts),
  }),
  mbgnbd: kit<MbgNbdParams>({
    name: 'MBG/NBD',
    fit: fitMbgNbd,
    pAlive: pAliveMbgNbd,
    expected: expectedPurchasesMbgNbd,
    conditional: conditionalExpectedPurchasesMbgNbd,
    // an alive customer is a new BG/NBD one with r+x, α+T, b+x+1 (mbg-nbd.ts)
    ifAliveMany: ({ r, alpha, a, b }, ts, x, T) =>
      expectedPurchasesManyBgNbd({ r: r + x, alpha: alpha + T, a, b: b + x + 1 }, ts),
  }),
  paretonbd: kit<ParetoNbdParams>({
    name: 'Pareto/NBD',
    fit: fitParetoNbd,
    pAlive: pAliveParetoNbd,
    expected: expectedPurchasesParetoNbd,
    conditional: conditionalExpectedPurchasesParetoNbd,
  }),
};
