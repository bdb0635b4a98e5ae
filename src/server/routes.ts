/**
 * Every route of the API (except the session routes, in `session.ts`): the reports, key accounts, the KPI
 * board, models, imports, users and the audit log. Each reuses the option schema and the use case the CLI
 * command of the same name uses, so the same query gives the same figures; the answer is the JSON that
 * `cvm … --format json` prints.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { backtestReport } from '../app/accounts/backtest';
import { dpmReport } from '../app/accounts/dpm';
import { accountsReport, type AccountsReport } from '../app/accounts/report';
import { saveScorecard, scorecardReport } from '../app/accounts/scorecard';
import { sensitivityReport } from '../app/accounts/sensitivity';
import { importFile, listImports, undoImport, type ImportProgress, type ImportResult } from '../app/import';
import { eraseCustomer } from '../app/customers/erase';
import { fitCustomerModel } from '../app/customers/model';
import { customerReport, searchCustomers } from '../app/customers/report';
import { getInfo } from '../app/info';
import { kpiList, kpiStatus, removeKpiTarget, setKpiTarget } from '../app/kpi/board';
import { kpiQualityReport } from '../app/kpi/quality';
import { atRisk } from '../app/models/at-risk';
import { fitModel } from '../app/models/fit';
import { predict } from '../app/models/predict';
import { fitSbgOn } from '../app/models/sbg';
import { validate } from '../app/models/validate';
import { validateBgBbOn } from '../app/models/bg-bb';
import {
  accountsInput,
  backtestInput,
  dpmInput,
  scorecardInput,
  sensitivityInput,
} from '../app/options/accounts';
import { importInput, importRequest, undoImportInput } from '../app/options/import';
import { contractReportInput } from '../app/options/contracts';
import { customerInput, customerSearchInput, eraseCustomerInput } from '../app/options/customer';
import { actionsInput, strategyInput } from '../app/options/strategy';
import {
  kpiQualityInput,
  kpiSetInput,
  kpiSetSchema,
  kpiStatusInput,
  kpiUnsetInput,
} from '../app/options/kpi';
import {
  atRiskInput,
  bgbbValidateDataInput,
  fitInput,
  predictInput,
  sbgDataInput,
  validateInput,
} from '../app/options/models';
import { field, oneOf, parseOptions, wholeNumber } from '../app/options/parse';
import {
  cohortInput,
  concentrationInput,
  loyaltyDepthInput,
  programmeInput,
  portfolioInput,
  retentionInput,
} from '../app/options/report';
import { serviceInput } from '../app/options/service';
import { bucketInput, loyalInput, retentionWhatIfInput } from '../app/options/simulate';
import { addUserInput, setRoleInput, removeUserInput } from '../app/options/users';
import { cohortReport } from '../app/reports/cohorts';
import { concentrationReport } from '../app/reports/concentration';
import { flowsReport } from '../app/reports/flows';
import { loyaltyDepthReport } from '../app/reports/loyalty-depth';
import { programmeReport } from '../app/reports/programme';
import { portfolioReport } from '../app/reports/portfolio';
import { retentionReport } from '../app/reports/retention';
import { satisfactionReport } from '../app/reports/satisfaction';
import { serviceReport } from '../app/reports/service';
import { sharedAnalytics, sharedService } from '../app/reports/shared';
import { bucketWhatIf, loyalWhatIf, retentionWhatIf } from '../app/reports/simulate';
import { productChurnReport, productsReport, subscriptionReport } from '../app/reports/contracts';
import { actionsReport, lifecycleReport, segmentsReport } from '../app/strategy/reports';
import { getSummary } from '../app/summary';
import { addUser, auditLog, listUsers, recordAudit, removeUser, setUserRole } from '../app/users';
import { CvmError, invalidOption } from '../core/errors';
import { msg } from '../core/messages/catalogue';
import { SCORECARD_FACTORS } from '../core/kinds';
import { CsvScanner } from '../core/text/csv';
import type { AnalyticsPort } from '../data/analytics/types';
import type { ServicePort } from '../data/service/types';
import type { Role } from '../data/users/types';
import { stableKey } from './cache';
import { apiOption } from './errors';
import { route, type AnyRoute, type RequestContext } from './route';
import { readUpload, type UploadLimits } from './upload';

const ALL: readonly Role[] = ['admin', 'analyst', 'account_manager', 'viewer'];
const ANALYSTS: readonly Role[] = ['admin', 'analyst'];
const ACCOUNTS: readonly Role[] = ['admin', 'analyst', 'account_manager'];
const ADMINS: readonly Role[] = ['admin'];

/** Options that name a file on the machine that runs CVM: the CLI reads them, the API never does. */
const SERVER_FILES = ['scorecard', 'summary', 'out', 'rejects', 'rules', 'export'];

function refuseServerFiles(raw: Record<string, unknown>): void {
  for (const name of SERVER_FILES)
    if (raw[name] !== undefined)
      throw invalidOption(
        name,
        raw[name],
        'no value: the API does not read or write files on the server',
        msg('api.server-file'),
      );
}

/** The query, with today by the server's clock (as the CLI adds its own), checked for file options. */
function queryOf(ctx: RequestContext): Record<string, string> {
  refuseServerFiles(ctx.query);
  return { ...ctx.query, today: ctx.today };
}

/** A JSON body as an object of options. */
async function bodyOf(ctx: RequestContext): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await ctx.req.json();
  } catch {
    throw new CvmError('invalid-input', msg('api.body-not-json'));
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new CvmError('invalid-input', msg('api.body-not-object'));
  refuseServerFiles(body as Record<string, unknown>);
  return body as Record<string, unknown>;
}

function report<S extends z.ZodType, R>(
  name: string,
  summary: string,
  schema: S,
  run: (ctx: RequestContext, input: z.output<S>) => Promise<R>,
): AnyRoute {
  return route({
    method: 'GET',
    path: `/api/reports/${name}`,
    summary,
    tag: 'reports',
    roles: ALL,
    query: schema,
    cache: 'shared',
    input: (ctx) => parseOptions(schema, queryOf(ctx)),
    run,
  });
}

/**
 * The unit's analytics port with the work the value reports repeat (order dates, the tier flows of the
 * portfolio and flows reports) computed once per data version (app/reports/shared.ts).
 */
function analyticsOf(ctx: RequestContext): AnalyticsPort {
  return sharedAnalytics(ctx.unit.analytics, ctx.shared);
}

/** The unit's service port with the order dates computed once per data version. */
function serviceOf(ctx: RequestContext): ServicePort {
  return sharedService(ctx.unit.service, ctx.shared);
}

function noSuchAccount(id: string): CvmError {
  // the same answer for an account that does not exist and for one the user may not see
  return new CvmError('not-found', msg('api.no-account', { id }));
}

/** One account's row of the accounts report (the user's own accounts only). */
function accountRow(r: AccountsReport, id: string): AccountsReport['accounts'][number] {
  const row = r.accounts.find((a) => a.account === id);
  if (!row) throw noSuchAccount(id);
  return row;
}

/** The body of a new assessment: the day (default today) and the nine factor values. */
const assessmentBody = z.object({
  assessedOn: z.string().optional(),
  factors: z.object(Object.fromEntries(SCORECARD_FACTORS.map((f) => [f, z.union([z.number(), z.string()])]))),
});

/** The body of an edited scorecard, for the OpenAPI document (core checks the rules a shape cannot say). */
const scorecardBody = z.object({
  version: z.string(),
  groups: z.array(z.object({ id: z.string(), label: z.string() })),
  factors: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      group: z.string(),
      kind: z.enum(['count', 'years', 'scale1to5']),
      min: z.number().optional(),
      subjective: z.boolean().optional(),
      weight: z.number().optional(),
      action: z.string().nullable().optional(),
      steps: z.array(
        z.object({ from: z.number(), to: z.number().nullable().optional(), probability: z.number() }),
      ),
    }),
  ),
  bounds: z.object({ min: z.number(), max: z.number() }).optional(),
});

const csvCell = (value: unknown): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Where the rejects of uploads are kept, one file per import id. */
export interface ImportFiles {
  rejectsDir: string;
  limits: UploadLimits;
}

export function rejectsFile(files: ImportFiles, importId: number): string {
  return join(files.rejectsDir, `import-${importId}.rejects.csv`);
}

/** The ImportResult of an upload as the API shows it: no server paths. */
function importJson(result: ImportResult, name: string): ImportResult {
  return {
    ...result,
    source: name,
    rejectsPath: result.rejectsPath === null ? null : `/api/imports/${result.importId}/rejects`,
  };
}

const limitField = z.object({ limit: field(wholeNumber(1, 10_000), 100) });
const rejectsQuery = z.object({ format: field(oneOf(['json', 'csv'], 'a format'), 'json') });

/** The records of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line ends). */
function csvRecords(text: string): string[][] {
  const scanner = new CsvScanner(',');
  const records: string[][] = [];
  let fields: string[] = [];
  let cell = '';
  for (let i = 0; i < text.length; i++) {
    const role = scanner.next(text.charCodeAt(i));
    if (role === 'content') cell += text[i];
    else if (role === 'delimiter') {
      fields.push(cell);
      cell = '';
    } else if (role === 'newline') {
      fields.push(cell.replace(/\r$/, ''));
      records.push(fields);
      fields = [];
      cell = '';
    }
  }
  if (cell !== '' || fields.length > 0) records.push([...fields, cell]);
  return records;
}

/** An upload's progress token: what the client named it by (`?progress=…`), checked. */
function progressToken(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(raw))
    throw invalidOption('progress', raw, '1–64 letters, digits, "_" or "-"');
  return raw;
}

/** How long the progress of a finished upload stays readable. */
const PROGRESS_KEPT_MS = 10 * 60_000;

/** An upload's progress as the API answers it: the server's own lines are messages, in `?lang=`. */
type UploadProgress = ImportProgress;

export function apiRoutes(files: ImportFiles): AnyRoute[] {
  /** The progress of uploads named by a token, per user: the latest phase, and whether it is done. */
  const progressOf = new Map<string, { progress: UploadProgress; done: boolean; at: number }>();

  /** Imports one file (an upload, or a CSV made here) with its rejects kept by import id; audited. */
  async function runImport(
    ctx: RequestContext,
    raw: Record<string, unknown>,
    name: string,
    stream: Readable,
  ): Promise<ImportResult> {
    refuseServerFiles(raw);
    const input = parseOptions(importInput, raw);
    const token = progressToken(ctx.query.progress);
    const key = `${ctx.user.username}\n${token ?? ''}`;
    const report = (progress: UploadProgress, done = false): void => {
      if (token === undefined) return;
      const last = progressOf.get(key)?.progress;
      progressOf.set(key, {
        progress: { ...progress, message: progress.message ?? last?.message },
        done,
        at: Date.now(),
      });
    };
    report({ phase: 'reading', fraction: 0, message: msg('upload.reading', { name }) });
    const spool = join(files.rejectsDir, `upload-${randomUUID()}.rejects.csv`);
    let result: ImportResult;
    try {
      result = await importFile(ctx.unit, {
        ...importRequest(input, name),
        stream,
        maxBytes: files.limits.maxUploadBytes,
        today: ctx.today,
        rejectsPath: spool,
        sourceLabel: `upload ${name} (${ctx.user.username})`,
        onProgress: (p) => report(p),
      });
    } catch (error) {
      report({ phase: 'reading', fraction: 0, message: msg('upload.failed') }, true);
      throw error;
    }
    report(
      {
        phase: 'committed',
        fraction: 1,
        message: msg('upload.done', { imported: result.imported, rejected: result.rejected }),
      },
      true,
    );
    if (result.rejectsPath !== null) {
      const { rename } = await import('node:fs/promises');
      await rename(spool, rejectsFile(files, result.importId));
    }
    await recordAudit(ctx.unit, ctx.actor, 'import', input.kind, {
      file: name,
      importId: result.importId,
      imported: result.imported,
      rejected: result.rejected,
    });
    return importJson(result, name);
  }

  return [
    // --- the value and service reports: `cvm report <name>`
    report(
      'portfolio',
      'members, retention, duration, CLV and value per value tier',
      portfolioInput,
      (ctx, i) => portfolioReport(analyticsOf(ctx), i, ctx.unit.contracts, ctx.unit.models),
    ),
    report('flows', 'customer flows between the value tiers of two windows', portfolioInput, (ctx, i) =>
      flowsReport(analyticsOf(ctx), i, ctx.unit.contracts, ctx.unit.models),
    ),
    report(
      'retention',
      'retention, churn and duration per tier, trend and tenure',
      retentionInput,
      (ctx, i) => retentionReport(analyticsOf(ctx), i, ctx.unit.contracts),
    ),
    report(
      'loyalty-depth',
      'duration, frequency, volume, depth and share of wallet per value tier',
      loyaltyDepthInput,
      (ctx, i) => loyaltyDepthReport(ctx.unit.analytics, i),
    ),
    report(
      'programme',
      'loyalty-programme effect: members against non-members, before and after joining, matched DiD per value tier',
      programmeInput,
      (ctx, i) => programmeReport(ctx.unit.analytics, i),
    ),
    report('cohorts', 'acquisition cohorts followed period by period', cohortInput, (ctx, i) =>
      cohortReport(analyticsOf(ctx), i, ctx.unit.contracts),
    ),
    report('concentration', 'Lorenz curve, top-x % shares, Gini, deciles', concentrationInput, (ctx, i) =>
      concentrationReport(analyticsOf(ctx), i, ctx.unit.contracts, ctx.unit.models),
    ),
    report('service', 'complaints: rates, resolution times, backlog, causes, trend', serviceInput, (ctx, i) =>
      serviceReport(serviceOf(ctx), i),
    ),
    report('satisfaction', 'NPS, CSAT and CES with the change and its significance', serviceInput, (ctx, i) =>
      satisfactionReport(serviceOf(ctx), i),
    ),
    report('subscription', 'the subscription portfolio by segment', contractReportInput, (ctx, i) =>
      subscriptionReport(ctx.unit.contracts, i),
    ),
    report('products', 'products per customer', contractReportInput, (ctx, i) =>
      productsReport(ctx.unit.contracts, i),
    ),
    report('product-churn', 'churn per product line', contractReportInput, (ctx, i) =>
      productChurnReport(ctx.unit.contracts, i),
    ),

    // --- one customer: `cvm customer ID`
    route({
      method: 'GET',
      path: '/api/customers',
      summary: 'customer ids starting with q (the customers table), for the search box',
      tag: 'customers',
      roles: ALL,
      query: customerSearchInput,
      input: (ctx) => parseOptions(customerSearchInput, queryOf(ctx)),
      run: async (ctx, i) => ({ q: i.q, customers: await searchCustomers(ctx.unit, i) }),
    }),
    route({
      method: 'GET',
      path: '/api/customers/:id',
      summary:
        'one customer: history, tier per window, complaints, survey answers, contracts, P(alive) and predicted CLV (BG/NBD, Gamma-Gamma); the key accounts linked to them that the user may see',
      tag: 'customers',
      roles: ALL,
      query: customerInput,
      cache: 'per-user',
      input: (ctx) => parseOptions(customerInput, { ...queryOf(ctx), customerId: ctx.params.id }),
      run: (ctx, i) =>
        customerReport(
          ctx.unit,
          i,
          // key accounts are confidential: a viewer sees none, a manager their own
          ctx.user.role === 'viewer'
            ? { kind: 'none' }
            : ctx.user.role === 'account_manager'
              ? { kind: 'managed-by', manager: ctx.user.username }
              : { kind: 'all' },
          // the model fit is the store's, not the customer's: fitted once per data version
          (m) => ctx.shared(`customer-model ${stableKey(m)}`, () => fitCustomerModel(ctx.unit, m)),
        ),
    }),
    route({
      method: 'DELETE',
      path: '/api/customers/:id',
      summary:
        'erase one customer: their rows of every kind, counted per kind (`cvm delete`; dryRun=true only counts); audited',
      tag: 'customers',
      roles: ADMINS,
      query: eraseCustomerInput.omit({ customerId: true }),
      input: (ctx) =>
        parseOptions(eraseCustomerInput, { dryRun: ctx.query.dryRun, customerId: ctx.params.id }),
      // The erasure and its audit entry commit together.
      run: (ctx, i) =>
        ctx.unit.atomically(async () => {
          const erased = await eraseCustomer(ctx.unit, i);
          if (!i.dryRun)
            await recordAudit(ctx.unit, ctx.actor, 'customer.delete', i.customerId, {
              rowsDeleted: erased.rowsDeleted,
              kinds: Object.fromEntries(erased.kinds.map((k) => [k.kind, k.rows])),
            });
          return erased;
        }),
    }),

    // --- customer strategy: `cvm segments|lifecycle|actions`
    route({
      method: 'GET',
      path: '/api/segments',
      summary: 'value × loyalty segments with named cells, and movement between them (`cvm segments`)',
      tag: 'strategy',
      roles: ALL,
      query: strategyInput,
      cache: 'shared',
      input: (ctx) => parseOptions(strategyInput, queryOf(ctx)),
      run: (ctx, i) => segmentsReport(ctx.unit, i),
    }),
    route({
      method: 'GET',
      path: '/api/lifecycle',
      summary: 'lifecycle phases, and KPIs per phase, tier and segment (`cvm lifecycle`)',
      tag: 'strategy',
      roles: ALL,
      query: strategyInput,
      cache: 'shared',
      input: (ctx) => parseOptions(strategyInput, queryOf(ctx)),
      run: (ctx, i) => lifecycleReport(ctx.unit, i),
    }),
    route({
      method: 'GET',
      path: '/api/actions',
      summary: 'next best actions ranked by value at stake, with reasons (`cvm actions`; lang en or sv)',
      tag: 'strategy',
      roles: ANALYSTS,
      query: actionsInput,
      cache: 'shared',
      input: (ctx) => {
        const raw = ctx.query.lang ?? 'en';
        if (raw !== 'en' && raw !== 'sv') throw invalidOption('lang', raw, 'a language (en or sv)');
        const lang: 'en' | 'sv' = raw;
        return { lang, input: parseOptions(actionsInput, queryOf(ctx)) };
      },
      run: (ctx, i) => actionsReport(ctx.unit, i.input, i.lang, ctx.now),
    }),

    // --- what is loaded, and the start summary
    route({
      method: 'GET',
      path: '/api/info',
      summary: 'rows and date ranges per table, and the latest imports (`cvm info`)',
      tag: 'data',
      roles: ALL,
      cache: 'shared',
      input: () => ({}),
      run: (ctx) => getInfo(ctx.unit),
    }),
    route({
      method: 'GET',
      path: '/api/summary',
      summary: 'the summary `cvm start` prints: info, headline, portfolio, key accounts turning negative',
      tag: 'data',
      roles: ALL,
      cache: 'per-user',
      input: () => ({}),
      run: (ctx) =>
        getSummary(ctx.unit, {
          // key accounts are confidential: a viewer's summary leaves them out, a manager's counts their own
          ...(ctx.user.role === 'viewer' ? { accounts: emptyAccounts } : { accounts: ctx.accounts }),
          // its portfolio shares the tier flows with the portfolio and flows reports
          analytics: analyticsOf(ctx),
          // and what does not depend on the role is computed once for every role
          share: ctx.shared,
          spell: apiOption,
        }),
    }),

    // --- loyalty what-ifs: `cvm simulate`
    route({
      method: 'GET',
      path: '/api/simulate/retention',
      summary: 'the portfolio with retention moved by some points',
      tag: 'simulate',
      roles: ALL,
      query: retentionWhatIfInput,
      cache: 'shared',
      input: (ctx) => parseOptions(retentionWhatIfInput, queryOf(ctx)),
      run: (ctx, i) => retentionWhatIf(ctx.unit.analytics, i),
    }),
    route({
      method: 'GET',
      path: '/api/simulate/bucket',
      summary: 'the leaking bucket: base size year by year',
      tag: 'simulate',
      roles: ALL,
      query: bucketInput,
      input: (ctx) => parseOptions(bucketInput, queryOf(ctx)),
      run: (_ctx, i) => Promise.resolve(bucketWhatIf(i)),
    }),
    route({
      method: 'GET',
      path: '/api/simulate/loyal',
      summary: 'an ordinary against a loyal customer',
      tag: 'simulate',
      roles: ALL,
      query: loyalInput,
      input: (ctx) => parseOptions(loyalInput, queryOf(ctx)),
      run: (_ctx, i) => Promise.resolve(loyalWhatIf(i)),
    }),

    // --- key accounts: `cvm accounts`, an account manager's own accounts only
    route({
      method: 'GET',
      path: '/api/accounts',
      summary: 'retention probability and CLV per key account, with totals (`cvm accounts report`)',
      tag: 'accounts',
      roles: ACCOUNTS,
      query: accountsInput,
      cache: 'per-user',
      input: (ctx) => parseOptions(accountsInput, queryOf(ctx)),
      run: (ctx, i) => accountsReport(ctx.accounts, i),
    }),
    route({
      method: 'GET',
      path: '/api/accounts/scorecard',
      summary: 'the scorecard in use: factors, steps, weights, bounds',
      tag: 'accounts',
      roles: ACCOUNTS,
      query: scorecardInput,
      input: (ctx) => parseOptions(scorecardInput, queryOf(ctx)),
      run: (ctx, i) => scorecardReport(i, ctx.accounts),
    }),
    route({
      method: 'PUT',
      path: '/api/accounts/scorecard',
      summary:
        'save an edited scorecard (the JSON `accounts scorecard` answers: groups, factors with steps and weights, bounds); every key-account report then uses it; audited',
      tag: 'accounts',
      roles: ANALYSTS,
      body: scorecardBody,
      input: async (ctx) => {
        const body = await bodyOf(ctx);
        // the answer of GET carries where it came from; that is not part of a definition
        const { source: _source, savedAt: _at, savedBy: _by, ...definition } = body;
        return definition;
      },
      run: (ctx, definition) => saveScorecard(ctx.unit, definition, msg('source.request-body'), ctx.actor),
    }),
    route({
      method: 'DELETE',
      path: '/api/accounts/scorecard',
      summary: 'remove the saved scorecard: the reports go back to the default; audited',
      tag: 'accounts',
      roles: ANALYSTS,
      input: () => ({}),
      run: (ctx) => saveScorecard(ctx.unit, null, 'reset', ctx.actor),
    }),
    route({
      method: 'GET',
      path: '/api/accounts/sensitivity',
      summary: 'what one step of each factor does to CLV, ranked actions, a portfolio what-if',
      tag: 'accounts',
      roles: ACCOUNTS,
      query: sensitivityInput,
      cache: 'per-user',
      input: (ctx) => parseOptions(sensitivityInput, queryOf(ctx)),
      run: (ctx, i) => sensitivityReport(ctx.accounts, i),
    }),
    route({
      method: 'GET',
      path: '/api/accounts/backtest',
      summary: 'the scorecard against observed renewals',
      tag: 'accounts',
      roles: ACCOUNTS,
      query: backtestInput,
      cache: 'per-user',
      input: (ctx) => parseOptions(backtestInput, queryOf(ctx)),
      run: (ctx, i) => backtestReport(ctx.accounts, i),
    }),
    route({
      method: 'GET',
      path: '/api/accounts/dpm',
      summary: 'directional policy matrix: risk-counted CLV against relationship strength',
      tag: 'accounts',
      roles: ACCOUNTS,
      query: dpmInput,
      cache: 'per-user',
      input: (ctx) => parseOptions(dpmInput, queryOf(ctx)),
      run: (ctx, i) => dpmReport(ctx.accounts, i),
    }),
    route({
      method: 'GET',
      path: '/api/accounts/:id',
      summary: "one key account's row of the accounts report (404 for an account that is not yours)",
      tag: 'accounts',
      roles: ACCOUNTS,
      query: accountsInput,
      cache: 'per-user',
      input: (ctx) => ({ id: ctx.params.id ?? '', options: parseOptions(accountsInput, queryOf(ctx)) }),
      run: async (ctx, i) => accountRow(await accountsReport(ctx.accounts, i.options), i.id),
    }),
    route({
      method: 'POST',
      path: '/api/accounts/:id/assessments',
      summary: 'assess a key account: the nine scorecard factors on a day (default today); audited',
      tag: 'accounts',
      roles: ACCOUNTS,
      body: assessmentBody,
      input: async (ctx) => ({ id: ctx.params.id ?? '', body: await bodyOf(ctx) }),
      run: async (ctx, i) => {
        const mine = await ctx.accounts.accounts();
        if (!mine.some((a) => a.accountId === i.id)) throw noSuchAccount(i.id);
        const parsed = assessmentBody.safeParse(i.body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const name = issue?.path.join('.') ?? 'factors';
          throw invalidOption(
            name,
            issue?.input ?? null,
            `a number for each factor (${SCORECARD_FACTORS.join(', ')})`,
            msg('api.assessment-factors', {
              value: JSON.stringify(issue?.input ?? null),
              factors: SCORECARD_FACTORS.join(', '),
            }),
          );
        }
        const day = parsed.data.assessedOn ?? ctx.today;
        const header = ['account_id', 'assessed_on', 'assessor', ...SCORECARD_FACTORS];
        const values = [
          i.id,
          day,
          ctx.user.username,
          ...SCORECARD_FACTORS.map((f) => parsed.data.factors[f]),
        ];
        const csv = `${header.join(',')}\n${values.map(csvCell).join(',')}\n`;
        const result = await importFile(ctx.unit, {
          kind: 'assessments',
          path: 'assessment.csv',
          stream: Readable.from([csv]),
          strict: true,
          today: ctx.today,
          rejectsPath: join(files.rejectsDir, `assessment-${randomUUID()}.csv`),
          sourceLabel: `assessment of ${i.id} by ${ctx.user.username}`,
        });
        if (result.rejected > 0) {
          if (result.rejectsPath) await rm(result.rejectsPath, { force: true });
          throw new CvmError(
            'invalid-input',
            msg('import.assessment-not-saved', { problems: result.problems }),
          );
        }
        await recordAudit(ctx.unit, ctx.actor, 'assessment', i.id, {
          assessedOn: day,
          factors: parsed.data.factors,
        });
        const r = await accountsReport(ctx.accounts, parseOptions(accountsInput, { asOf: day }));
        return accountRow(r, i.id);
      },
    }),

    // --- the KPI board: `cvm kpi`
    route({
      method: 'GET',
      path: '/api/kpi',
      summary: 'the KPI catalogue with the targets set (`cvm kpi list`)',
      tag: 'kpi',
      roles: ALL,
      input: () => ({}),
      run: (ctx) => kpiList(ctx.unit),
    }),
    route({
      method: 'GET',
      path: '/api/kpi/status',
      summary: 'each KPI with a target: value, trend, on track / at risk / off track',
      tag: 'kpi',
      roles: ALL,
      query: kpiStatusInput,
      cache: 'shared',
      input: (ctx) => parseOptions(kpiStatusInput, queryOf(ctx)),
      run: (ctx, i) => kpiStatus(ctx.unit, i, ctx.now),
    }),
    route({
      method: 'GET',
      path: '/api/kpi/quality',
      summary: 'how good each KPI is as a KPI: monthly values, noise, trend (`cvm kpi quality`)',
      tag: 'kpi',
      roles: ALL,
      query: kpiQualityInput,
      cache: 'shared',
      input: (ctx) => parseOptions(kpiQualityInput, queryOf(ctx)),
      run: (ctx, i) => kpiQualityReport(ctx.unit, i),
    }),
    route({
      method: 'DELETE',
      path: '/api/kpi/:kpi',
      summary: "remove a KPI's target (`cvm kpi unset`); audited",
      tag: 'kpi',
      roles: ANALYSTS,
      input: (ctx) => parseOptions(kpiUnsetInput, { kpi: ctx.params.kpi }),
      run: async (ctx, i) => {
        await removeKpiTarget(ctx.unit, i.kpi);
        await recordAudit(ctx.unit, ctx.actor, 'kpi.unset', i.kpi);
        return kpiList(ctx.unit);
      },
    }),
    route({
      method: 'PUT',
      path: '/api/kpi/:kpi',
      summary: "set a KPI's target, deadline and owner (replaces the one it had); audited",
      tag: 'kpi',
      roles: ANALYSTS,
      body: kpiSetSchema.omit({ kpi: true }),
      input: async (ctx) => parseOptions(kpiSetInput, { ...(await bodyOf(ctx)), kpi: ctx.params.kpi }),
      run: async (ctx, i) => {
        await setKpiTarget(ctx.unit, i, ctx.now);
        await recordAudit(ctx.unit, ctx.actor, 'kpi.set', i.kpi, {
          target: i.target,
          deadline: i.deadline,
          owner: i.owner,
        });
        return kpiList(ctx.unit);
      },
    }),

    // --- buy-till-you-die models: `cvm model`
    route({
      method: 'POST',
      path: '/api/models/fit',
      summary: 'fit a model on the store: parameters, standard errors, log-likelihood, AIC, BIC',
      tag: 'models',
      roles: ANALYSTS,
      body: fitInput,
      input: async (ctx) => parseOptions(fitInput, await bodyOf(ctx)),
      run: (ctx, i) => {
        const { model } = i;
        if (model === 'sbg')
          throw invalidOption('model', model, 'a model fitted on the store', msg('api.sbg-elsewhere'));
        return fitModel(model, i, ctx.unit);
      },
    }),
    route({
      method: 'POST',
      path: '/api/models/sbg',
      summary: 'fit sBG on cohort survival counts or lifetimes: retention curve and DERL',
      tag: 'models',
      roles: ANALYSTS,
      body: sbgDataInput,
      input: async (ctx) => parseOptions(sbgDataInput, await bodyOf(ctx)),
      run: (_ctx, i) => Promise.resolve(fitSbgOn(i.data, i)),
    }),
    route({
      method: 'GET',
      path: '/api/models/predict',
      summary: 'P(alive), purchases, spend and CLV: the summary, or per customer as CSV with format=csv',
      tag: 'models',
      roles: ANALYSTS,
      query: predictInput,
      input: (ctx) => {
        const raw = queryOf(ctx);
        const format = raw.format ?? 'json';
        if (format !== 'json' && format !== 'csv') throw invalidOption('format', format, 'json or csv');
        const out = join(tmpdir(), `cvm-predict-${randomUUID()}.csv`);
        return { format, input: parseOptions(predictInput, { ...raw, out }) };
      },
      run: async (ctx, i) => {
        try {
          const r = await predict(i.input, ctx.unit);
          if (i.format === 'csv')
            return new Response(await readFile(i.input.out), {
              headers: {
                'content-type': 'text/csv; charset=utf-8',
                'content-disposition': 'attachment; filename="predictions.csv"',
              },
            });
          return { ...r, out: 'predictions.csv' };
        } finally {
          await rm(i.input.out, { force: true });
        }
      },
    }),
    route({
      method: 'GET',
      path: '/api/models/at-risk',
      summary: 'customers with a high value if alive and a low P(alive), highest value first',
      tag: 'models',
      roles: ANALYSTS,
      query: atRiskInput,
      cache: 'shared',
      input: (ctx) => parseOptions(atRiskInput, queryOf(ctx)),
      run: (ctx, i) => atRisk(i, ctx.unit),
    }),
    route({
      method: 'GET',
      path: '/api/models/validate',
      summary: 'fit to the calibration end, compare with the holdout',
      tag: 'models',
      roles: ANALYSTS,
      query: validateInput,
      cache: 'shared',
      input: (ctx) => {
        const raw = queryOf(ctx);
        if (raw.model === 'bgbb')
          throw invalidOption(
            'model',
            'bgbb',
            'a model validated on the store',
            msg('api.bgbb-validate-elsewhere'),
          );
        return parseOptions(validateInput, raw);
      },
      run: (ctx, i) => validate(i, ctx.unit),
    }),
    route({
      method: 'POST',
      path: '/api/models/bgbb/validate',
      summary: 'fit BG/BB on discrete-opportunity patterns and check it against their holdout transactions',
      tag: 'models',
      roles: ANALYSTS,
      body: bgbbValidateDataInput,
      input: async (ctx) => parseOptions(bgbbValidateDataInput, await bodyOf(ctx)),
      run: (_ctx, i) => Promise.resolve(validateBgBbOn('request', i.patterns, i.holdoutOpportunities)),
    }),

    // --- imports: `cvm import`
    route({
      method: 'POST',
      path: '/api/imports/:kind',
      summary:
        'import an uploaded file (multipart field `file`, options as fields; ?progress=TOKEN to follow it); audited',
      tag: 'imports',
      roles: ANALYSTS,
      body: 'multipart',
      input: async (ctx) => {
        const upload = await readUpload(ctx.req, files.limits);
        return { ...upload, kind: ctx.params.kind ?? '' };
      },
      run: (ctx, i) => runImport(ctx, { ...i.fields, kind: i.kind }, i.name, i.stream),
    }),
    route({
      method: 'GET',
      path: '/api/imports',
      summary: 'the import log, newest first, with the rows each still has (`cvm imports list`)',
      tag: 'imports',
      roles: ANALYSTS,
      input: () => ({}),
      run: (ctx) => listImports(ctx.unit),
    }),
    route({
      method: 'POST',
      path: '/api/imports/:id/undo',
      summary: 'remove the rows an import brought in (`cvm imports undo`); audited',
      tag: 'imports',
      roles: ANALYSTS,
      input: (ctx) => parseOptions(undoImportInput, { importId: ctx.params.id }),
      run: async (ctx, i) => {
        const undone = await undoImport(ctx.unit, i);
        await recordAudit(ctx.unit, ctx.actor, 'import.undo', String(i.importId), undone);
        return undone;
      },
    }),
    route({
      method: 'GET',
      path: '/api/imports/progress/:token',
      summary:
        'the progress of an upload started with ?progress=TOKEN: { phase, fraction, message, done } (the user who started it only)',
      tag: 'imports',
      roles: ANALYSTS,
      input: (ctx) => progressToken(ctx.params.token) ?? '',
      run: (ctx, token) => {
        const now = Date.now();
        for (const [k, v] of progressOf) if (v.done && now - v.at > PROGRESS_KEPT_MS) progressOf.delete(k);
        const found = progressOf.get(`${ctx.user.username}\n${token}`);
        if (!found) throw new CvmError('not-found', msg('api.no-progress', { token }));
        return Promise.resolve({ ...found.progress, done: found.done });
      },
    }),
    route({
      method: 'GET',
      path: '/api/imports/:id/rejects',
      summary:
        "an upload's rejected rows (row, line, column, value, reason) as JSON, or the rejects file with format=csv",
      tag: 'imports',
      roles: ANALYSTS,
      query: rejectsQuery,
      input: (ctx) => ({
        ...parseOptions(rejectsQuery, ctx.query),
        ...parseOptions(z.object({ id: field(wholeNumber(1), 0) }), ctx.params),
      }),
      run: async (_ctx, i) => {
        let csv: string;
        try {
          csv = await readFile(rejectsFile(files, i.id), 'utf8');
        } catch {
          throw new CvmError('not-found', msg('api.no-rejects', { id: i.id }));
        }
        if (i.format === 'csv')
          return new Response(csv, {
            headers: {
              'content-type': 'text/csv; charset=utf-8',
              'content-disposition': `attachment; filename="import-${i.id}.rejects.csv"`,
            },
          });
        const [header, ...records] = csvRecords(csv);
        return {
          importId: i.id,
          rejects: records.map((r) => Object.fromEntries((header ?? []).map((h, k) => [h, r[k] ?? '']))),
        };
      },
    }),

    // --- users and the audit log: admins only
    route({
      method: 'GET',
      path: '/api/users',
      summary: 'the users and their roles',
      tag: 'users',
      roles: ADMINS,
      input: () => ({}),
      run: (ctx) => listUsers(ctx.unit),
    }),
    route({
      method: 'POST',
      path: '/api/users',
      summary: 'add a user; audited',
      tag: 'users',
      roles: ADMINS,
      body: addUserInput,
      input: async (ctx) => parseOptions(addUserInput, await bodyOf(ctx)),
      run: (ctx, i) => addUser(ctx.unit, i, ctx.actor),
    }),
    route({
      method: 'PATCH',
      path: '/api/users/:username',
      summary: "change a user's role; audited",
      tag: 'users',
      roles: ADMINS,
      body: setRoleInput.omit({ username: true }),
      input: async (ctx) =>
        parseOptions(setRoleInput, { ...(await bodyOf(ctx)), username: ctx.params.username }),
      run: (ctx, i) => setUserRole(ctx.unit, i, ctx.actor),
    }),
    route({
      method: 'DELETE',
      path: '/api/users/:username',
      summary: 'remove a user and their sessions; audited',
      tag: 'users',
      roles: ADMINS,
      input: (ctx) => parseOptions(removeUserInput, ctx.params),
      run: (ctx, i) => removeUser(ctx.unit, i.username, ctx.actor),
    }),
    route({
      method: 'GET',
      path: '/api/audit',
      summary: 'the audit log, newest first: imports, assessments, KPI targets, user changes',
      tag: 'users',
      roles: ADMINS,
      query: limitField,
      input: (ctx) => parseOptions(limitField, ctx.query),
      run: async (ctx, i) =>
        (await auditLog(ctx.unit, i.limit)).map((e) => ({
          ...e,
          detail: e.detail === null ? null : (JSON.parse(e.detail) as unknown),
        })),
    }),
  ];
}

/** A key-account port with no accounts (what a viewer's summary values). */
const emptyAccounts = {
  accounts: () => Promise.resolve([]),
  latestAssessmentDate: () => Promise.resolve(null),
  latestAssessments: () => Promise.resolve([]),
  assessmentHistory: () => Promise.resolve([]),
  forecasts: () => Promise.resolve([]),
  renewals: () => Promise.resolve([]),
  savedScorecard: () => Promise.resolve(null),
  saveScorecard: () => Promise.reject(new Error('internal error: the empty key-account port saves nothing')),
};
