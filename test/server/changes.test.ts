/**
 * Changes through the API on the demo: uploads (row-level rejects, the size limit, the audit log), the report
 * cache (a second request recomputes nothing, an upload invalidates), assessing a key account (its retention
 * probability follows the scorecard: docs/metrics.md's worked example), KPI targets and users, each audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './client';
import { demoApi, type DemoApi } from './demo-api';

let demo: DemoApi;
let analyst: Client;
let admin: Client;
beforeAll(async () => {
  demo = await demoApi({ maxUploadBytes: 4096 });
  analyst = await demo.as('analyst');
  admin = await demo.as('admin');
}, 120_000);
afterAll(async () => {
  await demo.close();
});

function upload(name: string, text: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('file', new File([text], name, { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

interface Tier {
  tier: string;
  customers: number;
}

describe('the report cache', () => {
  it('recomputes nothing for a second request, and recomputes after an upload', async () => {
    const path = '/api/reports/portfolio?asOf=2025-12-31&tiers=Top:50,Rest:50';
    const first = await analyst.get(path);
    expect(first.headers.get('x-cache')).toBe('miss');
    const misses = demo.api.cache.misses;
    // the same options in another order and spelling are the same report
    const second = await (
      await demo.as('viewer')
    ).get('/api/reports/portfolio?tiers=Top:50,Rest:50&asOf=2025-12-31&window=12');
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(demo.api.cache.misses).toBe(misses);
    expect(second.body).toEqual(first.body);
    const customers = (r: { body: { tiers: Tier[] } }): number =>
      r.body.tiers.reduce((s, t) => s + t.customers, 0);
    // two new customers buy on the as-of day: the current window has two more customers
    const added = await analyst.request(
      'POST',
      '/api/imports/transactions',
      upload(
        'extra.csv',
        'order_id,customer_id,order_date,amount\nX1,NEW-1,2025-12-31,100\nX2,NEW-2,2025-12-30,50\n',
      ),
    );
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ kind: 'transactions', imported: 2, rejected: 0, rejectsPath: null });
    const third = await analyst.get(path);
    expect(third.headers.get('x-cache')).toBe('miss');
    expect(demo.api.cache.misses).toBe(misses + 1);
    expect(customers(third)).toBe(customers(first) + 2);
    // undoing the upload takes the two away again, and invalidates the cache as well
    const undone = await analyst.request('POST', `/api/imports/${added.body.importId as number}/undo`);
    expect(undone.status).toBe(200);
    const fourth = await analyst.get(path);
    expect(fourth.headers.get('x-cache')).toBe('miss');
    expect(customers(fourth)).toBe(customers(first));
    expect((await admin.get('/api/audit?limit=1')).body[0]).toMatchObject({
      username: 'ada',
      action: 'import.undo',
      target: String(added.body.importId),
    });
  });
});

describe('uploads', () => {
  it('answers the ImportResult with row-level rejects, keeps the rejects and audits the import', async () => {
    const answer = await analyst.request(
      'POST',
      '/api/imports/transactions',
      upload(
        'bad.csv',
        'order_id,customer_id,order_date,amount\nY1,NEW-3,2025-12-31,10\nY2,NEW-4,2025-13-01,5\n',
      ),
    );
    expect(answer.status).toBe(200);
    const id = answer.body.importId as number;
    expect(answer.body).toMatchObject({
      kind: 'transactions',
      source: 'bad.csv',
      format: 'csv',
      encoding: 'utf-8',
      imported: 1,
      rejected: 1,
      rejectsPath: `/api/imports/${id}/rejects`,
      ignoredColumns: [],
      problems: ['bad.csv row 2 (line 3), column order_date: "2025-13-01" is not a valid date (no such day)'],
      warnings: [],
      importId: id,
      rule: 'appended',
      replacedByKey: 0,
      replacedImports: [],
      earlierImports: [],
      rounded: 0,
      timeZone: 'UTC',
      zoned: 0,
    });
    const rejects = await analyst.get(`/api/imports/${id}/rejects`);
    expect(rejects.body).toEqual({
      importId: id,
      rejects: [
        {
          row: '2',
          line: '3',
          column: 'order_date',
          value: '2025-13-01',
          reason: '"2025-13-01" is not a valid date (no such day)',
        },
      ],
    });
    const csv = await analyst.get(`/api/imports/${id}/rejects?format=csv`);
    expect(csv.text).toBe(
      'row,line,column,value,reason\n2,3,order_date,2025-13-01,"""2025-13-01"" is not a valid date (no such day)"\n',
    );
    const log = await analyst.get('/api/imports');
    expect(log.body[0]).toMatchObject({ importId: id, kind: 'transactions', source: 'upload bad.csv (ada)' });
    const audit = await admin.get('/api/audit?limit=1');
    expect(audit.body).toEqual([
      expect.objectContaining({
        username: 'ada',
        action: 'import',
        target: 'transactions',
        detail: { file: 'bad.csv', importId: id, imported: 1, rejected: 1 },
      }),
    ]);
    // the import log says what is still stored; undo removes exactly the import's rows, once
    expect(log.body[0]).toMatchObject({ importId: id, rowsStored: 1, state: 'active' });
    const undone = await analyst.request('POST', `/api/imports/${id}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body).toEqual({
      importId: id,
      kind: 'transactions',
      source: 'upload bad.csv (ada)',
      rowsRemoved: 1,
    });
    const after = await analyst.get('/api/imports');
    expect(after.body[0]).toMatchObject({ importId: id, rowsStored: 0, state: 'undone' });
    const again = await analyst.request('POST', `/api/imports/${id}/undo`);
    expect(again.status).toBe(409);
    const unknown = await analyst.request('POST', '/api/imports/999999/undo');
    expect(unknown.status).toBe(404);
    const lastAudit = await admin.get('/api/audit?limit=1');
    expect(lastAudit.body).toEqual([
      expect.objectContaining({
        action: 'import.undo',
        target: String(id),
        detail: { importId: id, kind: 'transactions', source: 'upload bad.csv (ada)', rowsRemoved: 1 },
      }),
    ]);
  });

  it('reports the progress of an upload named by a token, to its user only', async () => {
    const answer = await analyst.request(
      'POST',
      '/api/imports/transactions?progress=upload-1',
      upload('more.csv', 'order_id,customer_id,order_date,amount\nZ1,NEW-5,2025-12-31,10\n'),
    );
    expect(answer.status).toBe(200);
    const progress = await analyst.get('/api/imports/progress/upload-1');
    expect(progress.body).toEqual({
      phase: 'committed',
      fraction: 1,
      message: '1 imported, 0 rejected',
      done: true,
    });
    expect((await admin.get('/api/imports/progress/upload-1')).status).toBe(404);
    const bad = await analyst.get('/api/imports/progress/a%20b');
    expect(bad.body.error).toMatchObject({ code: 'invalid-input', field: 'progress', value: 'a b' });
  });

  it('refuses an upload over the size limit with 413 and a bad option naming the field', async () => {
    const big = await analyst.request(
      'POST',
      '/api/imports/transactions',
      upload('big.csv', 'x'.repeat(5000)),
    );
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('too-large');
    const kind = await analyst.request('POST', '/api/imports/orders', upload('a.csv', 'a\n1\n'));
    expect(kind.status).toBe(400);
    expect(kind.body.error.field).toBe('kind');
    const delimiter = await analyst.request(
      'POST',
      '/api/imports/transactions',
      upload('a.csv', 'a\n1\n', { delimiter: 'xx' }),
    );
    expect(delimiter.status).toBe(400);
    expect(delimiter.body.error).toMatchObject({ field: 'delimiter', value: 'xx' });
    const server = await analyst.get('/api/accounts?scorecard=/etc/passwd');
    expect(server.status).toBe(400);
    expect(server.body.error.field).toBe('scorecard');
  });
});

describe('assessing a key account', () => {
  it('moves its retention probability to what the scorecard says, and audits it', async () => {
    const before = (await admin.get('/api/accounts/KA01')).body;
    // docs/metrics.md, the worked example: North's factors score 7.5 of 9 → 83.33 %, South's 5.6 of 9
    const north = {
      other_relationships: 2,
      business_lines: 6,
      relationship_years: 7,
      broker_relationship: 4,
      relationship_quality: 4,
      contacts_at_customer: 4,
      contacts_at_company: 4,
      knowledge_of_company: 4,
      knowledge_of_industry: 4,
    };
    const south = {
      other_relationships: 0,
      business_lines: 3,
      relationship_years: 3.5,
      broker_relationship: 2,
      relationship_quality: 3,
      contacts_at_customer: 2,
      contacts_at_company: 3,
      knowledge_of_company: 2,
      knowledge_of_industry: 3,
    };
    const a = await admin.request('POST', '/api/accounts/KA01/assessments', {
      assessedOn: '2025-12-30',
      factors: north,
    });
    expect(a.status).toBe(200);
    expect(a.body.assessedOn).toBe('2025-12-30');
    expect(a.body.retentionProbability).toBeCloseTo(7.5 / 9, 12);
    const b = await admin.request('POST', '/api/accounts/KA01/assessments', {
      assessedOn: '2025-12-31',
      factors: south,
    });
    expect(b.body.retentionProbability).toBeCloseTo(5.6 / 9, 12);
    // the forecast did not change, so CLV at WACC stays; the risk-counted CLV follows the probability
    expect(b.body.clvWacc).toBe(before.clvWacc);
    expect(b.body.clvProbabilityAdjusted).toBeLessThan(a.body.clvProbabilityAdjusted as number);
    expect((await admin.get('/api/accounts/KA01')).body).toEqual(b.body);
    const bad = await admin.request('POST', '/api/accounts/KA01/assessments', {
      factors: { ...north, business_lines: 'many' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('business_lines');
    const audit = (await admin.get('/api/audit?limit=2')).body as { action: string; target: string }[];
    expect(audit.map((e) => [e.action, e.target])).toEqual([
      ['assessment', 'KA01'],
      ['assessment', 'KA01'],
    ]);
  });
});

describe('editing the scorecard weights', () => {
  interface Factor {
    id: string;
    weight: number;
  }
  it('saves the edited scorecard (analysts; audited), every report uses it, and a reset goes back', async () => {
    // KA01's latest assessment is South's of the worked example (the test above): 5.6 of 9
    const account = '/api/accounts/KA01?asOf=2025-12-31';
    expect((await admin.get(account)).body.retentionProbability).toBeCloseTo(5.6 / 9, 12);
    const current = (await analyst.get('/api/accounts/scorecard')).body;
    expect(current.source).toBe('default');
    const edited = {
      ...current,
      factors: (current.factors as Factor[]).map((f) =>
        f.id === 'relationship_years' ? { ...f, weight: 3 } : f,
      ),
    };
    const saved = await analyst.request('PUT', '/api/accounts/scorecard', edited);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ source: 'saved', savedBy: 'ada' });
    expect((saved.body.factors as Factor[]).map((f) => f.weight)).toEqual([1, 1, 3, 1, 1, 1, 1, 1, 1]);
    // relationship years (3.5 → 0.6) three times: (5.6 + 2 × 0.6) / 11; the cached answer is not reused
    expect((await admin.get(account)).body.retentionProbability).toBeCloseTo(6.8 / 11, 12);
    const manager = await demo.as('account_manager');
    expect((await manager.get('/api/accounts/scorecard')).body.source).toBe('saved');
    expect((await manager.request('PUT', '/api/accounts/scorecard', edited)).status).toBe(403);
    const audit = (await admin.get('/api/audit?limit=1')).body as {
      action: string;
      username: string;
      detail: { weights: Record<string, number> };
    }[];
    expect(audit[0]).toMatchObject({ action: 'scorecard.save', username: 'ada' });
    expect(audit[0]!.detail.weights.relationship_years).toBe(3);

    const negative = await analyst.request('PUT', '/api/accounts/scorecard', {
      ...edited,
      factors: (edited.factors as Factor[]).map((f) =>
        f.id === 'business_lines' ? { ...f, weight: -1 } : f,
      ),
    });
    expect(negative.status).toBe(400);
    expect(negative.body.error.message).toBe(
      'the request body: factor business_lines: weight -1 is not allowed; expected a number ≥ 0',
    );
    const unknown = await analyst.request('PUT', '/api/accounts/scorecard', {
      ...edited,
      factors: [...(edited.factors as Factor[]), { ...(edited.factors as Factor[])[0]!, id: 'golf_rounds' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('golf_rounds is not an assessment column');
    expect((await analyst.request('PUT', '/api/accounts/scorecard', '[1, 2]')).status).toBe(400);
    // nothing bad was saved
    expect((await admin.get(account)).body.retentionProbability).toBeCloseTo(6.8 / 11, 12);

    const reset = await analyst.request('DELETE', '/api/accounts/scorecard');
    expect(reset.status).toBe(200);
    expect(reset.body.source).toBe('default');
    expect((await admin.get(account)).body.retentionProbability).toBeCloseTo(5.6 / 9, 12);
    expect(((await admin.get('/api/audit?limit=1')).body as { action: string }[])[0]!.action).toBe(
      'scorecard.reset',
    );
  });
});

describe('KPI targets and users', () => {
  it('sets a KPI target (audited) and refuses a bad deadline naming the field', async () => {
    const set = await analyst.request('PUT', '/api/kpi/nps', {
      target: 40,
      deadline: '2026-12-31',
      owner: 'Anna',
    });
    expect(set.status).toBe(200);
    const board = set.body as { id: string; goal: unknown }[];
    expect(board.find((k) => k.id === 'nps')?.goal).toMatchObject({
      target: { kind: 'value', value: 40 },
      deadline: '2026-12-31',
      owner: 'Anna',
    });
    const bad = await analyst.request('PUT', '/api/kpi/nps', {
      target: 40,
      deadline: '31/12/2026',
      owner: 'Anna',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid-input', field: 'deadline', value: '31/12/2026' });
    const status = await analyst.get('/api/kpi/status?asOf=2025-12-31');
    expect(status.status).toBe(200);
    expect((await admin.get('/api/audit?limit=1')).body[0]).toMatchObject({
      username: 'ada',
      action: 'kpi.set',
      target: 'nps',
    });
  });

  it('removes a KPI target (audited); one without a target is 404 naming it', async () => {
    await analyst.request('PUT', '/api/kpi/csat', { target: 0.9, deadline: '2026-12-31', owner: 'Bo' });
    const removed = await analyst.request('DELETE', '/api/kpi/csat');
    expect(removed.status).toBe(200);
    expect((removed.body as { id: string; goal: unknown }[]).find((k) => k.id === 'csat')?.goal).toBeNull();
    expect((await admin.get('/api/audit?limit=1')).body[0]).toMatchObject({
      action: 'kpi.unset',
      target: 'csat',
    });
    const again = await analyst.request('DELETE', '/api/kpi/csat');
    expect(again.status).toBe(404);
    expect(again.body.error.message).toContain('csat');
    expect((await analyst.request('DELETE', '/api/kpi/happiness')).status).toBe(400);
  });

  it('gives the quality of every KPI, the same JSON as cvm kpi quality', async () => {
    const q = await analyst.get('/api/kpi/quality?asOf=2025-12-31&window=12');
    expect(q.status).toBe(200);
    const body = q.body as { asOf: string; rows: { id: string; n: number; value: number | null }[] };
    expect(body.asOf).toBe('2025-12-31');
    expect(body.rows).toHaveLength(17);
    const satisfaction = (await analyst.get('/api/reports/satisfaction?asOf=2025-12-31')).body as {
      csat: { share: number; n: number };
    };
    expect(body.rows.find((r) => r.id === 'csat')).toMatchObject({
      value: satisfaction.csat.share,
      n: satisfaction.csat.n,
    });
    const bad = await analyst.get('/api/kpi/quality?window=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('window');
  });

  it('adds, re-roles and removes users (audited); a taken name is a conflict', async () => {
    const added = await admin.request('POST', '/api/users', {
      username: 'bo',
      role: 'viewer',
      password: 'bo password',
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ username: 'bo', role: 'viewer' });
    expect(added.text).not.toContain('argon2');
    const again = await admin.request('POST', '/api/users', {
      username: 'bo',
      role: 'viewer',
      password: 'bo password',
    });
    expect(again.status).toBe(409);
    const short = await admin.request('POST', '/api/users', {
      username: 'cy',
      role: 'viewer',
      password: 'short',
    });
    expect(short.body.error).toMatchObject({ code: 'invalid-input', field: 'password' });
    const bo = new Client(demo.api.app);
    expect((await bo.login('bo', 'bo password')).status).toBe(200);
    expect((await admin.request('PATCH', '/api/users/bo', { role: 'analyst' })).body.role).toBe('analyst');
    expect((await bo.get('/api/session')).body.user.role).toBe('analyst');
    expect((await admin.request('DELETE', '/api/users/bo')).status).toBe(200);
    expect((await bo.get('/api/session')).status).toBe(401);
    expect((await admin.request('DELETE', '/api/users/bo')).status).toBe(404);
    const audit = (await admin.get('/api/audit?limit=3')).body as { action: string; detail: unknown }[];
    expect(audit.map((e) => [e.action, e.detail])).toEqual([
      ['user.remove', { role: 'analyst' }],
      ['user.set-role', { from: 'viewer', to: 'analyst' }],
      ['user.add', { role: 'viewer' }],
    ]);
  });
});
