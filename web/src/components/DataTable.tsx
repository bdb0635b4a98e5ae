/** A table of rows with typed, language-formatted columns. */
import { fmt, type Kind } from '../format';
import { useSettings } from '../settings';

export interface Col {
  key: string;
  header: string;
  kind: Kind;
  decimals?: number;
}

export function DataTable({
  columns,
  rows,
  caption,
  totalRows = 0,
  rowKey,
  onRowClick,
}: {
  columns: readonly Col[];
  rows: readonly Record<string, unknown>[];
  caption?: string;
  /** how many rows at the end are totals (drawn with a rule above) */
  totalRows?: number;
  rowKey?: (row: Record<string, unknown>, i: number) => string;
  onRowClick?: (row: Record<string, unknown>) => void;
}) {
  const { settings } = useSettings();
  return (
    <div className="table-wrap">
      <table>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.kind === 'text' || c.kind === 'date' ? '' : 'num'}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr
              key={rowKey ? rowKey(r, i) : i}
              className={i >= rows.length - totalRows ? 'total' : ''}
              onClick={onRowClick ? () => onRowClick(r) : undefined}
            >
              {columns.map((c) => (
                <td key={c.key} className={c.kind === 'text' || c.kind === 'date' ? '' : 'num'}>
                  {fmt(r[c.key], c.kind, settings.lang, c.decimals)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
