/**
 * The record schema: the kinds of records CVM ingests (docs/domain.md, "Data the product ingests"), their
 * canonical columns, types, which are required, value ranges and the natural key an import upserts on.
 * The import validation and the demo generator are driven by it; the store's DDL (data/sql/migrations.ts)
 * is written by hand and a test holds it to this schema. How files name the columns (header synonyms) is
 * the import's vocabulary (data/import/vocabulary.ts); table names are the store's (data/sql/tables.ts).
 */

export type ColumnType =
  | 'id' // trimmed non-empty text
  | 'text'
  | 'date' // calendar day
  | 'timestamp' // local wall-clock time of the business (no zone)
  | 'money' // major currency units, exact to 2 decimals
  | 'decimal' // exact number, up to 4 decimals
  | 'integer'
  | 'boolean';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required?: boolean;
  /** inclusive bounds for numbers */
  min?: number;
  max?: number;
  /** allowed values (lower case) for text columns */
  values?: readonly string[];
}

export type KindName =
  | 'customers'
  | 'transactions'
  | 'contracts'
  | 'complaints'
  | 'surveys'
  | 'accounts'
  | 'assessments'
  | 'forecasts'
  | 'renewals'
  | 'invoices';

export interface KindSpec {
  kind: KindName;
  columns: readonly ColumnSpec[];
  /** columns that identify a record; re-importing a record with the same key replaces it */
  key: readonly string[];
}

const customerId: ColumnSpec = {
  name: 'customer_id',
  type: 'id',
  required: true,
};
const accountId: ColumnSpec = {
  name: 'account_id',
  type: 'id',
  required: true,
};

/** Scorecard factor columns (Ryals & Knox 2007, Table 2), in the paper's order. */
export const SCORECARD_FACTORS = [
  'other_relationships',
  'business_lines',
  'relationship_years',
  'broker_relationship',
  'relationship_quality',
  'contacts_at_customer',
  'contacts_at_company',
  'knowledge_of_company',
  'knowledge_of_industry',
] as const;

const subjective = new Set([
  'broker_relationship',
  'relationship_quality',
  'knowledge_of_company',
  'knowledge_of_industry',
]);

export const KINDS: Readonly<Record<KindName, KindSpec>> = {
  customers: {
    kind: 'customers',
    key: ['customer_id'],
    columns: [
      customerId,
      { name: 'name', type: 'text' },
      {
        name: 'acquired_on',
        type: 'date',
      },
      { name: 'region', type: 'text' },
      { name: 'channel', type: 'text' },
      { name: 'needs_group', type: 'text' },
      { name: 'account_manager', type: 'text' },
      // the customer's estimated yearly spend in the category, major units: share of wallet
      { name: 'category_spend', type: 'money', min: 0 },
      // the day the customer joined the loyalty programme: the programme report (a later day = not yet a member)
      { name: 'member_since', type: 'date' },
    ],
  },
  transactions: {
    kind: 'transactions',
    key: ['order_id'],
    columns: [
      {
        name: 'order_id',
        type: 'id',
      },
      customerId,
      {
        name: 'order_date',
        type: 'date',
        required: true,
      },
      // Optional: orders without an amount still show a customer is active (activity, retention trend,
      // tenure, cohort retention); the value reports need amounts and refuse data that mostly lacks them.
      { name: 'amount', type: 'money' },
      { name: 'margin', type: 'money' },
      {
        name: 'product_line',
        type: 'text',
      },
      { name: 'channel', type: 'text' },
    ],
  },
  contracts: {
    kind: 'contracts',
    key: ['contract_id'],
    columns: [
      {
        name: 'contract_id',
        type: 'id',
        required: true,
      },
      customerId,
      {
        name: 'start_date',
        type: 'date',
        required: true,
      },
      { name: 'end_date', type: 'date' },
      { name: 'renewed', type: 'boolean' },
      { name: 'product_line', type: 'text' },
      // the contract's fee per year, major units: its revenue when invoices are not linked
      { name: 'annual_fee', type: 'money', min: 0 },
    ],
  },
  complaints: {
    kind: 'complaints',
    key: ['complaint_id'],
    columns: [
      {
        name: 'complaint_id',
        type: 'id',
        required: true,
      },
      customerId,
      {
        name: 'opened_at',
        type: 'timestamp',
        required: true,
      },
      {
        name: 'first_response_at',
        type: 'timestamp',
      },
      {
        name: 'resolved_at',
        type: 'timestamp',
      },
      { name: 'category', type: 'text' },
      { name: 'priority', type: 'text' },
      { name: 'channel', type: 'text' },
      {
        name: 'outcome',
        type: 'text',
        values: ['accepted', 'refused'],
      },
      { name: 'satisfaction', type: 'integer', min: 1, max: 5 },
    ],
  },
  surveys: {
    kind: 'surveys',
    key: ['response_id'],
    columns: [
      { name: 'response_id', type: 'id', required: true },
      customerId,
      {
        name: 'answered_on',
        type: 'date',
        required: true,
      },
      {
        name: 'kind',
        type: 'text',
        required: true,
        values: ['nps', 'csat', 'ces', 'ski'],
      },
      // The range depends on kind (nps 0–10, csat 1–5, ces 1–7, ski 0–100): checked per row by the import.
      {
        name: 'score',
        type: 'integer',
        required: true,
        min: 0,
        max: 100,
      },
      { name: 'comment', type: 'text' },
    ],
  },
  accounts: {
    kind: 'accounts',
    key: ['account_id'],
    columns: [
      accountId,
      { name: 'name', type: 'text', required: true },
      {
        name: 'account_manager',
        type: 'text',
        required: true,
      },
      { ...customerId, required: false },
    ],
  },
  assessments: {
    kind: 'assessments',
    key: ['account_id', 'assessed_on', 'assessor'],
    columns: [
      accountId,
      {
        name: 'assessed_on',
        type: 'date',
        required: true,
      },
      {
        name: 'assessor',
        type: 'text',
        required: true,
      },
      ...SCORECARD_FACTORS.map((name): ColumnSpec =>
        subjective.has(name)
          ? { name, type: 'integer', required: true, min: 1, max: 5 }
          : { name, type: 'decimal', required: true, min: name === 'business_lines' ? 1 : 0, max: 1000 },
      ),
    ],
  },
  forecasts: {
    kind: 'forecasts',
    key: ['account_id', 'year'],
    columns: [
      accountId,
      { name: 'year', type: 'integer', required: true, min: 1, max: 100 },
      {
        name: 'revenue',
        type: 'money',
        required: true,
      },
      { name: 'cost_to_serve', type: 'money', required: true },
      {
        name: 'claims_cost',
        type: 'money',
        required: true,
      },
    ],
  },
  renewals: {
    kind: 'renewals',
    key: ['account_id', 'due_on'],
    columns: [
      accountId,
      {
        name: 'due_on',
        type: 'date',
        required: true,
      },
      {
        name: 'renewed',
        type: 'boolean',
        required: true,
      },
    ],
  },
  invoices: {
    kind: 'invoices',
    key: ['invoice_id'],
    columns: [
      { name: 'invoice_id', type: 'id', required: true },
      customerId,
      { name: 'issued_on', type: 'date', required: true },
      { name: 'due_on', type: 'date', required: true },
      { name: 'paid_on', type: 'date' },
      { name: 'amount', type: 'money' },
    ],
  },
};

export const KIND_NAMES = Object.keys(KINDS) as KindName[];

/** Score range per survey kind (docs/domain.md: NPS 0–10, CSAT 1–5, CES 1–7, SKI 0–100). */
export const SURVEY_SCORE_RANGE: Readonly<Record<'nps' | 'csat' | 'ces' | 'ski', readonly [number, number]>> =
  {
    nps: [0, 10],
    csat: [1, 5],
    ces: [1, 7],
    ski: [0, 100],
  };

/** Parses a kind name given by a user. */
export function isKindName(name: string): name is KindName {
  return Object.prototype.hasOwnProperty.call(KINDS, name);
}
