/**
 * The customer page's predictions: BG/NBD (and, with spend, Gamma-Gamma) fitted on the store's customers
 * as of the page's as-of day, in weeks, exactly as `model predict` and `model at-risk` fit them, then one
 * customer's P(alive), expected purchases, expected spend and discounted CLV over the horizon from the same
 * `predictCustomers` that writes the predictions file.
 *
 * The fit (`fitCustomerModel`) is the expensive part and depends only on the data and its options, not on
 * the customer: a face that shows many customers keeps it (the server per data version) and hands it to
 * `customerModel` for each one. With too little history (no customer bought by the as-of day, or fewer than
 * `MIN_REPEAT_CUSTOMERS` with a repeat purchase) there is no fit, and the page says so in a note.
 */
import type { IsoDay } from '../../core/dates';
import { CvmError } from '../../core/errors';
import { msg, type Message } from '../../core/messages/catalogue';
import type { GammaGammaParams } from '../../core/models/gamma-gamma';
import { unitsPerYear, type TimeUnit } from '../../core/models/time-unit';
import type { StoreUnit } from '../../data/store';
import { indexPatterns, loadCustomers, type CustomerRows } from '../models/data';
import { fitSpend } from '../models/fit';
import { predictCustomers } from '../models/predict';
import { PURCHASE_KITS, type Params } from '../models/registry';

/** Customers with a repeat purchase a fit needs at least; with fewer the page shows a note instead. */
export const MIN_REPEAT_CUSTOMERS = 10;

/** The model options of the customer page. */
export interface CustomerModelInput {
  /** the page's as-of day: the models see the transactions up to it */
  calibrationEnd: IsoDay;
  timeUnit: TimeUnit;
  /** months ahead */
  horizonMonths: number;
  /** yearly, as a fraction */
  discountRate: number;
}

/** A fit on the store, kept while the data do not change; `fit: null` when there was too little history. */
export interface CustomerModelFit {
  input: CustomerModelInput;
  fit: {
    purchaseParams: Params;
    /** null when the data carry no usable spend */
    spendParams: GammaGammaParams | null;
    /** customers fitted */
    customers: number;
    rows: CustomerRows;
  } | null;
  notes: Message[];
}

/** What the customer page shows of the models. */
export interface CustomerModel {
  model: 'bgnbd';
  name: string;
  /** "Gamma-Gamma", or null without a spend model (then expected spend and CLV are null) */
  spendModel: string | null;
  calibrationEnd: IsoDay;
  timeUnit: TimeUnit;
  horizonMonths: number;
  /** the horizon in the time unit */
  horizon: number;
  /** yearly, as a fraction */
  discountRate: number;
  /** customers the purchase model was fitted on */
  fittedCustomers: number;
  /** the customer's history in the time unit: repeat purchases, recency, age; mean repeat spend */
  x: number;
  tx: number;
  T: number;
  monetary: number | null;
  pAlive: number;
  expectedPurchases: number;
  expectedSpend: number | null;
  clv: number | null;
}

/** Fits BG/NBD and Gamma-Gamma on the store as of `input.calibrationEnd`; no fit with too little history. */
export async function fitCustomerModel(
  unit: StoreUnit,
  input: CustomerModelInput,
): Promise<CustomerModelFit> {
  const notes: Message[] = [];
  let rows: CustomerRows;
  try {
    rows = (await loadCustomers({ calibrationEnd: input.calibrationEnd, timeUnit: input.timeUnit }, unit))
      .customers;
  } catch (error) {
    // no customer bought by the as-of day: nothing to fit, which the page says in a note
    if (error instanceof CvmError && error.code === 'invalid-input') rows = emptyRows();
    else throw error;
  }
  const repeat = rows.x.reduce((n, x) => (x > 0 ? n + 1 : n), 0);
  const tooLittle = (): CustomerModelFit => ({
    input,
    fit: null,
    notes: [
      msg('customer.model-too-little', {
        repeatCustomers: repeat,
        minimum: MIN_REPEAT_CUSTOMERS,
        asOf: input.calibrationEnd,
      }),
    ],
  });
  if (repeat < MIN_REPEAT_CUSTOMERS) return tooLittle();
  const kit = PURCHASE_KITS.bgnbd;
  const purchase = kit.fit(indexPatterns(rows).patterns);
  if (purchase === null) return tooLittle();
  if (!purchase.converged)
    notes.push(msg('model.not-converged', { model: kit.name, detail: purchase.message }));
  const spend = fitSpend(rows, 'store');
  if (spend === null) notes.push(msg('model.no-repeat-spend'));
  else if (!spend.converged)
    notes.push(msg('model.not-converged', { model: 'Gamma-Gamma', detail: spend.message }));
  const spendParams = spend === null ? null : (spend.params as unknown as GammaGammaParams);
  if (spendParams !== null && !(spendParams.q > 1))
    notes.push(msg('model.gamma-gamma-q', { q: spendParams.q }));
  return {
    input,
    fit: { purchaseParams: purchase.params, spendParams, customers: purchase.customers, rows },
    notes,
  };
}

function emptyRows(): CustomerRows {
  const none = new Float64Array(0);
  return { customerIds: [], x: none, tx: none, T: none, monetary: null };
}

/**
 * One customer's figures from a fit: null (with a note) when there is no fit or the customer made no
 * purchase by the calibration end.
 */
export function customerModel(
  fitted: CustomerModelFit,
  customerId: string,
): { model: CustomerModel | null; notes: Message[] } {
  const { input, fit } = fitted;
  if (fit === null) return { model: null, notes: fitted.notes };
  const i = fit.rows.customerIds.indexOf(customerId);
  if (i < 0)
    return {
      model: null,
      notes: [...fitted.notes, msg('customer.model-no-purchase', { customerId, asOf: input.calibrationEnd })],
    };
  const one = (a: Float64Array): Float64Array => a.subarray(i, i + 1);
  const rows: CustomerRows = {
    customerIds: [customerId],
    x: one(fit.rows.x),
    tx: one(fit.rows.tx),
    T: one(fit.rows.T),
    monetary: fit.rows.monetary === null ? null : one(fit.rows.monetary),
  };
  const perYear = unitsPerYear(input.timeUnit);
  const p = predictCustomers(rows, PURCHASE_KITS.bgnbd, fit.purchaseParams, fit.spendParams, {
    months: input.horizonMonths,
    unitsPerYear: perYear,
    discountRate: input.discountRate,
  });
  const finite = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);
  return {
    model: {
      model: 'bgnbd',
      name: PURCHASE_KITS.bgnbd.name,
      spendModel: fit.spendParams === null ? null : 'Gamma-Gamma',
      calibrationEnd: input.calibrationEnd,
      timeUnit: input.timeUnit,
      horizonMonths: input.horizonMonths,
      horizon: (input.horizonMonths / 12) * perYear,
      discountRate: input.discountRate,
      fittedCustomers: fit.customers,
      x: rows.x[0] as number,
      tx: rows.tx[0] as number,
      T: rows.T[0] as number,
      monetary: rows.monetary === null ? null : finite(rows.monetary[0]),
      pAlive: p.pAlive[0] as number,
      expectedPurchases: p.expectedPurchases[0] as number,
      expectedSpend: finite(p.expectedSpend[0]),
      clv: finite(p.clv[0]),
    },
    notes: fitted.notes,
  };
}
