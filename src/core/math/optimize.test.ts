import { describe, expect, it } from 'vitest';
import { bfgs, gradientHessian, invertSymmetric, minimize, nelderMead, numericHessian } from './optimize';

const rosenbrock = ([x = 0, y = 0]: number[]): number => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
const rosenbrockGradient = ([x = 0, y = 0]: number[]): number[] => [
  -400 * x * (y - x * x) - 2 * (1 - x),
  200 * (y - x * x),
];
const himmelblau = ([x = 0, y = 0]: number[]): number => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2;
// A quadratic with minimum 7 at (1, −2, 3) and a non-diagonal, positive-definite Hessian 2A.
const A = [
  [4, 1, 0],
  [1, 3, 0.5],
  [0, 0.5, 2],
];
const center = [1, -2, 3];
const quadratic = (v: number[]): number => {
  const d = v.map((vi, i) => vi - (center[i] as number));
  return 7 + d.reduce((s, di, i) => s + di * A[i]!.reduce((t, aij, j) => t + aij * d[j]!, 0), 0);
};

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock valley', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
    expect(r.fx).toBeLessThan(1e-8);
  });

  it('reports non-convergence at a tiny iteration cap', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 3 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(3);
    expect(r.message).toMatch(/iteration limit \(3\)/);
    expect(Number.isFinite(r.fx)).toBe(true);
  });

  it('reports a start where the objective is nowhere finite without NaN', () => {
    const r = nelderMead(() => Number.NaN, [0, 0]);
    expect(r.converged).toBe(false);
    expect(r.fx).toBe(Infinity);
    expect(r.message).toMatch(/not finite/);
  });
});

describe('bfgs', () => {
  it('finds the Rosenbrock minimum with and without an analytic gradient', () => {
    for (const grad of [rosenbrockGradient, undefined]) {
      const r = bfgs(rosenbrock, grad, [-1.2, 1]);
      expect(r.converged).toBe(true);
      expect(r.x[0]).toBeCloseTo(1, 6);
      expect(r.x[1]).toBeCloseTo(1, 6);
    }
  });

  it('finds a quadratic’s known minimum to high precision', () => {
    const r = bfgs(quadratic, undefined, [0, 0, 0]);
    expect(r.converged).toBe(true);
    r.x.forEach((xi, i) => expect(xi).toBeCloseTo(center[i]!, 7));
    expect(r.fx).toBeCloseTo(7, 12);
  });

  it('reports non-convergence at a tiny iteration cap', () => {
    const r = bfgs(rosenbrock, undefined, [-1.2, 1], { maxIterations: 2 });
    expect(r.converged).toBe(false);
    expect(r.message).toMatch(/iteration limit \(2\)/);
  });

  it('refuses a start where the objective is not finite', () => {
    const r = bfgs(() => Infinity, undefined, [1]);
    expect(r).toMatchObject({ converged: false, fx: Infinity, iterations: 0 });
  });
});

describe('minimize', () => {
  it('finds one of Himmelblau’s four minima from each start and keeps the best', () => {
    const minima = [
      [3, 2],
      [-2.805118, 3.131312],
      [-3.77931, -3.283186],
      [3.584428, -1.848126],
    ];
    for (const start of [
      [0, 0],
      [-3, 3],
      [-3, -3],
      [4, -2],
    ]) {
      const r = minimize(himmelblau, undefined, start);
      expect(r.converged).toBe(true);
      expect(r.fx).toBeLessThan(1e-12);
      const nearest = Math.min(...minima.map(([a = 0, b = 0]) => Math.hypot(r.x[0]! - a, r.x[1]! - b)));
      expect(nearest).toBeLessThan(1e-5);
    }
    const best = minimize(quadratic, undefined, [50, 50, 50], { starts: [[1, -2, 3.5]] });
    expect(best.fx).toBeCloseTo(7, 10);
    expect(best.message).toMatch(/^start \d of 2/);
  });

  it('treats NaN as +Infinity: a function undefined on part of the domain never yields NaN', () => {
    // ln-barrier: NaN for x ≤ 0 (Math.log of a negative number), minimum at x = 1, y = 2.
    const f = ([x = 0, y = 0]: number[]): number => x - Math.log(x) + (y - 2) ** 2;
    const r = minimize(f, undefined, [3, 0]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(2, 6);
    // Starting where the function is NaN on one side of the first simplex still works.
    const g = ([x = 0]: number[]): number => (x < 0.5 ? Number.NaN : (x - 0.6) ** 2);
    const s = minimize(g, undefined, [0.55]);
    expect(s.x[0]).toBeCloseTo(0.6, 6);
    expect(Number.isNaN(s.fx)).toBe(false);
  });

  it('reports non-convergence with a message', () => {
    const r = minimize(rosenbrock, undefined, [-1.2, 1], { maxIterations: 2 });
    expect(r.converged).toBe(false);
    expect(r.message).toMatch(/iteration limit/);
  });
});

describe('minimize with an analytic gradient', () => {
  // f = Σ κ^(i/(n−1)) (xᵢ − i − 1)², condition number κ = 1e6, minimum 0 at (1, 2, …, n)
  const n = 6;
  const kappa = 1e6;
  const weights = Array.from({ length: n }, (_, i) => kappa ** (i / (n - 1)));
  const illQuadratic = (v: number[]): number =>
    v.reduce((s, vi, i) => s + weights[i]! * (vi - i - 1) ** 2, 0);
  const illGradient = (v: number[]): number[] => v.map((vi, i) => 2 * weights[i]! * (vi - i - 1));

  it('solves an ill-conditioned quadratic (condition 1e6) by BFGS alone', () => {
    const r = minimize(illQuadratic, illGradient, new Array<number>(n).fill(0));
    expect(r.converged).toBe(true);
    expect(r.message).toMatch(/^BFGS converged/);
    r.x.forEach((xi, i) => expect(xi).toBeCloseTo(i + 1, 6));
    expect(r.fx).toBeLessThan(1e-10);
  });

  it('finds the Rosenbrock minimum by BFGS with the gradient in fewer iterations than Nelder–Mead', () => {
    const withGradient = minimize(rosenbrock, rosenbrockGradient, [-1.2, 1]);
    const without = minimize(rosenbrock, undefined, [-1.2, 1]);
    expect(withGradient.converged).toBe(true);
    expect(withGradient.x[0]).toBeCloseTo(1, 6);
    expect(withGradient.x[1]).toBeCloseTo(1, 6);
    expect(withGradient.iterations).toBeLessThan(without.iterations / 2);
  });

  it('skips further starts once one converged, unless told to try them all', () => {
    const gradient = ([x = 0, y = 0]: number[]): number[] => [
      4 * x * (x * x + y - 11) + 2 * (x + y * y - 7),
      2 * (x * x + y - 11) + 4 * y * (x + y * y - 7),
    ];
    const first = minimize(himmelblau, gradient, [0, 0], { starts: [[-3, 3]] });
    expect(first.converged).toBe(true);
    expect(first.message).toMatch(/^start 1 of 2/);
    const all = minimize(himmelblau, gradient, [0, 0], { starts: [[-3, 3]], allStarts: true });
    expect(all.fx).toBeLessThan(1e-12);
    expect(all.iterations).toBeGreaterThan(first.iterations);
  });

  it('keeps to a box where the objective is +Infinity outside, ending at the edge nearest the minimum', () => {
    // minimum of (x − 3)² + (y + 1)² is outside the box |x|, |y| ≤ 2: the best point in it is (2, −1)
    const f = ([x = 0, y = 0]: number[]): number =>
      Math.abs(x) <= 2 && Math.abs(y) <= 2 ? (x - 3) ** 2 + (y + 1) ** 2 : Infinity;
    const g = ([x = 0, y = 0]: number[]): number[] => [2 * (x - 3), 2 * (y + 1)];
    const r = minimize(f, g, [0, 0]);
    expect(Number.isFinite(r.fx)).toBe(true);
    expect(r.x[0]).toBeLessThanOrEqual(2);
    expect(r.x[0]).toBeCloseTo(2, 4);
    expect(r.x[1]).toBeCloseTo(-1, 4);
    expect(r.fx).toBeCloseTo(1, 4);
  });

  it('falls back to Nelder–Mead when BFGS cannot converge, and says so', () => {
    // a wrong gradient (the sign flipped) sends every BFGS line search uphill
    const wrong = (v: number[]): number[] => rosenbrockGradient(v).map((g) => -g);
    const r = minimize(rosenbrock, wrong, [-1.2, 1]);
    expect(r.message).toMatch(/BFGS .*then Nelder–Mead/);
    expect(r.x[0]).toBeCloseTo(1, 3);
    const capped = minimize(rosenbrock, rosenbrockGradient, [-1.2, 1], { maxIterations: 2 });
    expect(capped.converged).toBe(false);
    expect(capped.message).toMatch(/iteration limit \(2\)/);
    expect(Number.isFinite(capped.fx)).toBe(true);
  });

  it('gives the Hessian from differences of the gradient: 2A for the quadratic, in 2n gradient calls', () => {
    let calls = 0;
    const gradient = (v: number[]): number[] => {
      calls++;
      const d = v.map((vi, i) => vi - center[i]!);
      return A.map((row) => 2 * row.reduce((s, aij, j) => s + aij * d[j]!, 0));
    };
    const H = gradientHessian(gradient, [0.3, 0.1, -0.4]);
    H.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(2 * A[i]![j]!, 7)));
    expect(calls).toBe(6);
    expect(invertSymmetric(gradientHessian(() => [Number.NaN, 0, 0], [0, 0, 0]))).toBeNull();
  });
});

describe('numericHessian and invertSymmetric', () => {
  it('recovers a quadratic’s Hessian 2A and its inverse', () => {
    const H = numericHessian(quadratic, [0.3, 0.1, -0.4]);
    H.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(2 * A[i]![j]!, 5)));
    const inv = invertSymmetric(H)!;
    const product = H.map((row) => inv[0]!.map((_, j) => row.reduce((s, v, k) => s + v * inv[k]![j]!, 0)));
    product.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(i === j ? 1 : 0, 8)));
  });

  it('gives the Rosenbrock Hessian at its minimum', () => {
    const H = numericHessian(rosenbrock, [1, 1]);
    expect(H[0]![0]).toBeCloseTo(802, 3);
    expect(H[0]![1]).toBeCloseTo(-400, 3);
    expect(H[1]![1]).toBeCloseTo(200, 3);
  });

  it('returns null for singular, non-square or non-finite matrices', () => {
    expect(
      invertSymmetric([
        [1, 2],
        [2, 4],
      ]),
    ).toBeNull();
    expect(invertSymmetric([[1, 2]])).toBeNull();
    expect(
      invertSymmetric([
        [1, Number.NaN],
        [Number.NaN, 1],
      ]),
    ).toBeNull();
    expect(invertSymmetric([[0]])).toBeNull();
    // NaN entries where the function is not finite on the stencil make the Hessian uninvertible.
    const edge = numericHessian(([x = 0]) => (x <= 1 ? Number.NaN : x * x), [1]);
    expect(invertSymmetric(edge)).toBeNull();
  });

  it('inverts an indefinite symmetric matrix', () => {
    const inv = invertSymmetric([
      [0, 1],
      [1, 0],
    ]);
    expect(inv).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});
