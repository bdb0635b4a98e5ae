/** DuckDB implementation of the import port. */
import type { ImportPort } from '../import/types';
import type { Db } from './connection';

export class DuckDbImports implements ImportPort {
  constructor(readonly db: Db) {}
}
