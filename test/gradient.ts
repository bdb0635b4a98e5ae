/** Test assertion: an analytic gradient equals central differences of the function it differentiates. */
import { expect } from 'vitest';

/**
 * Checks `valueAndGradient(at)` against `f`: the value to 8 digits, each gradient component against the
 * central difference with step 1e-5 · θ, to 1e-5 relative or the differences' rounding noise (1e-12 |f| / h).
 */
export function expectGradientMatchesDifferences<P extends { [K in keyof P]: number }>(
  f: (params: P) => number,
  valueAndGradient: (params: P) => { value: number; gradient: readonly number[] },
  at: P,
  names: readonly (keyof P & string)[],
  relative = 1e-5,
): void {
  const { value, gradient } = valueAndGradient(at);
  expect(value).toBeCloseTo(f(at), 8);
  names.forEach((name, i) => {
    const theta: number = at[name];
    const h = 1e-5 * theta;
    const up = f({ ...at, [name]: theta + h });
    const down = f({ ...at, [name]: theta - h });
    const numeric = (up - down) / (2 * h);
    const noise = (1e-12 * Math.abs(value)) / h;
    expect(Math.abs((gradient[i] as number) - numeric), `∂/∂${name} at ${JSON.stringify(at)}`).toBeLessThan(
      relative * Math.abs(numeric) + noise,
    );
  });
}
