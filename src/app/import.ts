/**
 * The import use cases: one file of one kind into the store (`cvm import`, the demo loader, later the
 * server), the import log (`cvm imports list`) and undoing an import (`cvm imports undo`). The store's
 * import port does the work; these are the entry points the outer layers call.
 */
import type { ImportRecord, ImportRequest, ImportResult, UndoneImport } from '../data/import/types';
import type { StoreUnit } from '../data/store';

export type {
  FileFormat,
  ImportProgress,
  ImportRecord,
  ImportRequest,
  ImportResult,
  UndoneImport,
} from '../data/import/types';

/**
 * Imports `request.path` as `request.kind` into `store`: valid rows land in one transaction. The store's
 * data version goes up, so report caches keyed on it recompute.
 */
export async function importFile(store: StoreUnit, request: ImportRequest): Promise<ImportResult> {
  const result = await store.imports.importFile(request);
  await store.users.bumpDataVersion();
  return result;
}

/** Every import, newest first, with the rows each still has in the store. */
export function listImports(store: StoreUnit): Promise<ImportRecord[]> {
  return store.importLog.list();
}

/**
 * Removes the rows import `importId` brought in (those still stored), in one transaction; the data version
 * goes up as for an import.
 */
export async function undoImport(store: StoreUnit, input: { importId: number }): Promise<UndoneImport> {
  const undone = await store.importLog.undo(input.importId);
  await store.users.bumpDataVersion();
  return undone;
}
