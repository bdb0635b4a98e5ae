/** `cvm info`: rows and date ranges per table, customers with transactions, and the latest imports. */
import type { Command } from 'commander';
import { getInfo, type InfoReport } from '../../app/info';
import { globalOptions, print, withCliUnit } from '../context';
import { inBoth, l } from '../views/labels';
import { formatNumber, type Printable, type TableView } from '../output';
import { help } from '../help';

/** The tables of an info report (also printed by `cvm start`). */
export function infoTables(info: InfoReport): TableView[] {
  const loaded: TableView = {
    name: 'data',
    title: l(`Data in ${info.location}`, `Data i ${info.location}`),
    columns: [
      { key: 'kind', label: l('Kind', 'Typ'), type: 'text' },
      { key: 'table', label: l('Table', 'Tabell'), type: 'text' },
      { key: 'rows', label: l('Rows', 'Rader'), type: 'int' },
      { key: 'dateColumn', label: l('Date column', 'Datumkolumn'), type: 'text' },
      { key: 'from', label: l('From', 'Från'), type: 'date' },
      { key: 'to', label: l('To', 'Till'), type: 'date' },
    ],
    rows: info.tables.map((t) => ({ ...t })),
    notes: [
      inBoth((lang) =>
        lang === 'sv'
          ? `kunder med transaktioner: ${formatNumber(info.customersWithTransactions, 0, lang)}`
          : `customers with transactions: ${formatNumber(info.customersWithTransactions, 0, lang)}`,
      ),
    ],
  };
  const imports: TableView = {
    name: 'imports',
    title: l('Recent imports', 'Senaste importer'),
    columns: [
      { key: 'importedAt', label: l('Imported at', 'Importerad'), type: 'text' },
      { key: 'kind', label: l('Kind', 'Typ'), type: 'text' },
      { key: 'rowsImported', label: l('Rows', 'Rader'), type: 'int' },
      { key: 'rowsRejected', label: l('Rejected', 'Avvisade'), type: 'int' },
      { key: 'source', label: l('Source', 'Källa'), type: 'text' },
    ],
    rows: info.recentImports.map((i) => ({ ...i })),
    ...(info.recentImports.length === 0 ? { notes: [l('no imports yet', 'inga importer än')] } : {}),
  };
  return [loaded, imports];
}

export function infoPrintable(info: InfoReport): Printable {
  return { json: info, tables: infoTables(info) };
}

export function registerInfo(program: Command): void {
  program
    .command('info')
    .description(help('help.list.info'))
    .action(async (_options: unknown, command: Command) => {
      const options = globalOptions(command);
      const info = await withCliUnit(options, (unit) => getInfo(unit));
      print(infoPrintable(info), options);
    });
}
