/** `cvm imports list|undo`: the import log, and undoing an import (docs/import.md, "Replacing and undoing"). */
import type { Command } from 'commander';
import { listImports, undoImport } from '../../app/import';
import { undoImportInput } from '../../app/options/import';
import { parseOptions } from '../../app/options/parse';
import { globalOptions, print, withCliUnit } from '../context';
import { importListPrintable, undonePrintable } from '../views/imports';
import { help } from '../help';

export function registerImports(program: Command): void {
  const imports = program.command('imports').description(help('help.list.imports'));
  imports
    .command('list')
    .description(help('help.imports.list'))
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      const list = await withCliUnit(global, (unit) => listImports(unit));
      print(importListPrintable(list, global.lang), global);
    });
  imports
    .command('undo <id>')
    .description(help('help.imports.undo'))
    .action(async (id: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(undoImportInput, { importId: id });
      const undone = await withCliUnit(global, (unit) => undoImport(unit, input));
      print(undonePrintable(undone), global);
    });
}
