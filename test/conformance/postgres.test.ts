/**
 * The store conformance suite on PostgreSQL (the server on 127.0.0.1:5432, test/postgres/server.ts): every
 * store it opens is a fresh schema, dropped when the file is done. Without the server it fails, never skips.
 */
import { afterAll, beforeAll, it } from 'vitest';
import { openStore } from '../../src/app/open-store';
import { admin, dropSchemas, freshSchema, storeUrl } from '../postgres/server';
import { describeStore } from './describe-store';

const created: string[] = [];

beforeAll(async () => {
  await admin((client) => client.query('SELECT 1'));
});

it('reaches the PostgreSQL test server', async () => {
  await admin((client) => client.query('SELECT 1'));
});

describeStore('postgres', () => {
  const schema = freshSchema();
  created.push(schema);
  return openStore(storeUrl(schema));
});

afterAll(() => dropSchemas(created));
