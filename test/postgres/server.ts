/**
 * The PostgreSQL server the tests use: 127.0.0.1:5432, user postgres, trust auth, database `test`
 * (`CVM_TEST_POSTGRES` overrides the URL). Each test file works in schemas of its own, named after the
 * process and a counter, and drops them afterwards, so parallel files and repeated runs never collide.
 * There is no skip: without a server every test that needs one fails, naming the URL and how to start it.
 */
import pg from 'pg';

export const SERVER_URL = process.env.CVM_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

let schemas = 0;

/** A fresh schema name for this process. */
export function freshSchema(prefix = 'cvm_test'): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${++schemas}`;
}

/** The store location of a schema on the test server. */
export function storeUrl(schema: string): string {
  return `${SERVER_URL}${SERVER_URL.includes('?') ? '&' : '?'}schema=${schema}`;
}

/** Runs SQL on the test server outside any store (setup and clean-up). */
export async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `the PostgreSQL test server at ${SERVER_URL} is not reachable (${error instanceof Error ? error.message : String(error)}); ` +
        'start it with .ci/start-postgres (npm test does) or set CVM_TEST_POSTGRES',
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops the given schemas and everything in them. */
export async function dropSchemas(names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await admin(async (client) => {
    for (const name of names) await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  });
}
