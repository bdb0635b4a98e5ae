/**
 * The `cvm demo` use case: generate the demo data set, write one CSV file per kind, and load each file
 * through the ordinary import, exactly as a user's files would be. Files go to `out` when given (kept), else
 * to a temporary directory removed afterwards. A database that already holds data is left alone unless
 * `replace` is set: then its tables are emptied first, after the files were written, so a failure while
 * generating never costs the user their data. Emptying and loading run in one transaction of the store:
 * an interrupted build leaves the store as it was, never half a demo.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CvmError } from '../../core/errors';
import type { KindName } from '../../core/kinds';
import { msg, renderMessages } from '../../core/messages/catalogue';
import type { Message } from '../../core/messages/message';
import type { ImportRequest, ImportResult } from '../../data/import/types';
import type { StoreUnit } from '../../data/store';
import { importFile } from '../import';
import { writeKindCsv } from './csv';
import { generateDemo, validateDemoOptions } from './generate';
import { DEFAULT_MODEL, type DemoModel, type DemoOptions } from './params';

/** Loads one file; the import use case by default. */
export type Loader = (store: StoreUnit, request: ImportRequest) => Promise<ImportResult>;

export interface DemoRequest extends DemoOptions {
  /** directory for the CSV files, kept afterwards; a temporary directory when omitted */
  out?: string | undefined;
  /** empty the tables before loading */
  replace?: boolean | undefined;
  /** progress messages ("generating …"), for a terminal: rendered in the face's language */
  onProgress?: ((message: Message) => void) | undefined;
}

export interface LoadedKind {
  kind: KindName;
  file: string;
  rows: number;
  imported: number;
}

export interface DemoResult {
  options: DemoOptions;
  /** where the files are kept, or null when they went to a removed temporary directory */
  out: string | null;
  loaded: LoadedKind[];
  /** wall-clock seconds per phase */
  seconds: { generate: number; write: number; load: number; total: number };
}

/** Kinds in load order: customers before the records that name them. */
const LOAD_ORDER: readonly KindName[] = [
  'customers',
  'transactions',
  'contracts',
  'complaints',
  'surveys',
  'accounts',
  'assessments',
  'forecasts',
  'renewals',
];

/** Throws `conflict` when the store already holds data and `replace` is not set. */
async function checkEmpty(store: StoreUnit, replace: boolean): Promise<void> {
  if (replace) return;
  const filled = (await store.meta.tables()).filter((t) => t.rows > 0);
  if (filled.length === 0) return;
  throw new CvmError(
    'conflict',
    msg('demo.not-empty', {
      location: store.location,
      tables: filled.map((t) => ({ kind: t.kind, rows: t.rows })),
    }),
  );
}

/** Builds the demo and loads it into `store`. */
export async function buildDemo(
  store: StoreUnit,
  request: DemoRequest,
  load: Loader = importFile,
  model: DemoModel = DEFAULT_MODEL,
): Promise<DemoResult> {
  const options = validateDemoOptions(request);
  const progress = request.onProgress ?? ((): void => undefined);
  await checkEmpty(store, request.replace === true);
  const t0 = performance.now();
  progress(
    msg('progress.demo.generating', { customers: options.customers, seed: options.seed, end: options.end }),
  );
  const tables = generateDemo(options, model);
  const t1 = performance.now();
  const dir = request.out ? resolve(request.out) : mkdtempSync(join(tmpdir(), 'cvm-demo-'));
  try {
    mkdirSync(dir, { recursive: true });
    const files = LOAD_ORDER.filter((kind) => tables[kind]).map((kind) => {
      const rows = tables[kind] ?? [];
      return { kind, rows: rows.length, file: writeKindCsv(dir, kind, rows) };
    });
    const t2 = performance.now();
    const loaded: LoadedKind[] = [];
    // One transaction for the whole demo: an interrupted build (Ctrl-C, a kill) leaves the store as it was.
    await store.atomically(async () => {
      if (request.replace) await store.summary.clearData();
      for (const { kind, rows, file } of files) {
        progress(msg('progress.demo.loading', { kind, rows }));
        const result = await load(store, {
          kind,
          path: file,
          format: 'csv',
          delimiter: ',',
          decimal: '.',
          strict: true,
          // a temporary file is gone afterwards: the import log names the demo instead
          sourceLabel: request.out ? undefined : `demo (seed ${options.seed}): ${kind}.csv`,
        });
        // every generated row is valid by construction: anything else is a bug in the generator
        if (result.rejected > 0 || result.imported !== rows)
          throw new Error(
            `internal error: demo ${kind}: ${result.imported} of ${rows} rows imported, ${result.rejected} rejected: ${renderMessages(result.problems.slice(0, 3), 'en').join('; ')}`,
          );
        loaded.push({ kind, file, rows, imported: result.imported });
      }
    });
    const t3 = performance.now();
    const s = (ms: number): number => Math.round(ms) / 1000;
    return {
      options,
      out: request.out ? dir : null,
      loaded,
      seconds: { generate: s(t1 - t0), write: s(t2 - t1), load: s(t3 - t2), total: s(t3 - t0) },
    };
  } finally {
    if (!request.out) rmSync(dir, { recursive: true, force: true });
  }
}
