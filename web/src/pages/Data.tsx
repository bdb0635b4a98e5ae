/**
 * Data: the imports so far with their rejected rows, and an upload of a file of one kind with progress;
 * after the upload the server's verdict: rows imported, rows rejected and each rejected value with its row,
 * column and reason. Analysts and admins can undo an import (`POST /api/imports/:id/undo`, `cvm imports
 * undo`): a button per active import asks for confirmation with the rows it would remove, then shows the
 * rows it removed.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { get, request, upload, type Session } from '../api';
import { TablePanel } from '../components/ChartPanel';
import { ErrorMessage, Load } from '../components/Status';
import { fmt } from '../format';
import { useSettings } from '../settings';
import type { ImportLogRow, ImportResult, UndoneImport } from '../types';
import { useApi } from '../use-api';

/** The server's progress of an import: phase, overall fraction, what it is doing. */
interface ImportPhase {
  phase: string;
  fraction: number;
  message?: string;
  done: boolean;
}

/** A token naming one upload, so that its progress can be asked for while it runs. */
function progressToken(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const KINDS = [
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

/** The rejected rows of an import as the server keeps them: row, line, column, value, reason. */
function Rejects({ path, name }: { path: string; name: string }) {
  const { t } = useSettings();
  const [rows, setRows] = useState<Record<string, string>[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    get<{ rejects: Record<string, string>[] }>(path.replace(/^\/api\//, '')).then(
      (r) => setRows(r.rejects),
      (err: unknown) => setError(err instanceof Error ? err : new Error(String(err))),
    );
  }, [path]);
  if (error) return <ErrorMessage error={error} />;
  if (!rows) return <p className="loading">{t('loading')}</p>;
  return (
    <TablePanel
      title={t('rejects')}
      csvName={name}
      columns={[
        { key: 'row', header: t('row'), kind: 'text' },
        { key: 'line', header: t('line'), kind: 'text' },
        { key: 'column', header: t('column'), kind: 'text' },
        { key: 'value', header: t('value'), kind: 'text' },
        { key: 'reason', header: t('reason'), kind: 'text' },
      ]}
      rows={rows}
    />
  );
}

function UploadForm({ onDone }: { onDone: () => void }) {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const fileId = useId();
  const [kind, setKind] = useState('transactions');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  // the server's side of it once the bytes are sent: reading, checking, landing (GET /api/imports/progress/…)
  const [phase, setPhase] = useState<ImportPhase | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setResult(null);
    setError(null);
    setProgress(0);
    setPhase(null);
    const token = progressToken();
    const poll = setInterval(() => {
      get<ImportPhase>(`imports/progress/${token}`).then(setPhase, () => undefined);
    }, 400);
    const finish = () => {
      clearInterval(poll);
      setProgress(null);
      setPhase(null);
    };
    upload<ImportResult>(`imports/${kind}`, file, setProgress, { progress: token, lang }).then(
      (r) => {
        finish();
        setResult(r);
        onDone();
      },
      (err: unknown) => {
        finish();
        setError(err instanceof Error ? err : new Error(String(err)));
      },
    );
  };
  return (
    <form className="panel" onSubmit={submit} aria-label={t('upload')}>
      <h2>{t('upload')}</h2>
      <div className="form-row">
        <label>
          {t('kind')}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={fileId}>{t('file')}</label>
        <input
          id={fileId}
          name="file"
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,.parquet,.json,.ndjson"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <button type="submit" disabled={!file || progress !== null}>
          {t('upload')}
        </button>
      </div>
      {progress !== null && (
        <p role="status">
          {t('uploading')} <progress max={1} value={progress} /> {fmt(progress, 'percent', lang, 0)}
          {phase && (
            <>
              {' · '}
              {t('importing')} <progress max={1} value={phase.fraction} />{' '}
              {fmt(phase.fraction, 'percent', lang, 0)} {phase.message ?? phase.phase}
            </>
          )}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {result && (
        <div data-testid="import-result" role="status">
          <p>
            <strong>{fmt(result.imported, 'int', lang)}</strong> {t('importedSummary')},{' '}
            <strong data-testid="rejected-count">{fmt(result.rejected, 'int', lang)}</strong>{' '}
            {t('rejectedSummary')}.
          </p>
          {result.problems && result.problems.length > 0 && (
            <ul className="rejects" aria-label={t('rejects')}>
              {result.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {result.rejectsPath && <Rejects path={result.rejectsPath} name={`${result.kind}-rejects`} />}
          {result.warnings && result.warnings.length > 0 && (
            <ul className="notes">
              {result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}

/** A button per import that can be undone; a confirmation with the rows it removes; what was removed. */
function UndoPanel({ rows, onUndone }: { rows: ImportLogRow[]; onUndone: (u: UndoneImport) => void }) {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const [asked, setAsked] = useState<ImportLogRow | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const undoable = rows.filter(
    (r) => r.state === 'active' && r.rowsStored !== null && r.rowsStored !== undefined,
  );
  const idOf = (r: ImportLogRow): number => r.importId ?? r.id ?? 0;
  const confirm = (row: ImportLogRow) => {
    setError(null);
    setBusy(true);
    request<UndoneImport>('POST', `imports/${idOf(row)}/undo`, { lang }).then(
      (u) => {
        setBusy(false);
        setAsked(null);
        onUndone(u);
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof Error ? err : new Error(String(err)));
      },
    );
  };
  return (
    <section className="panel" aria-label={t('undoImports')}>
      <h2>{t('undoImports')}</h2>
      {undoable.length === 0 ? (
        <p>{t('noActiveImports')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('importId')}</th>
              <th>{t('importedAt')}</th>
              <th>{t('kind')}</th>
              <th>{t('source')}</th>
              <th>{t('rowsStored')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {undoable.map((r) => (
              <tr key={idOf(r)} data-testid={`import-${idOf(r)}`}>
                <td>{idOf(r)}</td>
                <td>{r.importedAt}</td>
                <td>{r.kind}</td>
                <td>{r.source}</td>
                <td className="num">{fmt(r.rowsStored ?? 0, 'int', lang)}</td>
                <td>
                  {asked !== null && idOf(asked) === idOf(r) ? (
                    <>
                      <span data-testid="undo-confirm-text">
                        {t('undoConfirmText')} {fmt(r.rowsStored ?? 0, 'int', lang)}
                      </span>{' '}
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => confirm(r)}
                        data-testid="undo-confirm"
                      >
                        {t('undoConfirm')}
                      </button>{' '}
                      <button type="button" onClick={() => setAsked(null)}>
                        {t('eraseCancel')}
                      </button>
                    </>
                  ) : (
                    <button type="button" onClick={() => setAsked(r)} data-testid={`undo-${idOf(r)}`}>
                      {t('undoImport')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

export function DataPage({ session }: { session: Session }) {
  const { t, settings } = useSettings();
  const imports = useApi<ImportLogRow[] | { imports: ImportLogRow[] }>('imports');
  const canUpload = session.user.role === 'admin' || session.user.role === 'analyst';
  const lang = settings.lang;
  // kept here: the list below reloads after an undo, which remounts the undo panel
  const [undone, setUndone] = useState<UndoneImport | null>(null);
  return (
    <>
      <h1>{t('data')}</h1>
      {canUpload && <UploadForm onDone={imports.reload} />}
      {undone && (
        <p role="status" className="panel" data-testid="undo-result">
          {t('undone')}: <strong data-testid="rows-removed">{fmt(undone.rowsRemoved, 'int', lang)}</strong> (
          {t('importId')} {undone.importId}, {undone.kind})
        </p>
      )}
      <Load result={imports}>
        {(data) => {
          const rows = Array.isArray(data) ? data : data.imports;
          const state = { active: t('stateActive'), undone: t('stateUndone'), replaced: t('stateReplaced') };
          return (
            <>
              {canUpload && (
                <UndoPanel
                  rows={rows}
                  onUndone={(u) => {
                    setUndone(u);
                    imports.reload();
                  }}
                />
              )}
              <TablePanel
                title={t('imports')}
                csvName="imports"
                columns={[
                  { key: 'importedAt', header: t('importedAt'), kind: 'text' },
                  { key: 'kind', header: t('kind'), kind: 'text' },
                  { key: 'source', header: t('source'), kind: 'text' },
                  { key: 'rowsImported', header: t('rowsImported'), kind: 'int' },
                  { key: 'rowsRejected', header: t('rowsRejected'), kind: 'int' },
                  { key: 'rowsStored', header: t('rowsStored'), kind: 'int' },
                  { key: 'state', header: t('importState'), kind: 'text' },
                ]}
                rows={rows.map((r) => ({ ...r, state: r.state ? state[r.state] : '' }))}
              />
            </>
          );
        }}
      </Load>
    </>
  );
}
