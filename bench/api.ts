/**
 * Benchmark of the HTTP API (issue targets: report endpoints p95 ≤ 50 ms warm and ≤ 2 s cold with 20
 * concurrent clients on 1 M customers / 10 M transactions, 0 errors while an import runs).
 *
 * Copies the database of bench/data.ts (generated once in .bench-data/), adds a user, and runs the real
 * `cvm serve --port 0` on the copy in a child process. Then, from this process: the seven report endpoints
 * cold: 20 clients at once, each asking for every report (in its own order) right after the start, so the
 * first answers are computed while the others wait for them (p95 over the 140 answers); each endpoint cold
 * on its own: for each report in turn, a one-row transaction upload moves the data version first (so
 * nothing is cached, also no value the reports share), then 20 clients ask that one endpoint at once (p95
 * over its 20 answers), with the server's CPU time for it; 20 clients
 * (autocannon) cycling over them for a bounded time, warm (answered from the cache); and the same load while
 * a 200 000-row transaction upload runs (the import bumps the data version, so the reports are computed
 * again once, shared by the clients that ask meanwhile). p95 is over every response of a phase; errors
 * count non-2xx answers and failures. Last, the dashboard's first view in real Chromium (Debian's
 * /usr/bin/chromium through playwright-core): from navigating to the signed-in dashboard to the overview
 * showing its figures, in a fresh browser context each time (nothing cached in the browser), the reports
 * warm on the server: one view first, not counted, warms the overview's reports after the import moved the
 * data version (its time is printed as the cold first view). The customer page twice: the first customer
 * fits BG/NBD and Gamma-Gamma on every customer, the second reuses that fit (kept per data version). The
 * dashboard's JavaScript in dist/web/assets, gzipped. The load average and this process's CPU time are
 * printed: the machine may be shared.
 *
 * The server of these phases runs with `--no-warm`: a cold phase measures a request that has to compute.
 * Then the warm start: the server is started again on the same database with warming on (the default), and
 * right after it listens one visitor asks the dashboard's first requests (the overview's and each report
 * page's, with the default settings) one after another, then opens the overview in Chromium; the same again
 * right after a one-row upload moved the data version. Each answer's time and whether it came from the
 * cache (`X-Cache`; a hit may have waited for the background computation under way), with the server's CPU
 * time for the phase.
 *
 * Run: `npm run bench -- api` (or `node bin/run-ts.mjs bench/api.ts`); needs `npm run build` first.
 * `--cold` runs the two cold phases only, `--warm-start` the warm start only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { BENCH_FILE, CUSTOMERS, TRANSACTIONS, ensureBenchData } from './data';
import { median } from './timing';

const CONNECTIONS = 20;
const SECONDS = 10;
const IMPORT_ROWS = 200_000;
const FIRST_VIEWS = 5;
const VIEW_TIMEOUT_MS = 300_000;
const REPORTS = ['portfolio', 'flows', 'retention', 'cohorts', 'concentration', 'service', 'satisfaction'];
/** What the dashboard asks first with its default settings: the overview, then each report page. */
const DASHBOARD_FIRST = [
  'summary?window=12',
  'kpi/status',
  'reports/portfolio?window=12&value=revenue',
  'reports/flows?window=12&value=revenue',
  'reports/retention?window=12&value=revenue',
  'reports/cohorts',
  'reports/concentration?window=12&value=revenue',
  'reports/service?window=12&byTier=true',
  'reports/satisfaction?window=12&byTier=true',
];

function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

interface Load {
  requests: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
  rps: number;
}

async function load(url: string, cookie: string, during?: () => Promise<unknown>): Promise<Load> {
  const times: number[] = [];
  let errors = 0;
  let side: Promise<unknown> | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { cookie },
        requests: REPORTS.map((name) => ({ method: 'GET', path: `/api/reports/${name}` })),
      },
      (error: Error | null, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status < 200 || status >= 300) errors++;
    });
    side = during?.();
  });
  await side;
  errors += result.errors + result.timeouts;
  return {
    requests: times.length,
    p50: median(times),
    p95: percentile(times, 95),
    max: Math.max(...times),
    errors,
    rps: times.length / SECONDS,
  };
}

/** Every client asks for every report at once on a cold server; the times of all answers. */
async function coldLoad(url: string, cookie: string): Promise<Load> {
  return askAtOnce(
    url,
    cookie,
    Array.from({ length: CONNECTIONS }, (_, client) =>
      REPORTS.map((_, k) => REPORTS[(client + k) % REPORTS.length] ?? ''),
    ),
  );
}

/** `clients` clients ask one endpoint at once; the times of their answers. */
function oneEndpointCold(url: string, cookie: string, name: string, clients: number): Promise<Load> {
  return askAtOnce(
    url,
    cookie,
    Array.from({ length: clients }, () => [name]),
  );
}

/** One client per list, all at once, each asking its reports one after another; the times of every answer. */
async function askAtOnce(
  url: string,
  cookie: string,
  clients: readonly (readonly string[])[],
): Promise<Load> {
  const times: number[] = [];
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    clients.map(async (names) => {
      for (const name of names) {
        const t0 = performance.now();
        try {
          const answer = await fetch(`${url}/api/reports/${name}`, { headers: { cookie } });
          await answer.arrayBuffer();
          if (answer.status !== 200) errors++;
        } catch {
          errors++;
        }
        times.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return {
    requests: times.length,
    p50: median(times),
    p95: percentile(times, 95),
    max: Math.max(...times),
    errors,
    rps: times.length / seconds,
  };
}

/** Uploads a one-row transaction file: the import moves the data version, so no report is cached. */
async function moveDataVersion(url: string, cookie: string, csrfToken: string, n: number): Promise<void> {
  const form = new FormData();
  const csv = `order_id,customer_id,order_date,amount\nbench-version-${n},c${n},2025-06-15,10.00\n`;
  form.append('file', new File([csv], `version-${n}.csv`, { type: 'text/csv' }));
  const answer = await fetch(`${url}/api/imports/transactions`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken },
    body: form,
  });
  await answer.arrayBuffer();
  if (answer.status !== 200) throw new Error(`the one-row upload answered HTTP ${answer.status}`);
}

/** CPU seconds (user + system) of a process so far; NaN when unknown. */
function cpuSeconds(pid: number | undefined): number {
  const cpu = processCpu(pid);
  return cpu === null ? NaN : cpu.user + cpu.system;
}

/**
 * Milliseconds from navigating to the dashboard (signed in) to the overview showing its figures: the
 * first view (reports computed on the server) and the next `FIRST_VIEWS` (reports warm).
 */
async function firstViews(url: string, cookie: string): Promise<{ cold: number; warm: number[] }> {
  const [cold = NaN, ...warm] = await overviewViews(url, cookie, FIRST_VIEWS + 1);
  return { cold, warm };
}

/** Milliseconds of `views` views of the overview, each in a fresh browser context, one after another. */
async function overviewViews(url: string, cookie: string, views: number): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const [name, value] = cookie.split('=') as [string, string];
  const times: number[] = [];
  try {
    for (let i = 0; i < views; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      await context.addCookies([{ name, value, url }]);
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(`${url}/#/overview`);
      // the first view waits for the reports to be computed after the import: minutes on a loaded machine
      await page.getByTestId('as-of').waitFor({ timeout: VIEW_TIMEOUT_MS });
      // a string: this file is type-checked without the DOM's types
      await page.waitForFunction("document.querySelectorAll('.loading').length === 0", undefined, {
        timeout: VIEW_TIMEOUT_MS,
      });
      times.push(performance.now() - start);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

/** Kilobytes of the dashboard's JavaScript, gzipped (level 9), as the bundle test measures it. */
function shippedJs(): { files: number; kB: number } {
  const assets = join('dist', 'web', 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const bytes = js.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
  return { files: js.length, kB: bytes / 1000 };
}

/** User and system CPU seconds of a process so far, from /proc (Linux); null elsewhere. */
function processCpu(pid: number | undefined): { user: number; system: number } | null {
  try {
    // fields after the command name: state is the 3rd, utime the 14th and stime the 15th, in clock ticks
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const tick = 100;
    return { user: Number(fields[11]) / tick, system: Number(fields[12]) / tick };
  } catch {
    return null;
  }
}

/** Milliseconds of one GET, with its status and `X-Cache`. */
async function timed(url: string, cookie: string): Promise<{ ms: number; status: number; cache: string }> {
  const start = performance.now();
  const answer = await fetch(url, { headers: { cookie } });
  await answer.arrayBuffer();
  return {
    ms: performance.now() - start,
    status: answer.status,
    cache: answer.headers.get('x-cache') ?? '-',
  };
}

interface Serving {
  server: ChildProcess;
  url: string;
  cookie: string;
  csrfToken: string;
  /** milliseconds from spawning the process to its URL being printed */
  startMs: number;
}

/** `cvm serve --port 0` on `db` (with `--no-warm` unless `warm`), signed in as the bench user. */
async function startServe(db: string, warm: boolean): Promise<Serving> {
  const t0 = performance.now();
  const args = ['bin/cvm.mjs', '--db', db, 'serve', '--port', '0', ...(warm ? [] : ['--no-warm'])];
  const server = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /serving on (http:\/\/\S+\/)/.exec(out);
        if (m?.[1]) resolve(m[1].replace(/\/$/, ''));
      });
      server.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
    });
    const startMs = performance.now() - t0;
    const login = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: 'bench password' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return { server, url, cookie, csrfToken, startMs };
  } catch (error) {
    await stopServe(server);
    throw error;
  }
}

async function stopServe(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
}

/** One visitor's first requests, one after another: a line per answer, and the whole time. */
async function firstRequests(url: string, cookie: string): Promise<{ lines: string[]; ms: number }> {
  const lines: string[] = [];
  const start = performance.now();
  for (const path of DASHBOARD_FIRST) {
    const t = await timed(`${url}/api/${path}`, cookie);
    lines.push(
      `  ${path.padEnd(46)} HTTP ${t.status}  ${t.cache.padEnd(4)}  ${t.ms.toFixed(0).padStart(7)} ms`,
    );
  }
  return { lines, ms: performance.now() - start };
}

/**
 * The warm start: the server with warming on, right after it listens and right after an upload; the
 * dashboard's first requests, then one view of the overview. Printed as it goes.
 */
async function warmStart(db: string): Promise<void> {
  const loadBefore = load1();
  const s = await startServe(db, true);
  try {
    const cpu0 = cpuSeconds(s.server.pid);
    const after = await firstRequests(s.url, s.cookie);
    const view = await overviewViews(s.url, s.cookie, 1);
    const cpu1 = cpuSeconds(s.server.pid);
    await moveDataVersion(s.url, s.cookie, s.csrfToken, 100);
    const cpu2 = cpuSeconds(s.server.pid);
    const afterImport = await firstRequests(s.url, s.cookie);
    const viewImport = await overviewViews(s.url, s.cookie, 1);
    const cpu3 = cpuSeconds(s.server.pid);
    console.log(`\nwarm start (warming on): load average before ${loadBefore}, after ${load1()}`);
    console.log(
      `started in ${s.startMs.toFixed(0)} ms (process spawned to URL printed); server CPU before the first request ${cpu0.toFixed(2)} s`,
    );
    console.log(`first requests right after start, one after another: ${after.ms.toFixed(0)} ms`);
    for (const l of after.lines) console.log(l);
    console.log(`then the overview in Chromium: ${(view[0] ?? NaN).toFixed(0)} ms`);
    console.log(`server CPU for the above: ${(cpu1 - cpu0).toFixed(2)} s`);
    console.log(`first requests right after a one-row upload: ${afterImport.ms.toFixed(0)} ms`);
    for (const l of afterImport.lines) console.log(l);
    console.log(`then the overview in Chromium: ${(viewImport[0] ?? NaN).toFixed(0)} ms`);
    console.log(`server CPU from the upload's end: ${(cpu3 - cpu2).toFixed(2)} s`);
  } finally {
    await stopServe(s.server);
  }
}

const load1 = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

async function run(): Promise<void> {
  ensureBenchData();
  const loadBefore = load1();
  const dir = mkdtempSync(join(tmpdir(), 'cvm-bench-api-'));
  const db = join(dir, 'api.duckdb');
  copyFileSync(BENCH_FILE, db);
  const added = spawnSync(
    process.execPath,
    ['bin/cvm.mjs', '--db', db, 'user', 'add', 'bench', '--role', 'analyst', '--password-stdin'],
    { input: 'bench password\n', encoding: 'utf8' },
  );
  if (added.status !== 0) throw new Error(`cannot add the bench user: ${added.stderr}`);
  if (process.argv.includes('--warm-start')) {
    try {
      await warmStart(db);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  // the cold phases measure a request that has to compute: nothing is computed in the background
  const { server, url, cookie, csrfToken } = await startServe(db, false);
  try {
    const coldOnly = process.argv.includes('--cold');
    const cpuAtStart = cpuSeconds(server.pid);
    const cold = await coldLoad(url, cookie);
    const coldCpu = cpuSeconds(server.pid) - cpuAtStart;
    const line = (name: string, l: Load): string =>
      `${name.padEnd(24)} requests ${String(l.requests).padStart(7)}  ${l.rps.toFixed(0).padStart(6)}/s  p50 ${l.p50.toFixed(1).padStart(7)} ms  p95 ${l.p95.toFixed(1).padStart(7)} ms  max ${l.max.toFixed(0).padStart(6)} ms  errors ${l.errors}`;
    const eachCold = async (): Promise<string[]> => {
      const lines: string[] = [];
      for (const [k, name] of REPORTS.entries()) {
        await moveDataVersion(url, cookie, csrfToken, k);
        const before = cpuSeconds(server.pid);
        const l = await oneEndpointCold(url, cookie, name, CONNECTIONS);
        const cpu = cpuSeconds(server.pid) - before;
        lines.push(`${line(`cold: ${name}`, l)}  server CPU ${cpu.toFixed(2)} s`);
      }
      return lines;
    };
    if (coldOnly) {
      const each = await eachCold();
      console.log(
        `\nAPI benchmark, cold phases: ${CONNECTIONS} clients; ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`,
      );
      console.log(`load average (1, 5, 15 min): before ${loadBefore}, after ${load1()}`);
      console.log(`${line('cold (all at once)', cold)}  server CPU ${coldCpu.toFixed(2)} s`);
      for (const l of each) console.log(l);
      await stopServe(server);
      await warmStart(db);
      return;
    }
    const warm = await load(url, cookie);

    const rows = ['order_id,customer_id,order_date,amount'];
    for (let i = 0; i < IMPORT_ROWS; i++)
      rows.push(
        `bench-${i},c${i % 50_000},2025-12-${String(1 + (i % 28)).padStart(2, '0')},${(i % 500) + 10}.50`,
      );
    const form = new FormData();
    form.append('file', new File([rows.join('\n') + '\n'], 'bench.csv', { type: 'text/csv' }));
    let importMs = NaN;
    let importStatus = 0;
    const duringImport = await load(url, cookie, async () => {
      await new Promise((r) => setTimeout(r, 1000));
      const start = performance.now();
      const answer = await fetch(`${url}/api/imports/transactions`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: form,
      });
      importStatus = answer.status;
      await answer.arrayBuffer();
      importMs = performance.now() - start;
    });
    const each = await eachCold();
    const views = await firstViews(url, cookie);
    const customerFit = await timed(`${url}/api/customers/c1`, cookie);
    const customerNext = await timed(`${url}/api/customers/c2`, cookie);
    const js = shippedJs();
    const cpu = process.cpuUsage();
    const serverCpu = processCpu(server.pid);

    console.log(
      `\nAPI benchmark: ${CUSTOMERS.toLocaleString('en')} customers, ${TRANSACTIONS.toLocaleString('en')} transactions; ${CONNECTIONS} clients, ${SECONDS} s per phase`,
    );
    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    );
    console.log(`load average (1, 5, 15 min): before ${loadBefore}, after ${load1()}`);
    console.log(`${line('cold (all at once)', cold)}  server CPU ${coldCpu.toFixed(2)} s`);
    for (const l of each) console.log(l);
    console.log(line('warm (cached)', warm));
    console.log(line('during an import', duringImport));
    console.log(
      `import of ${IMPORT_ROWS.toLocaleString('en')} rows: HTTP ${importStatus} in ${(importMs / 1000).toFixed(1)} s`,
    );
    console.log(
      `dashboard first view (Chromium, fresh context): cold ${views.cold.toFixed(0)} ms; warm, ${FIRST_VIEWS} times: median ${median(views.warm).toFixed(0)} ms, max ${Math.max(...views.warm).toFixed(0)} ms`,
    );
    console.log(
      `customer page: first customer (fits the models) HTTP ${customerFit.status} in ${customerFit.ms.toFixed(0)} ms, next customer (fit kept) HTTP ${customerNext.status} in ${customerNext.ms.toFixed(0)} ms`,
    );
    console.log(`dashboard JS: ${js.files} file(s), ${js.kB.toFixed(1)} kB gzipped`);
    console.log(
      `CPU time of the server: ${serverCpu === null ? 'unknown (no /proc)' : `user ${serverCpu.user.toFixed(1)} s, system ${serverCpu.system.toFixed(1)} s`}`,
    );
    console.log(
      `CPU time of this process (load generator, browser driver): user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s`,
    );
    await stopServe(server);
    await warmStart(db);
  } finally {
    await stopServe(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

await run();
