/**
 * A report shown as tables without a page of its own: every array of records in the JSON (at the top or
 * one level down) becomes a table with CSV export, columns typed from their values; `notes` are listed.
 * Used for the reports that landed after the dashboard's charts were drawn (subscriptions, strategy).
 */
import { Notes, TablePanel } from './ChartPanel';
import type { Col } from './DataTable';
import type { Kind } from '../format';

type Row = Record<string, unknown>;

const isRecord = (x: unknown): x is Row => x !== null && typeof x === 'object' && !Array.isArray(x);
const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** One record as a table row: nested records become `key.sub` columns, lists of values one `; `-joined cell. */
function flatten(row: Row, prefix = ''): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isPrimitive(v)) out[key] = v;
    else if (Array.isArray(v) && v.every(isPrimitive)) out[key] = v.join('; ');
    else if (isRecord(v) && !prefix) Object.assign(out, flatten(v, key));
    else out[key] = JSON.stringify(v);
  }
  return out;
}

function kindOf(key: string, values: unknown[]): Kind {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.length === 0) return 'text';
  if (/share|retention|churn|rate|probability/i.test(key) && numbers.every((v) => v >= -1 && v <= 1))
    return 'percent';
  return numbers.every((v) => Number.isInteger(v)) ? 'int' : 'decimal';
}

/** The tables of a JSON value: [path, rows] for each array of flat records. */
export function tablesOf(json: unknown, path = ''): [string, Row[]][] {
  if (Array.isArray(json))
    return json.length > 0 && json.every(isRecord) ? [[path || 'rows', json.map((r) => flatten(r))]] : [];
  if (json === null || typeof json !== 'object' || path.split('.').length > 2) return [];
  return Object.entries(json).flatMap(([k, v]) => tablesOf(v, path ? `${path}.${k}` : k));
}

export function JsonTables({ json, name }: { json: unknown; name: string }) {
  const tables = tablesOf(json);
  const notes = (json as { notes?: unknown } | null)?.notes;
  return (
    <>
      {tables.map(([path, rows]) => {
        const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
        const columns: Col[] = keys.map((k) => ({
          key: k,
          header: k,
          kind: kindOf(
            k,
            rows.map((r) => r[k]),
          ),
        }));
        return (
          <TablePanel
            key={path}
            title={path}
            csvName={`${name}-${path.replace(/\./g, '-')}`}
            columns={columns}
            rows={rows}
          />
        );
      })}
      {Array.isArray(notes) && <Notes notes={notes.filter((n): n is string => typeof n === 'string')} />}
    </>
  );
}
