/**
 * The kinds of records CVM ingests (docs/domain.md, "Data the product ingests"): canonical columns, types,
 * which are required, value ranges, header synonyms and the natural key an import upserts on. The schema
 * migrations are hand-written SQL kept in step with it; the import validation and the demo read it.
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
  /** other header names accepted for this column, compared after normalisation (see normalizeHeader) */
  synonyms?: readonly string[];
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
  | 'renewals';

export interface KindSpec {
  kind: KindName;
  /** store table */
  table: string;
  columns: readonly ColumnSpec[];
  /** columns that identify a record; re-importing a record with the same key replaces it */
  key: readonly string[];
}

const customerId: ColumnSpec = {
  name: 'customer_id',
  type: 'id',
  required: true,
  synonyms: [
    'kundnr',
    'kund_nr',
    'kundnummer',
    'kund_id',
    'customer',
    'customer_no',
    'customer_number',
    'client_id',
    'cust_id',
    'customerid',
  ],
};
const accountId: ColumnSpec = {
  name: 'account_id',
  type: 'id',
  required: true,
  synonyms: ['account', 'konto', 'kundkonto', 'key_account', 'account_no', 'accountid'],
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
    table: 'customers',
    key: ['customer_id'],
    columns: [
      customerId,
      { name: 'name', type: 'text', synonyms: ['namn', 'customer_name', 'kundnamn'] },
      {
        name: 'acquired_on',
        type: 'date',
        synonyms: ['acquired', 'kund_sedan', 'customer_since', 'signup_date', 'created'],
      },
      { name: 'region', type: 'text', synonyms: ['region', 'län', 'lan', 'area'] },
      { name: 'channel', type: 'text', synonyms: ['kanal', 'acquisition_channel'] },
      { name: 'needs_group', type: 'text', synonyms: ['segment', 'behovsgrupp', 'needs', 'life_stage'] },
      { name: 'account_manager', type: 'text', synonyms: ['kam', 'kundansvarig', 'owner'] },
    ],
  },
  transactions: {
    kind: 'transactions',
    table: 'transactions',
    key: ['order_id'],
    columns: [
      {
        name: 'order_id',
        type: 'id',
        synonyms: [
          'ordernr',
          'order_nr',
          'ordernummer',
          'order',
          'order_no',
          'transaction_id',
          'kvittonr',
          'receipt_id',
          'invoice_id',
        ],
      },
      customerId,
      {
        name: 'order_date',
        type: 'date',
        required: true,
        synonyms: [
          'orderdatum',
          'datum',
          'date',
          'köpdatum',
          'kopdatum',
          'purchase_date',
          'transaction_date',
        ],
      },
      {
        name: 'amount',
        type: 'money',
        required: true,
        synonyms: [
          'belopp',
          'summa',
          'omsättning',
          'omsattning',
          'revenue',
          'sales',
          'value',
          'total',
          'dollar_value',
        ],
      },
      { name: 'margin', type: 'money', synonyms: ['marginal', 'bruttovinst', 'gross_margin', 'profit'] },
      {
        name: 'product_line',
        type: 'text',
        synonyms: ['produktlinje', 'product', 'produkt', 'category', 'kategori'],
      },
      { name: 'channel', type: 'text', synonyms: ['kanal', 'sales_channel'] },
    ],
  },
  contracts: {
    kind: 'contracts',
    table: 'contracts',
    key: ['contract_id'],
    columns: [
      {
        name: 'contract_id',
        type: 'id',
        required: true,
        synonyms: ['avtalsnr', 'avtal', 'policy_id', 'policy_no', 'subscription_id', 'contract'],
      },
      customerId,
      {
        name: 'start_date',
        type: 'date',
        required: true,
        synonyms: ['startdatum', 'start', 'from', 'valid_from'],
      },
      { name: 'end_date', type: 'date', synonyms: ['slutdatum', 'end', 'to', 'valid_to', 'cancelled_on'] },
      { name: 'renewed', type: 'boolean', synonyms: ['förnyad', 'fornyad', 'renewal'] },
      { name: 'product_line', type: 'text', synonyms: ['produktlinje', 'product', 'produkt'] },
    ],
  },
  complaints: {
    kind: 'complaints',
    table: 'complaints',
    key: ['complaint_id'],
    columns: [
      {
        name: 'complaint_id',
        type: 'id',
        required: true,
        synonyms: ['reklamationsnr', 'ärende', 'arende', 'ärendenr', 'case_id', 'ticket_id', 'complaint'],
      },
      customerId,
      {
        name: 'opened_at',
        type: 'timestamp',
        required: true,
        synonyms: ['öppnad', 'oppnad', 'inkom', 'created_at', 'opened', 'received_at'],
      },
      {
        name: 'first_response_at',
        type: 'timestamp',
        synonyms: ['första_svar', 'forsta_svar', 'first_response', 'responded_at'],
      },
      {
        name: 'resolved_at',
        type: 'timestamp',
        synonyms: ['löst', 'lost_at', 'avslutad', 'closed_at', 'resolved'],
      },
      { name: 'category', type: 'text', synonyms: ['kategori', 'orsak', 'cause', 'reason'] },
      { name: 'priority', type: 'text', synonyms: ['prioritet', 'prio'] },
      { name: 'channel', type: 'text', synonyms: ['kanal'] },
      {
        name: 'outcome',
        type: 'text',
        values: ['accepted', 'refused'],
        synonyms: ['utfall', 'beslut', 'decision'],
      },
      { name: 'satisfaction', type: 'integer', min: 1, max: 5, synonyms: ['nöjdhet', 'nojdhet', 'csat'] },
    ],
  },
  surveys: {
    kind: 'surveys',
    table: 'survey_responses',
    key: ['response_id'],
    columns: [
      { name: 'response_id', type: 'id', required: true, synonyms: ['svarsid', 'svar_id', 'response', 'id'] },
      customerId,
      {
        name: 'answered_on',
        type: 'date',
        required: true,
        synonyms: ['svarsdatum', 'datum', 'date', 'answered', 'submitted_at'],
      },
      {
        name: 'kind',
        type: 'text',
        required: true,
        values: ['nps', 'csat', 'ces'],
        synonyms: ['typ', 'type', 'survey', 'metric'],
      },
      // The range depends on kind (nps 0–10, csat 1–5, ces 1–7): checked per row by the import.
      {
        name: 'score',
        type: 'integer',
        required: true,
        min: 0,
        max: 10,
        synonyms: ['betyg', 'poäng', 'poang', 'rating', 'value'],
      },
      { name: 'comment', type: 'text', synonyms: ['kommentar', 'fritext', 'verbatim', 'text'] },
    ],
  },
  accounts: {
    kind: 'accounts',
    table: 'key_accounts',
    key: ['account_id'],
    columns: [
      accountId,
      { name: 'name', type: 'text', required: true, synonyms: ['namn', 'account_name', 'company'] },
      {
        name: 'account_manager',
        type: 'text',
        required: true,
        synonyms: ['kam', 'kundansvarig', 'owner', 'manager'],
      },
      { ...customerId, required: false },
    ],
  },
  assessments: {
    kind: 'assessments',
    table: 'assessments',
    key: ['account_id', 'assessed_on', 'assessor'],
    columns: [
      accountId,
      {
        name: 'assessed_on',
        type: 'date',
        required: true,
        synonyms: ['datum', 'date', 'bedömd', 'assessed'],
      },
      {
        name: 'assessor',
        type: 'text',
        required: true,
        synonyms: ['bedömare', 'bedomare', 'rater', 'account_manager'],
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
    table: 'account_forecasts',
    key: ['account_id', 'year'],
    columns: [
      accountId,
      { name: 'year', type: 'integer', required: true, min: 1, max: 100, synonyms: ['år', 'ar', 'period'] },
      {
        name: 'revenue',
        type: 'money',
        required: true,
        synonyms: ['intäkt', 'intakt', 'premium', 'premie', 'omsättning'],
      },
      { name: 'cost_to_serve', type: 'money', required: true, synonyms: ['kostnad', 'cost', 'service_cost'] },
      {
        name: 'claims_cost',
        type: 'money',
        required: true,
        synonyms: ['skadekostnad', 'claims', 'product_cost'],
      },
    ],
  },
  renewals: {
    kind: 'renewals',
    table: 'renewals',
    key: ['account_id', 'due_on'],
    columns: [
      accountId,
      {
        name: 'due_on',
        type: 'date',
        required: true,
        synonyms: ['förfallodatum', 'due', 'renewal_date', 'date'],
      },
      {
        name: 'renewed',
        type: 'boolean',
        required: true,
        synonyms: ['förnyad', 'fornyad', 'outcome', 'renewal'],
      },
    ],
  },
};

export const KIND_NAMES = Object.keys(KINDS) as KindName[];

/** Score range per survey kind (docs/domain.md: NPS 0–10, CSAT 1–5, CES 1–7). */
export const SURVEY_SCORE_RANGE: Readonly<Record<'nps' | 'csat' | 'ces', readonly [number, number]>> = {
  nps: [0, 10],
  csat: [1, 5],
  ces: [1, 7],
};

/**
 * Normalises a header for synonym matching: trims, drops a BOM, lower-cases, and turns runs of spaces,
 * dashes and dots into one underscore ("Kund Nr" → "kund_nr").
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}

/** Parses a kind name given by a user. */
export function isKindName(name: string): name is KindName {
  return Object.prototype.hasOwnProperty.call(KINDS, name);
}
