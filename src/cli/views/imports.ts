/** Import log table views: `imports list` and `imports undo`, and the rule line of `import`. */
import type { ImportRecord, ImportResult, UndoneImport } from '../../app/import';
import { formatNumber, type Lang, type Printable } from '../output';
import { col, inBoth, l } from './labels';
import { msg, type Message } from '../../core/messages/catalogue';

const STATE = {
  active: l('active', 'aktiv'),
  undone: l('undone', 'ångrad'),
  replaced: l('replaced', 'ersatt'),
};

export function importListPrintable(list: ImportRecord[], lang: Lang): Printable {
  return {
    json: list,
    tables: [
      {
        name: 'imports',
        title: l('Imports, newest first', 'Importer, senaste först'),
        columns: [
          col('importId', l('Import', 'Import'), 'int'),
          col('importedAt', l('Imported at', 'Importerad'), 'text'),
          col('kind', l('Kind', 'Typ'), 'text'),
          col('rowsImported', l('Rows imported', 'Importerade rader'), 'int'),
          col('rowsRejected', l('Rejected', 'Avvisade'), 'int'),
          col('rowsStored', l('Rows stored now', 'Lagrade rader nu'), 'int'),
          col('state', l('State', 'Status'), 'text'),
          col('endedAt', l('Undone / replaced at', 'Ångrad / ersatt'), 'text'),
          col('replacedBy', l('Replaced by', 'Ersatt av'), 'int'),
          col('source', l('Source', 'Källa'), 'text'),
        ],
        rows: list.map((r) => ({ ...r, state: STATE[r.state][lang] })),
        notes:
          list.length === 0
            ? [l('no imports yet', 'inga importer än')]
            : list.some((r) => r.rowsStored === null)
              ? [
                  l(
                    '– in Rows stored now: the import was made before rows recorded their import and cannot be undone',
                    '– i Lagrade rader nu: importen gjordes innan rader fick sitt import-id och kan inte ångras',
                  ),
                ]
              : [],
      },
    ],
  };
}

export function undonePrintable(undone: UndoneImport): Printable {
  return {
    json: undone,
    tables: [
      {
        name: 'undo',
        title: l('Import undone', 'Import ångrad'),
        columns: [
          col('importId', l('Import', 'Import'), 'int'),
          col('kind', l('Kind', 'Typ'), 'text'),
          col('rowsRemoved', l('Rows removed', 'Borttagna rader'), 'int'),
          col('source', l('Source', 'Källa'), 'text'),
        ],
        rows: [{ ...undone }],
        notes: [
          inBoth((lang) =>
            lang === 'sv'
              ? `import ${undone.importId} ångrad: ${formatNumber(undone.rowsRemoved, 0, lang)} rader borttagna`
              : `import ${undone.importId} undone: ${formatNumber(undone.rowsRemoved, 0, lang)} rows removed`,
          ),
        ],
      },
    ],
  };
}

/** Which rule an import applied, in one line: appended, replaced by key, or replaced an earlier import. */
export function ruleLine(result: ImportResult, lang: Lang): string {
  const n = (value: number): string => formatNumber(value, 0, lang);
  const sv = lang === 'sv';
  const parts: string[] = [];
  for (const r of result.replacedImports)
    parts.push(
      sv
        ? `ersatte en tidigare import av filen: ${r.importId}, ${n(r.rows)} rader`
        : `replaced an earlier import of this file: ${r.importId}, ${n(r.rows)} rows`,
    );
  if (result.replacedByKey > 0)
    parts.push(
      sv
        ? `ersatte rader med samma naturliga nyckel: ${n(result.replacedByKey)}`
        : `replaced rows with the same natural key: ${n(result.replacedByKey)}`,
    );
  if (parts.length === 0) parts.push(sv ? 'tillagda' : 'appended');
  return `import ${result.importId}: ${parts.join('; ')}`;
}

/**
 * The warning when earlier imports of the same file still have rows beside this one's: a corrected file
 * whose rows have no ids then adds rows instead of replacing them.
 */
export function earlierImportsWarning(result: ImportResult, replace: boolean): Message | null {
  const ids = result.earlierImports;
  if (ids.length === 0) return null;
  return msg(replace ? 'import.earlier-kept' : 'import.earlier-beside', { ids: ids.join(', ') });
}
