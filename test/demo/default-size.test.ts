/**
 * The default demo (100,000 customers, seed 42), built and loaded as `cvm demo` does it: the figures
 * docs/demo.md quotes, with tolerances for the full size. Takes about 10 s on two cores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_OPTIONS } from '../../src/app/demo/params';
import { demoProperties, type DemoProperties } from './properties';
import { loadDemo, type LoadedDemo } from './setup';

let demo: LoadedDemo;
let props: DemoProperties;

beforeAll(async () => {
  demo = await loadDemo(DEFAULT_DEMO_OPTIONS.customers);
  props = await demoProperties(demo.db, DEFAULT_DEMO_OPTIONS.end);
}, 120_000);
afterAll(async () => demo?.dispose());

describe('the default demo (100,000 customers, seed 42)', () => {
  it('loads every row it generated', () => {
    const rows = Object.fromEntries(demo.result.loaded.map((k) => [k.kind, k.imported]));
    expect(rows.customers).toBe(100_000);
    expect(rows.transactions).toBeGreaterThan(450_000);
    expect(rows.transactions).toBeLessThan(600_000);
    expect(rows.contracts).toBe(41_500); // docs/demo.md
  });

  it('retains its value tiers within 3 points of 89 / 81 / 65 / 52 %', () => {
    const target = [0.89, 0.81, 0.65, 0.52];
    props.tierRetention.forEach((r, i) =>
      expect(Math.abs(r - target[i]!), `tier ${i + 1}: ${r}`).toBeLessThan(0.03),
    );
  });

  it('shows the promised shape: concentration, complaints, surveys', () => {
    expect(props.top20Share).toBeGreaterThan(0.6);
    expect(props.top20Share).toBeLessThan(0.72);
    expect(props.within24h).toBeGreaterThan(0.76);
    expect(props.within24h).toBeLessThan(0.84);
    expect(props.openShare).toBeGreaterThan(0.02);
    expect(props.openShare).toBeLessThan(0.035);
    expect(props.complainantsPerActive).toBeGreaterThan(0.035);
    expect(props.complainantsPerActive).toBeLessThan(0.055);
    expect(props.complainantRetention).toBeLessThan(props.otherRetention - 0.1);
    expect(props.promoterRetention - props.detractorRetention).toBeGreaterThan(0.15);
    expect(props.nps).toBeGreaterThan(10);
    expect(props.nps).toBeLessThan(25);
  });
});
