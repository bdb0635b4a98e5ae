/**
 * Versioned schema. Each migration runs once, in order, inside a transaction, and is recorded in
 * `schema_migrations`. Never edit a migration that has shipped: add the next one.
 *
 * Money is DECIMAL(18,2) (exact; totals never depend on addition order). The DDL is portable SQL. Natural
 * keys are kept unique by the import (reject duplicates within a file, replace on re-import) rather than by
 * PRIMARY KEY constraints: in DuckDB a key index makes a 10 M-row load five times slower (measured 13.3 s
 * against 2.7 s), and the analytic queries never look rows up by key.
 */

/** The tables an import lands in (one per kind, see tables.ts). */
const IMPORTED_TABLES = [
  'customers',
  'transactions',
  'contracts',
  'complaints',
  'survey_responses',
  'key_accounts',
  'assessments',
  'account_forecasts',
  'renewals',
] as const;

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
  /**
   * Set when the statements are for one engine only (a storage setting the other engine has no word for).
   * The other engine records the version as applied and runs nothing.
   */
  only?: 'duckdb';
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'customer data',
    statements: [
      `CREATE TABLE customers (
        customer_id VARCHAR NOT NULL, name VARCHAR, acquired_on DATE, region VARCHAR, channel VARCHAR,
        needs_group VARCHAR, account_manager VARCHAR)`,
      `CREATE TABLE transactions (
        order_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, order_date DATE NOT NULL,
        amount DECIMAL(18,2) NOT NULL, margin DECIMAL(18,2), product_line VARCHAR, channel VARCHAR)`,
      `CREATE TABLE contracts (
        contract_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, start_date DATE NOT NULL, end_date DATE,
        renewed BOOLEAN, product_line VARCHAR)`,
      `CREATE TABLE complaints (
        complaint_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, opened_at TIMESTAMP NOT NULL,
        first_response_at TIMESTAMP, resolved_at TIMESTAMP, category VARCHAR, priority VARCHAR, channel VARCHAR,
        outcome VARCHAR, satisfaction INTEGER)`,
      `CREATE TABLE survey_responses (
        response_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, answered_on DATE NOT NULL,
        kind VARCHAR NOT NULL, score INTEGER NOT NULL, comment VARCHAR)`,
      `CREATE TABLE key_accounts (
        account_id VARCHAR NOT NULL, name VARCHAR NOT NULL, account_manager VARCHAR NOT NULL, customer_id VARCHAR)`,
      `CREATE TABLE assessments (
        account_id VARCHAR NOT NULL, assessed_on DATE NOT NULL, assessor VARCHAR NOT NULL,
        other_relationships DECIMAL(18,4) NOT NULL, business_lines DECIMAL(18,4) NOT NULL,
        relationship_years DECIMAL(18,4) NOT NULL, broker_relationship INTEGER NOT NULL,
        relationship_quality INTEGER NOT NULL, contacts_at_customer DECIMAL(18,4) NOT NULL,
        contacts_at_company DECIMAL(18,4) NOT NULL, knowledge_of_company INTEGER NOT NULL,
        knowledge_of_industry INTEGER NOT NULL)`,
      `CREATE TABLE account_forecasts (
        account_id VARCHAR NOT NULL, year INTEGER NOT NULL, revenue DECIMAL(18,2) NOT NULL,
        cost_to_serve DECIMAL(18,2) NOT NULL, claims_cost DECIMAL(18,2) NOT NULL)`,
      `CREATE TABLE renewals (account_id VARCHAR NOT NULL, due_on DATE NOT NULL, renewed BOOLEAN NOT NULL)`,
      `CREATE TABLE imports (
        import_id INTEGER NOT NULL, kind VARCHAR NOT NULL, source VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL,
        rows_imported BIGINT NOT NULL, rows_rejected BIGINT NOT NULL)`,
    ],
  },
  {
    version: 2,
    name: 'kpi board',
    statements: [
      `CREATE TABLE kpi_targets (
        kpi_id VARCHAR NOT NULL, target_value DOUBLE PRECISION, range_low DOUBLE PRECISION,
        range_high DOUBLE PRECISION, deadline DATE NOT NULL, owner VARCHAR NOT NULL, set_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE kpi_snapshots (
        kpi_id VARCHAR NOT NULL, as_of DATE NOT NULL, value DOUBLE PRECISION, taken_at TIMESTAMP NOT NULL)`,
    ],
  },
  {
    version: 3,
    name: 'users and audit',
    statements: [
      `CREATE TABLE users (
        username VARCHAR NOT NULL, role VARCHAR NOT NULL, display_name VARCHAR, password_hash VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE sessions (
        session_id VARCHAR NOT NULL, username VARCHAR NOT NULL, csrf_token VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL, expires_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE audit_log (
        entry_id BIGINT NOT NULL, logged_at TIMESTAMP NOT NULL, username VARCHAR NOT NULL, action VARCHAR NOT NULL,
        target VARCHAR, detail VARCHAR)`,
      `CREATE TABLE data_version (version BIGINT NOT NULL)`,
      `INSERT INTO data_version VALUES (0)`,
    ],
  },
  {
    version: 4,
    name: 'contract fees',
    statements: [
      // The optional yearly fee of a contract: revenue where invoices are not linked (docs/metrics.md).
      'ALTER TABLE contracts ADD COLUMN annual_fee DECIMAL(18,2)',
    ],
  },
  {
    // Every row records the import that brought it in, so that `cvm imports undo` removes exactly those rows
    // and `cvm import --replace` replaces what an earlier import of the same file brought in. Rows stored
    // before this migration have no import id (NULL), and their imports say so (rows_tagged false).
    version: 5,
    name: 'import ids on rows',
    statements: [
      ...IMPORTED_TABLES.map((table) => `ALTER TABLE ${table} ADD COLUMN import_id INTEGER`),
      // The import log gains three columns. DuckDB refuses to commit a transaction that alters one table with
      // rows more than once, so the table is rebuilt with them instead (test/store/upgrade.test.ts).
      `CREATE TABLE imports_v5 (
        import_id INTEGER NOT NULL, kind VARCHAR NOT NULL, source VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL,
        rows_imported BIGINT NOT NULL, rows_rejected BIGINT NOT NULL, rows_tagged BOOLEAN DEFAULT false,
        undone_at TIMESTAMP, replaced_by INTEGER)`,
      `INSERT INTO imports_v5 (import_id, kind, source, imported_at, rows_imported, rows_rejected)
        SELECT import_id, kind, source, imported_at, rows_imported, rows_rejected FROM imports`,
      `DROP TABLE imports`,
      `ALTER TABLE imports_v5 RENAME TO imports`,
    ],
  },
  {
    version: 6,
    name: 'invoices and the exported next-best-action log',
    statements: [
      `CREATE TABLE invoices (
        invoice_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, issued_on DATE NOT NULL, due_on DATE NOT NULL,
        paid_on DATE, amount DECIMAL(18,2), import_id INTEGER)`,
      `CREATE TABLE action_log (
        suggestion_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, action_id VARCHAR NOT NULL,
        as_of DATE NOT NULL, exported_at TIMESTAMP NOT NULL)`,
    ],
  },
  {
    // Orders without an amount (a log of dates and ids) still count as activity; the value reports refuse
    // data that mostly lacks amounts (app/reports/basis.ts).
    version: 7,
    name: 'optional order amount',
    statements: ['ALTER TABLE transactions ALTER COLUMN amount DROP NOT NULL'],
  },
  {
    version: 8,
    name: 'customer category spend',
    statements: [
      // The optional estimate of a customer's yearly spend in the category: share of wallet (docs/metrics.md).
      'ALTER TABLE customers ADD COLUMN category_spend DECIMAL(18,2)',
    ],
  },
  {
    version: 9,
    name: 'sign-in failures and the saved scorecard',
    statements: [
      // Failed sign-ins, counted per username and per client address (`server/limiter.ts`): kept in the store
      // so that the limits survive a restart and hold across server processes on one store.
      `CREATE TABLE login_failures (limit_key VARCHAR NOT NULL, failed_at TIMESTAMP NOT NULL)`,
      // The scorecard edited through the API (or `cvm accounts scorecard --save`): at most one row, the JSON
      // the key-account reports use when no scorecard file is given.
      `CREATE TABLE saved_scorecard (definition VARCHAR NOT NULL, saved_at VARCHAR NOT NULL, saved_by VARCHAR NOT NULL)`,
    ],
  },
  {
    version: 10,
    name: 'loyalty-programme membership',
    statements: [
      // The optional day a customer joined the loyalty programme: the programme report (docs/metrics.md).
      'ALTER TABLE customers ADD COLUMN member_since DATE',
    ],
  },
  {
    // DuckDB stores the order ids with FSST in the end, but first tries dictionary compression on every
    // segment, which costs about 1 s of CPU per 10 M imported rows (docs/import.md, "Benchmark"). Naming the
    // compression skips the trial; the stored bytes are the same. The customer id keeps DuckDB's choice: where
    // a customer's orders lie together it is stored as a dictionary, and fixing it to FSST made the reports,
    // which group by it, about 10 % slower. A column's compression is set when the table is created, so the
    // table is rebuilt with its rows (and no indexes: it has none). New stores get the setting by this
    // migration too, on the table migration 1 has just created empty. PostgreSQL has no such setting and
    // records the version only.
    version: 11,
    name: 'fsst for order ids',
    only: 'duckdb',
    statements: [
      `CREATE TABLE transactions_v11 (
        order_id VARCHAR USING COMPRESSION fsst NOT NULL, customer_id VARCHAR NOT NULL, order_date DATE NOT NULL,
        amount DECIMAL(18,2), margin DECIMAL(18,2), product_line VARCHAR, channel VARCHAR, import_id INTEGER)`,
      `INSERT INTO transactions_v11 (order_id, customer_id, order_date, amount, margin, product_line, channel,
        import_id)
        SELECT order_id, customer_id, order_date, amount, margin, product_line, channel, import_id
        FROM transactions`,
      'DROP TABLE transactions',
      'ALTER TABLE transactions_v11 RENAME TO transactions',
    ],
  },
];
