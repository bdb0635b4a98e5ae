/**
 * The import use case: one file of one kind into the store (`cvm import`, the demo loader, later the
 * server). The store's import port does the work; this is the one entry point the outer layers call.
 */
import type { ImportRequest, ImportResult } from '../data/import/types';
import type { StoreUnit } from '../data/store';

export type { FileFormat, ImportProgress, ImportRequest, ImportResult } from '../data/import/types';

/**
 * Imports `request.path` as `request.kind` into `store`: valid rows land in one transaction. The store's
 * data version goes up, so report caches keyed on it recompute.
 */
export async function importFile(store: StoreUnit, request: ImportRequest): Promise<ImportResult> {
  const result = await store.imports.importFile(request);
  await store.users.bumpDataVersion();
  return result;
}
