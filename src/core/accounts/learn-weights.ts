/**
 * Estimates factor weights from observed renewals (Ryals & Knox 2007, conclusions: "explore whether some
 * factors were more important than others"): an L2-regularised logistic regression of renewed on the nine
 * factor probabilities, fitted by Newton's method (IRLS), compared with the scorecard as it stands by k-fold
 * cross-validation (AUC, Brier score and log loss on held-out accounts).
 *
 * Features are standardised before fitting so one λ suits every factor; coefficients are reported on the
 * probability scale (log-odds per 1.00 of factor probability). Proposed weights are the positive
 * coefficients rescaled to average 1 (the paper's plain average has all weights 1); a factor whose
 * coefficient is not positive gets weight 0.
 */
import { createRandom } from '../random';
import { auc, brierScore, logLoss } from './backtest';
import { retentionProbability } from './probability';
import type { Scorecard } from './scorecard';
import { msg, type Message } from '../messages/catalogue';

/** Fewer outcomes than this give no estimate. */
export const MIN_OUTCOMES = 30;

/** A fitted logistic model: P(y) = 1 / (1 + e^−(intercept + Σ coefficientsⱼ·xⱼ)). */
export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  iterations: number;
  converged: boolean;
}

/** Solves the symmetric positive-definite system A·x = b in place (Cholesky); A is n×n row-major. */
function solveSpd(a: Float64Array, b: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j] as number;
    for (let k = 0; k < j; k++) d -= (a[j * n + k] as number) ** 2;
    const l = Math.sqrt(Math.max(d, 1e-300));
    a[j * n + j] = l;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (a[i * n + k] as number) * (a[j * n + k] as number);
      a[i * n + j] = s / l;
    }
  }
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (a[i * n + k] as number) * (b[k] as number);
    b[i] = s / (a[i * n + i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i] as number;
    for (let k = i + 1; k < n; k++) s -= (a[k * n + i] as number) * (b[k] as number);
    b[i] = s / (a[i * n + i] as number);
  }
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Logistic regression maximising Σ log-likelihood − λ/2·Σ βⱼ² (the intercept is not penalised) by Newton
 * steps, halved while the objective does not improve; stops when no parameter moves by 1e-10.
 */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly boolean[],
  lambda: number,
): LogisticFit {
  const k = x[0]?.length ?? 0;
  const n = k + 1;
  const beta = new Float64Array(n);
  const objective = (b: Float64Array): number => {
    let ll = 0;
    x.forEach((row, i) => {
      let z = b[0] as number;
      for (let j = 0; j < k; j++) z += (b[j + 1] as number) * (row[j] as number);
      ll += y[i] ? -Math.log1p(Math.exp(-z)) : -Math.log1p(Math.exp(z));
    });
    for (let j = 1; j < n; j++) ll -= (lambda / 2) * (b[j] as number) ** 2;
    return ll;
  };
  let current = objective(beta);
  for (let iteration = 1; iteration <= 100; iteration++) {
    const h = new Float64Array(n * n);
    const g = new Float64Array(n);
    x.forEach((row, i) => {
      let z = beta[0] as number;
      for (let j = 0; j < k; j++) z += (beta[j + 1] as number) * (row[j] as number);
      const mu = sigmoid(z);
      const w = mu * (1 - mu);
      const r = (y[i] ? 1 : 0) - mu;
      for (let a = 0; a < n; a++) {
        const xa = a === 0 ? 1 : (row[a - 1] as number);
        g[a] = (g[a] as number) + xa * r;
        for (let c = 0; c <= a; c++)
          h[a * n + c] = (h[a * n + c] as number) + w * xa * (c === 0 ? 1 : (row[c - 1] as number));
      }
    });
    for (let a = 1; a < n; a++) {
      g[a] = (g[a] as number) - lambda * (beta[a] as number);
      h[a * n + a] = (h[a * n + a] as number) + lambda;
    }
    for (let a = 0; a < n; a++) for (let c = a + 1; c < n; c++) h[a * n + c] = h[c * n + a] as number;
    solveSpd(h, g, n);
    let scale = 1;
    let next = beta.map((b, j) => b + (g[j] as number));
    let value = objective(next);
    while (value < current - 1e-12 && scale > 1e-6) {
      scale /= 2;
      next = beta.map((b, j) => b + scale * (g[j] as number));
      value = objective(next);
    }
    const moved = Math.max(...next.map((b, j) => Math.abs(b - (beta[j] as number))));
    beta.set(next);
    current = value;
    if (moved < 1e-10)
      return {
        intercept: beta[0] as number,
        coefficients: [...beta.subarray(1)],
        iterations: iteration,
        converged: true,
      };
  }
  return {
    intercept: beta[0] as number,
    coefficients: [...beta.subarray(1)],
    iterations: 100,
    converged: false,
  };
}

/** An assessment with its renewal outcome. */
export interface LabelledAssessment {
  values: Readonly<Record<string, number | null | undefined>>;
  renewed: boolean;
}

/** Held-out accuracy of a set of predictions. */
export interface HeldOutFigures {
  auc: number | null;
  brier: number | null;
  logLoss: number | null;
}

/** The estimate, or why there is none. */
export type LearnedWeights =
  | { enough: false; reason: Message }
  | {
      enough: true;
      n: number;
      renewed: number;
      lambda: number;
      intercept: number;
      /** weight null for every factor when no coefficient is positive (no usable proposal) */
      factors: { factorId: string; coefficient: number; weight: number | null }[];
      /** false when Newton's method did not settle within 100 steps (the figures are the last step's) */
      converged: boolean;
      /** k-fold cross-validation: the regression vs the scorecard as given, on the same held-out accounts */
      heldOut: { folds: number; model: HeldOutFigures; scorecard: HeldOutFigures };
    };

function standardise(rows: readonly number[][]): { z: number[][]; mean: number[]; sd: number[] } {
  const k = rows[0]?.length ?? 0;
  const mean = Array.from(
    { length: k },
    (_, j) => rows.reduce((s, r) => s + (r[j] as number), 0) / rows.length,
  );
  const sd = mean.map((m, j) =>
    Math.sqrt(rows.reduce((s, r) => s + ((r[j] as number) - m) ** 2, 0) / rows.length),
  );
  const z = rows.map((r) =>
    r.map((v, j) => ((sd[j] as number) > 0 ? (v - (mean[j] as number)) / (sd[j] as number) : 0)),
  );
  return { z, mean, sd };
}

/** Fits on standardised features and maps the coefficients back to the probability scale. */
function fitOnScale(rows: readonly number[][], y: readonly boolean[], lambda: number) {
  const { z, mean, sd } = standardise(rows);
  const fit = fitLogistic(z, y, lambda);
  const coefficients = fit.coefficients.map((b, j) => ((sd[j] as number) > 0 ? b / (sd[j] as number) : 0));
  const intercept = fit.intercept - coefficients.reduce((s, c, j) => s + c * (mean[j] as number), 0);
  return { intercept, coefficients, converged: fit.converged };
}

/**
 * Learns factor weights from labelled assessments and cross-validates them against the scorecard.
 * @param options lambda (L2 strength on standardised features, default 1), folds (default 5), seed (fold shuffle)
 * @returns `{ enough: false, reason }` with fewer than 30 outcomes or when every account renewed (or none did)
 * @throws CvmError('invalid-input') for a missing or out-of-domain factor value
 */
export function learnWeights(
  def: Scorecard,
  rows: readonly LabelledAssessment[],
  options: { lambda?: number; folds?: number; seed?: number } = {},
): LearnedWeights {
  const n = rows.length;
  const renewed = rows.filter((r) => r.renewed).length;
  if (n < MIN_OUTCOMES)
    return { enough: false, reason: msg('weights.too-few', { n, minimum: MIN_OUTCOMES }) };
  if (renewed === 0 || renewed === n)
    return {
      enough: false,
      reason: msg('weights.one-sided', { n, renewed: renewed !== 0 }),
    };
  const lambda = options.lambda ?? 1;
  const folds = Math.min(options.folds ?? 5, n);
  const scored = rows.map((r, i) =>
    retentionProbability(def, r.values, msg('scorecard.where-outcome', { outcome: i + 1 })),
  );
  const features = scored.map((s) => s.factors.map((f) => f.probability));
  const y = rows.map((r) => r.renewed);
  // folds by a seeded shuffle, so the same data always gives the same comparison
  const rng = createRandom(options.seed ?? 1, 'folds');
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const fold = new Array<number>(n);
  order.forEach((row, position) => (fold[row] = position % folds));
  const model = new Array<number>(n);
  for (let f = 0; f < folds; f++) {
    const train = order.filter((i) => fold[i] !== f);
    const fit = fitOnScale(
      train.map((i) => features[i] as number[]),
      train.map((i) => y[i] as boolean),
      lambda,
    );
    for (let i = 0; i < n; i++)
      if (fold[i] === f)
        model[i] = sigmoid(
          fit.intercept +
            (features[i] as number[]).reduce((s, v, j) => s + v * (fit.coefficients[j] as number), 0),
        );
  }
  const scorecard = scored.map((s) => s.probability);
  const figures = (p: number[]): HeldOutFigures => ({
    auc: auc(p, y),
    brier: brierScore(p, y),
    logLoss: logLoss(p, y),
  });
  const full = fitOnScale(features, y, lambda);
  const positive = full.coefficients.map((c) => Math.max(0, c));
  const total = positive.reduce((s, c) => s + c, 0);
  return {
    enough: true,
    n,
    renewed,
    lambda,
    intercept: full.intercept,
    factors: def.factors.map((f, j) => ({
      factorId: f.id,
      coefficient: full.coefficients[j] as number,
      weight: total > 0 ? ((positive[j] as number) * positive.length) / total : null,
    })),
    converged: full.converged,
    heldOut: { folds, model: figures(model), scorecard: figures(scorecard) },
  };
}
