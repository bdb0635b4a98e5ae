/** DuckDB implementation of the import port. */
import type { ImportPort, ImportRequest, ImportResult } from '../import/types';
import type { Db } from './connection';

export class DuckDbImports implements ImportPort {
  constructor(readonly db: Db) {}

  importFile(_request: ImportRequest): Promise<ImportResult> {
    return Promise.reject(new Error('not implemented yet'));
  }
}
