/**
 * The customer port in the SQL both engines share (`$n` parameters, `CAST`, `VALUES`): the DuckDB store runs
 * it on its connection, the PostgreSQL store as written (like the contracts queries). A customer's own rows
 * are looked up by id; the standing ranks them among every active customer of each window in one pass over
 * the windows' transactions, with the activity rule and the value of the value reports (`analytics/flows.ts`).
 */
import type { Window } from '../../core/dates';
import type { ValueMeasure } from '../../core/kpi/basis';
import type {
  CustomerComplaint,
  CustomerContract,
  CustomerData,
  CustomerKeyAccount,
  CustomerMonth,
  CustomerPort,
  CustomerRow,
  CustomerStanding,
  CustomerSurvey,
  ErasedKind,
  ErasedRows,
} from '../customers/types';
import { ERASED_KINDS } from '../customers/types';
import type { SqlParam, SqlRunner } from '../sql/runner';
import { int, valueColumn } from './analytics/sql';

const text = (column: string): string => `CAST(${column} AS VARCHAR)`;
const money = (expression: string): string => `CAST(${expression} AS DOUBLE PRECISION)`;

/** The table of each kind erasure removes rows from. */
export const ERASED_TABLES: Readonly<Record<ErasedKind, string>> = {
  customers: 'customers',
  transactions: 'transactions',
  contracts: 'contracts',
  complaints: 'complaints',
  surveys: 'survey_responses',
  invoices: 'invoices',
  actions: 'action_log',
};

export class SqlCustomers implements CustomerPort {
  constructor(private readonly db: SqlRunner & { transaction<T>(work: () => Promise<T>): Promise<T> }) {}

  erase(customerId: string, dryRun: boolean): Promise<ErasedRows[]> {
    const id = [customerId];
    return this.db.transaction(async () => {
      const erased: ErasedRows[] = [];
      for (const kind of ERASED_KINDS) {
        const table = ERASED_TABLES[kind];
        // The removed rows are counted from the DELETE itself, so the count is exactly what went.
        const rows = dryRun
          ? (
              await this.db.one<{ n: number }>(
                `SELECT CAST(count(*) AS INTEGER) AS n FROM ${table} WHERE customer_id = $1`,
                id,
              )
            ).n
          : (await this.db.all(`DELETE FROM ${table} WHERE customer_id = $1 RETURNING customer_id`, id))
              .length;
        erased.push({ kind, table, action: 'deleted', rows });
      }
      const linked = dryRun
        ? (
            await this.db.one<{ n: number }>(
              'SELECT CAST(count(*) AS INTEGER) AS n FROM key_accounts WHERE customer_id = $1',
              id,
            )
          ).n
        : (
            await this.db.all(
              'UPDATE key_accounts SET customer_id = NULL WHERE customer_id = $1 RETURNING account_id',
              id,
            )
          ).length;
      erased.push({ kind: 'accounts', table: 'key_accounts', action: 'unlinked', rows: linked });
      return erased;
    });
  }

  async customer(
    customerId: string,
    windows: readonly Window[],
    measure: ValueMeasure,
  ): Promise<CustomerData> {
    const id = [customerId];
    const customers = await this.db.all<{
      customer_id: string;
      name: string | null;
      acquired_on: string | null;
      region: string | null;
      channel: string | null;
    }>(
      `SELECT customer_id, name, ${text('acquired_on')} AS acquired_on, region, channel
       FROM customers WHERE customer_id = $1`,
      id,
    );
    const months = await this.db.all<{ month: string; orders: number; revenue: number; margin: number }>(
      `SELECT substr(${text('order_date')}, 1, 7) AS month, CAST(count(*) AS INTEGER) AS orders,
         ${money('coalesce(sum(amount), 0)')} AS revenue, ${money('coalesce(sum(margin), 0)')} AS margin
       FROM transactions WHERE customer_id = $1 GROUP BY 1 ORDER BY 1`,
      id,
    );
    const complaints = await this.db.all<{
      complaint_id: string;
      opened_at: string;
      resolved_at: string | null;
      category: string | null;
      outcome: string | null;
      satisfaction: number | null;
    }>(
      `SELECT complaint_id, ${text('opened_at')} AS opened_at, ${text('resolved_at')} AS resolved_at, category,
         outcome, satisfaction
       FROM complaints WHERE customer_id = $1 ORDER BY opened_at, complaint_id`,
      id,
    );
    const surveys = await this.db.all<{
      response_id: string;
      answered_on: string;
      kind: string;
      score: number;
      comment: string | null;
    }>(
      `SELECT response_id, ${text('answered_on')} AS answered_on, kind, score, comment
       FROM survey_responses WHERE customer_id = $1 ORDER BY answered_on, response_id`,
      id,
    );
    const contracts = await this.db.all<{
      contract_id: string;
      start_date: string;
      end_date: string | null;
      product_line: string | null;
      annual_fee: number | null;
    }>(
      `SELECT contract_id, ${text('start_date')} AS start_date, ${text('end_date')} AS end_date, product_line,
         ${money('annual_fee')} AS annual_fee
       FROM contracts WHERE customer_id = $1 ORDER BY start_date, contract_id`,
      id,
    );
    const keyAccounts = await this.db.all<{ account_id: string; name: string; account_manager: string }>(
      'SELECT account_id, name, account_manager FROM key_accounts WHERE customer_id = $1 ORDER BY account_id',
      id,
    );
    const standing = await this.standing(customerId, windows, measure);
    const customer: CustomerRow | null = customers[0]
      ? {
          customerId: customers[0].customer_id,
          name: customers[0].name,
          acquiredOn: customers[0].acquired_on,
          region: customers[0].region,
          channel: customers[0].channel,
        }
      : null;
    return {
      found:
        customer !== null ||
        months.length > 0 ||
        complaints.length > 0 ||
        surveys.length > 0 ||
        contracts.length > 0,
      customer,
      months: months.map((m): CustomerMonth => ({ ...m })),
      standing,
      complaints: complaints.map((c): CustomerComplaint => ({
        complaintId: c.complaint_id,
        openedAt: c.opened_at,
        resolvedAt: c.resolved_at,
        category: c.category,
        outcome: c.outcome,
        satisfaction: c.satisfaction,
      })),
      surveys: surveys.map((s): CustomerSurvey => ({
        responseId: s.response_id,
        answeredOn: s.answered_on,
        kind: s.kind,
        score: s.score,
        comment: s.comment,
      })),
      contracts: contracts.map((c): CustomerContract => ({
        contractId: c.contract_id,
        startDate: c.start_date,
        endDate: c.end_date,
        productLine: c.product_line,
        annualFee: c.annual_fee,
      })),
      keyAccounts: keyAccounts.map((k): CustomerKeyAccount => ({
        accountId: k.account_id,
        name: k.name,
        manager: k.account_manager,
      })),
    };
  }

  private async standing(
    customerId: string,
    windows: readonly Window[],
    measure: ValueMeasure,
  ): Promise<CustomerStanding[]> {
    if (windows.length === 0) return [];
    const params: SqlParam[] = [customerId];
    const rows = windows.map((w, k) => {
      params.push(w.startExclusive, w.endInclusive);
      return `(${int(k)}, CAST($${params.length - 1} AS DATE), CAST($${params.length} AS DATE))`;
    });
    // Per-customer money as DECIMAL(18,2), compared exactly, as the value reports rank it.
    const result = await this.db.all<{
      k: number;
      active: number;
      purchases: number;
      value: number;
      above: number;
    }>(
      `WITH w (k, s, e) AS (VALUES ${rows.join(', ')}),
       per AS (
         SELECT w.k, t.customer_id,
           sum(CASE WHEN coalesce(t.amount, 0) >= 0 THEN 1 ELSE 0 END) AS p,
           CAST(coalesce(sum(${valueColumn(measure)}), 0) AS DECIMAL(18,2)) AS v
         FROM transactions t JOIN w ON t.order_date > w.s AND t.order_date <= w.e
         GROUP BY w.k, t.customer_id
       ),
       me AS (SELECT k, p, v FROM per WHERE customer_id = $1)
       SELECT w.k,
         CAST((SELECT count(*) FROM per a WHERE a.k = w.k AND a.p > 0) AS INTEGER) AS active,
         CAST(coalesce(me.p, 0) AS INTEGER) AS purchases,
         ${money('coalesce(me.v, 0)')} AS value,
         CAST((SELECT count(*) FROM per a WHERE a.k = w.k AND a.p > 0 AND a.v > me.v) AS INTEGER) AS above
       FROM w LEFT JOIN me ON me.k = w.k
       ORDER BY w.k`,
      params,
    );
    return result.map((r) => ({ active: r.active, purchases: r.purchases, value: r.value, above: r.above }));
  }

  async search(prefix: string, limit: number): Promise<string[]> {
    const rows = await this.db.all<{ customer_id: string }>(
      `SELECT customer_id FROM customers WHERE starts_with(customer_id, $1) ORDER BY customer_id LIMIT ${int(limit)}`,
      [prefix],
    );
    return rows.map((r) => r.customer_id);
  }
}
