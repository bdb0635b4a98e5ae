/**
 * Maximum-likelihood fitting of models whose parameters are all positive, shared by every model file.
 *
 * The decision a reader needs: the search runs on u = ln θ, so positivity needs no constraints, and u is
 * kept within ±LOG_BOUND (θ between about 1e-13 and 1e13): outside that box the objective is +Infinity. When
 * the data do not identify the model (all customers without repeat purchases, a single customer) the
 * likelihood keeps rising towards a limit, the search ends on that box, and the fit says so
 * (`converged: false`) instead of returning overflowing numbers. Standard errors come from the numeric
 * Hessian H of the negative log-likelihood in u, by the delta method: SE(θᵢ) = θᵢ √((H⁻¹)ᵢᵢ), which equals
 * the original-scale inverse Hessian at the optimum (where the gradient vanishes).
 */
import { gradientHessian, invertSymmetric, minimize, numericHessian } from '../math/optimize';
import type { ModelFit } from './summary';

const LOG_BOUND = 30;

/** What a model file supplies to `fitPositiveParameters`. */
export interface PositiveFitProblem<P extends { [K in keyof P]: number }> {
  model: string;
  /** parameter names in the order of the vectors below */
  names: readonly (keyof P & string)[];
  /** log-likelihood of the whole data set at θ (all entries > 0); may return a non-finite value */
  logLikelihood: (theta: number[]) => number;
  /**
   * The log-likelihood and its analytic gradient with respect to θ in one pass over the data, if available:
   * the search then runs BFGS on it (Nelder–Mead only as a fallback) and the Hessian comes from differences
   * of the gradient
   */
  valueAndGradient?: (theta: number[]) => { value: number; gradient: number[] };
  /** start points in θ (original scale); the first one is the main start */
  starts: readonly number[][];
  /** number of customers fitted (for the BIC) */
  customers: number;
  maxIterations?: number;
}

/**
 * Fits by maximum likelihood over positive parameters; every number in the result is finite.
 * @returns null when there are no customers or the likelihood is not finite at any point the search tried
 */
export function fitPositiveParameters<P extends { [K in keyof P]: number }>(
  problem: PositiveFitProblem<P>,
): ModelFit<P> | null {
  if (!(problem.customers > 0)) return null;
  const k = problem.names.length;
  const inBox = (u: number[]): boolean => u.every((ui) => Math.abs(ui) <= LOG_BOUND);
  const objective = (u: number[]): number => (inBox(u) ? -problem.logLikelihood(u.map(Math.exp)) : Infinity);
  const { valueAndGradient } = problem;
  // The gradient of the last point whose value was asked for: BFGS asks for the gradient where it has just
  // evaluated the objective, so each accepted step costs one pass over the data.
  let cached: { u: number[]; value: number; gradient: number[] } | null = null;
  const evaluate = (u: number[]): { value: number; gradient: number[] } => {
    if (cached !== null && cached.u.every((ui, i) => ui === u[i])) return cached;
    let value = Infinity;
    let gradient = u.map(() => Number.NaN);
    if (inBox(u) && valueAndGradient !== undefined) {
      const theta = u.map(Math.exp);
      const r = valueAndGradient(theta);
      value = -r.value;
      gradient = r.gradient.map((g, i) => -g * (theta[i] as number));
    }
    cached = { u: u.slice(), value, gradient };
    return cached;
  };
  const objectiveOf = valueAndGradient === undefined ? objective : (u: number[]) => evaluate(u).value;
  const objectiveGradient =
    valueAndGradient === undefined ? undefined : (u: number[]) => evaluate(u).gradient;
  const [first, ...rest] = problem.starts.map((s) => s.map(Math.log));
  const result = minimize(objectiveOf, objectiveGradient, first ?? new Array<number>(k).fill(0), {
    starts: rest,
    maxIterations: problem.maxIterations,
  });
  const theta = result.x.map(Math.exp);
  const atBound = result.x.some((ui) => Math.abs(ui) > LOG_BOUND - 1);
  if (!Number.isFinite(result.fx) || !theta.every(Number.isFinite)) return null;
  const hessian =
    objectiveGradient === undefined
      ? numericHessian(objective, result.x)
      : gradientHessian(objectiveGradient, result.x);
  const inverse = !atBound ? invertSymmetric(hessian) : null;
  // Only a positive definite Hessian marks a strict maximum: a negative or non-finite variance means the
  // search stopped on a flat ridge (a gradient search can stop there with a tiny gradient), not at a peak.
  const covariance =
    inverse !== null &&
    inverse.every((row, i) => {
      const v = row[i] as number;
      return v > 0 && Number.isFinite(v);
    })
      ? inverse
      : null;
  const params = {} as Record<string, number>;
  const standardErrors = {} as Record<string, number | null>;
  problem.names.forEach((name, i) => {
    params[name] = theta[i] as number;
    const variance = covariance?.[i]?.[i];
    standardErrors[name] =
      variance !== undefined && variance > 0 && Number.isFinite(variance)
        ? (theta[i] as number) * Math.sqrt(variance)
        : null;
  });
  const logLikelihood = -result.fx;
  let message = result.message;
  if (atBound)
    message = `${problem.model}: a parameter ran to the edge of the search box (the data do not identify the model); ${message}`;
  else if (covariance === null)
    message = `${problem.model}: no standard errors, the Hessian is not positive definite (the data do not identify every parameter); ${message}`;
  return {
    model: problem.model,
    params: params as P,
    standardErrors: standardErrors,
    logLikelihood,
    aic: 2 * k - 2 * logLikelihood,
    bic: k * Math.log(problem.customers) - 2 * logLikelihood,
    // A point where the Hessian is singular is no strict maximum: the likelihood is flat along some direction.
    converged: result.converged && !atBound && covariance !== null,
    iterations: result.iterations,
    customers: problem.customers,
    message,
  };
}
