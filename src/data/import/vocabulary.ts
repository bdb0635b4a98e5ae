/**
 * The vocabulary an import understands: for each kind's canonical column, the other header names accepted
 * (Swedish and common export spellings), compared after `normalizeHeader`. This is data-layer knowledge of
 * what files look like; the record schema itself (columns, types, keys) is core's (`core/kinds.ts`).
 */
import type { KindName } from '../../core/kinds';

/** The customer id's other names, the same in every kind that names a customer. */
const CUSTOMER_ID: readonly string[] = [
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
];

/** The key account id's other names. */
const ACCOUNT_ID: readonly string[] = [
  'account',
  'konto',
  'kundkonto',
  'key_account',
  'account_no',
  'accountid',
];

/** Header synonyms per kind and column. */
export const HEADER_SYNONYMS: Readonly<Record<KindName, Readonly<Record<string, readonly string[]>>>> = {
  customers: {
    customer_id: CUSTOMER_ID,
    name: ['namn', 'customer_name', 'kundnamn'],
    acquired_on: ['acquired', 'kund_sedan', 'customer_since', 'signup_date', 'created'],
    region: ['region', 'län', 'lan', 'area'],
    channel: ['kanal', 'acquisition_channel'],
    needs_group: ['segment', 'behovsgrupp', 'needs', 'life_stage'],
    account_manager: ['kam', 'kundansvarig', 'owner'],
    category_spend: ['kategorispend', 'plånbok', 'planbok', 'wallet', 'wallet_size', 'category_budget'],
    member_since: [
      'membership_start',
      'member_from',
      'joined_programme',
      'joined_program',
      'loyalty_member_since',
      'medlem_sedan',
      'medlem_från',
      'medlem_fran',
    ],
  },
  transactions: {
    order_id: [
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
    customer_id: CUSTOMER_ID,
    order_date: ['orderdatum', 'datum', 'date', 'köpdatum', 'kopdatum', 'purchase_date', 'transaction_date'],
    amount: [
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
    margin: ['marginal', 'bruttovinst', 'gross_margin', 'profit'],
    product_line: ['produktlinje', 'product', 'produkt', 'category', 'kategori'],
    channel: ['kanal', 'sales_channel'],
  },
  contracts: {
    contract_id: ['avtalsnr', 'avtal', 'policy_id', 'policy_no', 'subscription_id', 'contract'],
    customer_id: CUSTOMER_ID,
    start_date: ['startdatum', 'start', 'from', 'valid_from'],
    end_date: ['slutdatum', 'end', 'to', 'valid_to', 'cancelled_on'],
    renewed: ['förnyad', 'fornyad', 'renewal'],
    product_line: ['produktlinje', 'product', 'produkt'],
    annual_fee: ['årsavgift', 'arsavgift', 'årspremie', 'arspremie', 'annual_premium', 'yearly_fee', 'fee'],
  },
  complaints: {
    complaint_id: ['reklamationsnr', 'ärende', 'arende', 'ärendenr', 'case_id', 'ticket_id', 'complaint'],
    customer_id: CUSTOMER_ID,
    opened_at: ['öppnad', 'oppnad', 'inkom', 'created_at', 'opened', 'received_at'],
    first_response_at: ['första_svar', 'forsta_svar', 'first_response', 'responded_at'],
    resolved_at: ['löst', 'lost_at', 'avslutad', 'closed_at', 'resolved'],
    category: ['kategori', 'orsak', 'cause', 'reason'],
    priority: ['prioritet', 'prio'],
    channel: ['kanal'],
    outcome: ['utfall', 'beslut', 'decision'],
    satisfaction: ['nöjdhet', 'nojdhet', 'csat'],
  },
  surveys: {
    response_id: ['svarsid', 'svar_id', 'response', 'id'],
    customer_id: CUSTOMER_ID,
    answered_on: ['svarsdatum', 'datum', 'date', 'answered', 'submitted_at'],
    kind: ['typ', 'type', 'survey', 'metric'],
    score: ['betyg', 'poäng', 'poang', 'rating', 'value'],
    comment: ['kommentar', 'fritext', 'verbatim', 'text'],
  },
  accounts: {
    account_id: ACCOUNT_ID,
    name: ['namn', 'account_name', 'company'],
    account_manager: ['kam', 'kundansvarig', 'owner', 'manager'],
    customer_id: CUSTOMER_ID,
  },
  assessments: {
    account_id: ACCOUNT_ID,
    assessed_on: ['datum', 'date', 'bedömd', 'assessed'],
    assessor: ['bedömare', 'bedomare', 'rater', 'account_manager'],
  },
  forecasts: {
    account_id: ACCOUNT_ID,
    year: ['år', 'ar', 'period'],
    revenue: ['intäkt', 'intakt', 'premium', 'premie', 'omsättning'],
    cost_to_serve: ['kostnad', 'cost', 'service_cost'],
    claims_cost: ['skadekostnad', 'claims', 'product_cost'],
  },
  renewals: {
    account_id: ACCOUNT_ID,
    due_on: ['förfallodatum', 'due', 'renewal_date', 'date'],
    renewed: ['förnyad', 'fornyad', 'outcome', 'renewal'],
  },
  invoices: {
    invoice_id: ['fakturanr', 'fakturanummer', 'faktura_id', 'invoice', 'invoice_no', 'invoice_number'],
    customer_id: CUSTOMER_ID,
    issued_on: ['fakturadatum', 'invoice_date', 'issued', 'issue_date', 'date'],
    due_on: ['förfallodatum', 'forfallodatum', 'due', 'due_date'],
    paid_on: ['betaldatum', 'betald', 'paid', 'paid_date', 'payment_date'],
    amount: ['belopp', 'summa', 'total', 'invoice_amount'],
  },
};

/** The synonyms of `column` of `kind` (none when it has none). */
export function synonymsOf(kind: KindName, column: string): readonly string[] {
  return HEADER_SYNONYMS[kind][column] ?? [];
}

/** A header as it is compared: BOM and surrounding space removed, lower case, runs of space, - and . as _. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}
