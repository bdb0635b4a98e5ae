/**
 * Unconstrained minimisation for maximum-likelihood fits: Nelder–Mead (derivative-free, robust far from the
 * optimum), BFGS (fast and precise near it, with an analytic or a central-difference gradient), and
 * `minimize`, which runs Nelder–Mead then polishes with BFGS from one or several starts and keeps the best.
 * Also the numeric Hessian and the symmetric-matrix inverse that standard errors need.
 *
 * The decision a reader needs: a non-finite objective value (NaN, ±Infinity) counts as +Infinity, so a
 * likelihood that breaks down in part of the parameter space only repels the search and a NaN never reaches
 * a result. Outcomes such as "did not converge" are values (`converged`, `message`), never exceptions.
 * Written in-house because no maintained npm optimiser offers these pieces with deterministic results.
 */

/** Options shared by the minimisers. */
export interface MinimizeOptions {
  /** iteration cap per method and start (default 200 × dimension for Nelder–Mead, 200 for BFGS) */
  maxIterations?: number;
  /** relative tolerance on the objective (default 1e-10) */
  tolerance?: number;
  /** extra start points for `minimize`, tried after x0 */
  starts?: number[][];
  /** `minimize` with a gradient: try every start even after one converged (default false) */
  allStarts?: boolean;
}

/** Outcome of a minimisation; `fx` is +Infinity (never NaN) when no finite value was found. */
export interface MinimizeResult {
  x: number[];
  fx: number;
  iterations: number;
  converged: boolean;
  message: string;
}

const DEFAULT_TOLERANCE = 1e-10;

/** f with every non-finite value mapped to +Infinity. */
function guard(f: (x: number[]) => number): (x: number[]) => number {
  return (x) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
}

/**
 * Nelder–Mead simplex search with the dimension-adaptive coefficients of Gao & Han (2012), "Implementing the
 * Nelder–Mead simplex algorithm with adaptive parameters". Converged when the simplex's values agree to
 * `tolerance` (relative) and its vertices to √tolerance (relative).
 */
export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const fn = guard(f);
  const n = x0.length;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? 200 * Math.max(n, 1);
  if (n === 0) return { x: [], fx: fn([]), iterations: 0, converged: true, message: 'no parameters' };
  const reflect = 1;
  const expand = 1 + 2 / n;
  const contract = 0.75 - 1 / (2 * n);
  const shrink = n > 1 ? 1 - 1 / n : 0.5;

  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const v = x0.slice();
    const xi = v[i] as number;
    v[i] = xi + (xi !== 0 ? 0.1 * Math.abs(xi) + 0.05 : 0.1);
    simplex.push(v);
  }
  let values = simplex.map(fn);
  const order = (): void => {
    const idx = values.map((_, i) => i).sort((p, q) => (values[p] as number) - (values[q] as number));
    const s = idx.map((i) => simplex[i] as number[]);
    values = idx.map((i) => values[i] as number);
    for (let i = 0; i <= n; i++) simplex[i] = s[i] as number[];
  };
  const combine = (c: number[], w: number[], t: number): number[] =>
    c.map((ci, j) => ci + t * ((w[j] as number) - ci));

  order();
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    const best = values[0] as number;
    const worst = values[n] as number;
    if (best === Infinity) break;
    const xb = simplex[0] as number[];
    let spread = 0;
    for (let i = 1; i <= n; i++) {
      const v = simplex[i] as number[];
      for (let j = 0; j < n; j++)
        spread = Math.max(
          spread,
          Math.abs((v[j] as number) - (xb[j] as number)) / (1 + Math.abs(xb[j] as number)),
        );
    }
    if (worst - best <= tolerance * (1 + Math.abs(best)) && spread <= Math.sqrt(tolerance)) {
      converged = true;
      break;
    }
    iterations++;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      const v = simplex[i] as number[];
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (v[j] as number) / n;
    }
    const xw = simplex[n] as number[];
    const xr = combine(centroid, xw, -reflect);
    const fr = fn(xr);
    const secondWorst = values[n - 1] as number;
    if (fr < best) {
      const xe = combine(centroid, xw, -reflect * expand);
      const fe = fn(xe);
      if (fe < fr) replaceWorst(xe, fe);
      else replaceWorst(xr, fr);
    } else if (fr < secondWorst) {
      replaceWorst(xr, fr);
    } else {
      const outside = fr < worst;
      const xc = outside ? combine(centroid, xw, -reflect * contract) : combine(centroid, xw, contract);
      const fc = fn(xc);
      if (fc < (outside ? fr : worst)) replaceWorst(xc, fc);
      else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = combine(xb, simplex[i] as number[], shrink);
          values[i] = fn(simplex[i] as number[]);
        }
      }
    }
    order();
  }

  function replaceWorst(x: number[], fx: number): void {
    simplex[n] = x;
    values[n] = fx;
  }

  const fx = values[0] as number;
  let message: string;
  if (fx === Infinity) message = 'Nelder–Mead: the objective is not finite at any point tried';
  else if (converged) message = `Nelder–Mead converged after ${iterations} iterations`;
  else message = `Nelder–Mead stopped at the iteration limit (${maxIterations}) before converging`;
  return {
    x: (simplex[0] as number[]).slice(),
    fx,
    iterations,
    converged: converged && fx < Infinity,
    message,
  };
}

/**
 * Central-difference gradient of `fn` (already guarded) at x with value fx, step ∛ε · max(|xᵢ|, 1); falls back
 * to a one-sided difference where one neighbour is not finite, and 0 where neither is.
 */
export function numericGradient(f: (x: number[]) => number, x: number[], fx?: number): number[] {
  const fn = guard(f);
  const f0 = fx ?? fn(x);
  return x.map((xi, i) => {
    const h = 6.055454e-6 * Math.max(Math.abs(xi), 1);
    const p = x.slice();
    p[i] = xi + h;
    const m = x.slice();
    m[i] = xi - h;
    const fp = fn(p);
    const fm = fn(m);
    if (fp < Infinity && fm < Infinity) return (fp - fm) / (2 * h);
    if (fp < Infinity && f0 < Infinity) return (fp - f0) / h;
    if (fm < Infinity && f0 < Infinity) return (f0 - fm) / h;
    return 0;
  });
}

const dot = (u: number[], v: number[]): number => u.reduce((s, ui, i) => s + ui * (v[i] as number), 0);
const normInf = (u: number[]): number => u.reduce((s, ui) => Math.max(s, Math.abs(ui)), 0);

/**
 * BFGS quasi-Newton minimisation with a backtracking (Armijo) line search (Nocedal & Wright, "Numerical
 * Optimization", 2nd ed., algorithm 6.1). `grad` may be undefined: a central-difference gradient is used, and
 * also wherever `grad` returns a non-finite component. Converged when the largest gradient component is at
 * most 100 · tolerance · (1 + |f|), or when neither x nor f can change any more.
 */
export function bfgs(
  f: (x: number[]) => number,
  grad: ((x: number[]) => number[]) | undefined,
  x0: number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const fn = guard(f);
  const n = x0.length;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? 200;
  const gradient = (x: number[], fx: number): number[] => {
    if (grad) {
      const g = grad(x);
      if (g.length === n && g.every(Number.isFinite)) return g;
    }
    return numericGradient(fn, x, fx);
  };
  let x = x0.slice();
  let fx = fn(x);
  if (fx === Infinity)
    return {
      x,
      fx,
      iterations: 0,
      converged: false,
      message: 'BFGS: the objective is not finite at the start',
    };
  let g = gradient(x, fx);
  // Inverse Hessian approximation, identity until the first curvature pair rescales it.
  let H = identity(n);
  let iterations = 0;
  let message: string;
  let converged = false;
  let firstUpdate = true;
  while (true) {
    if (normInf(g) <= 100 * tolerance * (1 + Math.abs(fx))) {
      converged = true;
      message = `BFGS converged after ${iterations} iterations (gradient below tolerance)`;
      break;
    }
    if (iterations >= maxIterations) {
      message = `BFGS stopped at the iteration limit (${maxIterations}) before converging`;
      break;
    }
    iterations++;
    let d = H.map((row) => -dot(row, g));
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (the approximation lost positive-definiteness): restart from steepest descent.
      H = identity(n);
      d = g.map((gi) => -gi);
      slope = dot(g, d);
    }
    // Keep the first trial step within one unit per coordinate so an early step cannot jump far away.
    const dMax = normInf(d);
    let step = dMax > 1 && firstUpdate ? 1 / dMax : 1;
    let xNew = x;
    let fNew = Infinity;
    for (let k = 0; k < 60; k++) {
      xNew = x.map((xi, i) => xi + step * (d[i] as number));
      fNew = fn(xNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew <= fx)) {
      // The line search found no decrease: at machine precision the point is as good as it gets.
      converged = normInf(g) <= 1e-3 * (1 + Math.abs(fx));
      message = converged
        ? `BFGS converged after ${iterations} iterations (no further decrease possible)`
        : `BFGS line search failed after ${iterations} iterations with gradient ${normInf(g).toExponential(2)}`;
      break;
    }
    const s = xNew.map((xi, i) => xi - (x[i] as number));
    const gNew = gradient(xNew, fNew);
    const y = gNew.map((gi, i) => gi - (g[i] as number));
    const fChange = fx - fNew;
    x = xNew;
    fx = fNew;
    g = gNew;
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (firstUpdate) {
        H = identity(n).map((row) => row.map((v) => (v * sy) / dot(y, y)));
        firstUpdate = false;
      }
      H = bfgsUpdate(H, s, y, sy);
    }
    if (normInf(s) <= 1e-14 * (1 + normInf(x)) && fChange <= 1e-15 * (1 + Math.abs(fx))) {
      converged = normInf(g) <= 1e-3 * (1 + Math.abs(fx));
      message = converged
        ? `BFGS converged after ${iterations} iterations (no further progress possible)`
        : `BFGS stalled after ${iterations} iterations with gradient ${normInf(g).toExponential(2)}`;
      break;
    }
  }
  return { x, fx, iterations, converged, message };
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / (yᵀs). */
function bfgsUpdate(H: number[][], s: number[], y: number[], sy: number): number[][] {
  const rho = 1 / sy;
  const Hy = H.map((row) => dot(row, y));
  const yHy = dot(y, Hy);
  return H.map((row, i) =>
    row.map(
      (hij, j) =>
        hij +
        (1 + rho * yHy) * rho * (s[i] as number) * (s[j] as number) -
        rho * ((Hy[i] as number) * (s[j] as number) + (s[i] as number) * (Hy[j] as number)),
    ),
  );
}

/**
 * Minimises from x0 and then from each of `options.starts`, and returns the result with the lowest objective.
 * Without an analytic gradient each start runs Nelder–Mead followed by a BFGS polish. With one, each start
 * runs BFGS alone and falls back to Nelder–Mead plus a polish only when BFGS does not converge; once a start
 * has converged the remaining starts are skipped (`options.allStarts` tries them all). `iterations` sums all
 * runs; `converged` and `message` are those of the best run.
 */
export function minimize(
  f: (x: number[]) => number,
  grad: ((x: number[]) => number[]) | undefined,
  x0: number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const starts = [x0, ...(options.starts ?? [])];
  let best: MinimizeResult | null = null;
  let iterations = 0;
  for (const [index, start] of starts.entries()) {
    const label = starts.length > 1 ? `start ${index + 1} of ${starts.length}: ` : '';
    let run: MinimizeResult;
    let message: string;
    const direct = grad !== undefined ? bfgs(f, grad, start, options) : null;
    if (direct !== null) iterations += direct.iterations;
    if (direct?.converged) {
      run = direct;
      message = `${label}${direct.message}`;
    } else {
      const simplex = nelderMead(f, direct !== null && direct.fx < Infinity ? direct.x : start, options);
      const polished = simplex.fx < Infinity ? bfgs(f, grad, simplex.x, options) : null;
      iterations += simplex.iterations + (polished?.iterations ?? 0);
      run = polished !== null && polished.fx <= simplex.fx ? polished : simplex;
      const first = direct === null ? '' : `${direct.message}; then `;
      message = `${label}${first}${simplex.message}; ${polished?.message ?? 'no polish'}`;
    }
    if (best === null || run.fx < best.fx) best = { ...run, message };
    if (grad !== undefined && best.converged && !options.allStarts) break;
  }
  return best === null
    ? { x: x0.slice(), fx: Infinity, iterations, converged: false, message: 'no start point' }
    : { ...best, iterations };
}

/**
 * Hessian of f at x by central differences of its gradient, step ε^⅓ · max(|xᵢ|, 1), symmetrised: 2n
 * gradient evaluations instead of the 2n² values of `numericHessian`. NaN entries where the gradient is not
 * finite on the stencil (then `invertSymmetric` returns null).
 */
export function gradientHessian(grad: (x: number[]) => number[], x: number[]): number[][] {
  const n = x.length;
  const columns: number[][] = [];
  for (let j = 0; j < n; j++) {
    const h = 6.055454e-6 * Math.max(Math.abs(x[j] as number), 1);
    const p = x.slice();
    p[j] = (x[j] as number) + h;
    const m = x.slice();
    m[j] = (x[j] as number) - h;
    const gp = grad(p);
    const gm = grad(m);
    columns.push(
      Array.from({ length: n }, (_, i) => {
        const v = ((gp[i] as number) - (gm[i] as number)) / (2 * h);
        return Number.isFinite(v) ? v : Number.NaN;
      }),
    );
  }
  return identity(n).map((row, i) =>
    row.map(
      (_, j) => (((columns[j] as number[])[i] as number) + ((columns[i] as number[])[j] as number)) / 2,
    ),
  );
}

/**
 * Hessian of f at x by central differences, step ε^¼ · max(|xᵢ|, 1). An entry is NaN when f is not finite
 * somewhere on its stencil (then `invertSymmetric` returns null), so a broken Hessian cannot pass as valid.
 */
export function numericHessian(f: (x: number[]) => number, x: number[]): number[][] {
  const n = x.length;
  const h = x.map((xi) => 1.220703e-4 * Math.max(Math.abs(xi), 1));
  const at = (di: number, i: number, dj: number, j: number): number => {
    const p = x.slice();
    p[i] = (p[i] as number) + di * (h[i] as number);
    p[j] = (p[j] as number) + dj * (h[j] as number);
    const v = f(p);
    return Number.isFinite(v) ? v : Number.NaN;
  };
  const f0 = f(x);
  const center = Number.isFinite(f0) ? f0 : Number.NaN;
  const H = identity(n).map((row) => row.map(() => 0));
  for (let i = 0; i < n; i++) {
    const hi = h[i] as number;
    (H[i] as number[])[i] = (at(1, i, 0, i) - 2 * center + at(-1, i, 0, i)) / (hi * hi);
    for (let j = i + 1; j < n; j++) {
      const v =
        (at(1, i, 1, j) - at(1, i, -1, j) - at(-1, i, 1, j) + at(-1, i, -1, j)) / (4 * hi * (h[j] as number));
      (H[i] as number[])[j] = v;
      (H[j] as number[])[i] = v;
    }
  }
  return H;
}

/**
 * Inverse of a symmetric matrix by Gauss–Jordan elimination with partial pivoting, symmetrised; null when
 * the matrix is not square, has a non-finite entry, or is singular to working precision.
 */
export function invertSymmetric(m: number[][]): number[][] | null {
  const n = m.length;
  if (m.some((row) => row.length !== n || !row.every(Number.isFinite))) return null;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  const scale = m.reduce((s, row) => Math.max(s, normInf(row)), 0);
  if (scale === 0) return n === 0 ? [] : null;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs((a[r] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number))
        pivot = r;
    const p = (a[pivot] as number[])[col] as number;
    if (Math.abs(p) <= 1e-13 * scale) return null;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const rowC = (a[col] as number[]).map((v) => v / p);
    a[col] = rowC;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = a[r] as number[];
      const factor = row[col] as number;
      if (factor !== 0) a[r] = row.map((v, j) => v - factor * (rowC[j] as number));
    }
  }
  const inv = a.map((row) => row.slice(n));
  const result = inv.map((row, i) => row.map((v, j) => (v + ((inv[j] as number[])[i] as number)) / 2));
  return result.every((row) => row.every(Number.isFinite)) ? result : null;
}
