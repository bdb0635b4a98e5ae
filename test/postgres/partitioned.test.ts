/**
 * The scale layout on one machine: a PostgreSQL schema whose customer tables are hash-partitioned by
 * customer_id, created from the `sql partitioned` block of docs/scale.md (so the documented DDL is the
 * tested DDL), and a plain schema, both loaded with the same demo through the ordinary import. Every report
 * use case and model summary must give identical results on both, and on embedded DuckDB loaded the same way.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo } from '../../src/app/demo/build';
import { DEFAULT_DEMO_OPTIONS } from '../../src/app/demo/params';
import { openStore } from '../../src/app/open-store';
import { parseOptions } from '../../src/app/options/parse';
import { serviceInput } from '../../src/app/options/service';
import { cohortReport } from '../../src/app/reports/cohorts';
import { concentrationReport } from '../../src/app/reports/concentration';
import { flowsReport } from '../../src/app/reports/flows';
import { portfolioReport } from '../../src/app/reports/portfolio';
import { retentionReport } from '../../src/app/reports/retention';
import { satisfactionReport } from '../../src/app/reports/satisfaction';
import { serviceReport } from '../../src/app/reports/service';
import { getHeadline } from '../../src/app/summary';
import type { Store, StoreUnit } from '../../src/data/store';
import { cohorts, concentration, portfolio, retention } from '../conformance/input';
import { admin, dropSchemas, freshSchema, storeUrl } from './server';

/** The SQL of the fenced block tagged `sql partitioned` in docs/scale.md. */
function partitionedDdl(): string {
  const doc = readFileSync('docs/scale.md', 'utf8');
  const block = /```sql partitioned\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error('docs/scale.md has no ```sql partitioned block');
  return block;
}

const plain = freshSchema('cvm_plain');
const partitioned = freshSchema('cvm_part');
const stores: Store[] = [];

beforeAll(async () => {
  await admin(async (client) => {
    await client.query(`CREATE SCHEMA ${partitioned}`);
    await client.query(`SET search_path TO ${partitioned}`);
    await client.query(partitionedDdl());
  });
  for (const location of [storeUrl(plain), storeUrl(partitioned), ':memory:']) {
    const store = await openStore(location);
    stores.push(store);
    await store.unit((u) => buildDemo(u, { ...DEFAULT_DEMO_OPTIONS, customers: 3000 }));
  }
}, 240_000);
afterAll(async () => {
  for (const store of stores) await store.close();
  await dropSchemas([plain, partitioned]);
});

/** `work` on the three stores: [plain, partitioned, DuckDB]. */
async function onAll<T>(work: (unit: StoreUnit) => Promise<T>): Promise<[T, T, T]> {
  const [a, b, c] = stores;
  if (!a || !b || !c) throw new Error('stores not open');
  return [await a.unit(work), await b.unit(work), await c.unit(work)];
}

describe('a schema hash-partitioned by customer_id (docs/scale.md)', () => {
  it('is partitioned: five tables of four partitions, every partition holding customers', async () => {
    const rows = await admin(async (client) => {
      const r = await client.query(
        `SELECT c.relname AS parent, count(*)::int AS parts
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhparent JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relkind = 'p' GROUP BY c.relname ORDER BY c.relname`,
        [partitioned],
      );
      const sizes = await client.query(
        `SELECT count(*)::int AS n FROM ${partitioned}.transactions_p0
         UNION ALL SELECT count(*)::int FROM ${partitioned}.transactions_p3`,
      );
      return { parents: r.rows, sizes: (sizes.rows as { n: number }[]).map((s) => s.n) };
    });
    expect(rows.parents).toEqual(
      ['complaints', 'contracts', 'customers', 'survey_responses', 'transactions'].map((parent) => ({
        parent,
        parts: 4,
      })),
    );
    expect(rows.sizes.every((n) => n > 1000)).toBe(true);
  });

  it('holds the same data', async () => {
    const [a, b, c] = await onAll(async (u) => ({
      tables: await u.meta.tables(),
      headline: await getHeadline(u),
    }));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a.tables.find((t) => t.kind === 'customers')?.rows).toBe(3000);
  });

  it.each([
    ['portfolio', (u: StoreUnit) => portfolioReport(u.analytics, portfolio())],
    [
      'portfolio by margin, deciles',
      (u: StoreUnit) => portfolioReport(u.analytics, portfolio({ value: 'margin', tiers: 'deciles' })),
    ],
    ['flows', (u: StoreUnit) => flowsReport(u.analytics, portfolio({ asOf: '2025-06-30' }))],
    ['retention', (u: StoreUnit) => retentionReport(u.analytics, retention({ window: '3' }))],
    ['cohorts', (u: StoreUnit) => cohortReport(u.analytics, cohorts())],
    ['concentration', (u: StoreUnit) => concentrationReport(u.analytics, concentration())],
    ['service', (u: StoreUnit) => serviceReport(u.service, parseOptions(serviceInput, { window: '3' }))],
    ['satisfaction', (u: StoreUnit) => satisfactionReport(u.service, parseOptions(serviceInput, {}))],
    [
      'model summaries',
      async (u: StoreUnit) => {
        const query = { calibrationEnd: '2024-12-31', holdoutEnd: '2025-12-31', timeUnit: 'week' as const };
        return {
          customers: await u.models.customerSummaries(query),
          patterns: await u.models.summaryPatterns(query),
          daily: await u.models.repeatPurchasesByDay(query),
        };
      },
    ],
  ])('gives the same %s as the plain schema and DuckDB', async (_, report) => {
    const [a, b, c] = await onAll(report as (unit: StoreUnit) => Promise<unknown>);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });
});
