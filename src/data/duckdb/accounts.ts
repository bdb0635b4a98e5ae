/**
 * DuckDB implementation of the key-accounts port. Assessments are grouped per account and day in SQL (the
 * mean of the day's assessors); the latest one as of a day is picked with a window function. Assessments
 * and forecasts are read column by column, never as one row object per row.
 */
import type { IsoDay } from '../../core/dates';
import type { AccountForecast } from '../../core/accounts/finance';
import { SCORECARD_FACTORS } from '../../core/kinds';
import type {
  AssessmentRow,
  FactorColumn,
  KeyAccountRow,
  KeyAccountsPort,
  RenewalRow,
  SavedScorecard,
} from '../accounts/types';
import type { DuckDBValue } from '@duckdb/node-api';
import type { Db, Param } from './connection';

const MEANS = SCORECARD_FACTORS.map((f) => `avg(${f}) AS ${f}`).join(', ');

/** Assessments per account and day; `where` filters the raw rows. */
function perDaySql(where: string): string {
  return `SELECT account_id, assessed_on, count(*) AS assessors, ${MEANS}
    FROM assessments ${where} GROUP BY account_id, assessed_on`;
}

/** The key-accounts port on the embedded DuckDB database. */
export class DuckDbKeyAccounts implements KeyAccountsPort {
  constructor(private readonly db: Db) {}

  async accounts(): Promise<KeyAccountRow[]> {
    const rows = await this.db.all<{
      account_id: string;
      name: string;
      account_manager: string;
      customer_id: string | null;
    }>('SELECT account_id, name, account_manager, customer_id FROM key_accounts ORDER BY account_id');
    return rows.map((r) => ({
      accountId: r.account_id,
      name: r.name,
      manager: r.account_manager,
      ...(r.customer_id === null ? {} : { customerId: r.customer_id }),
    }));
  }

  async latestAssessmentDate(): Promise<IsoDay | null> {
    const row = await this.db.one<{ d: string | null }>(
      'SELECT CAST(max(assessed_on) AS VARCHAR) AS d FROM assessments',
    );
    return row.d;
  }

  async latestAssessments(asOf: IsoDay): Promise<AssessmentRow[]> {
    return this.assessments(
      `SELECT * FROM (${perDaySql('WHERE assessed_on <= CAST(? AS DATE)')})
       QUALIFY row_number() OVER (PARTITION BY account_id ORDER BY assessed_on DESC) = 1`,
      [asOf],
    );
  }

  async assessmentHistory(): Promise<AssessmentRow[]> {
    return this.assessments(perDaySql(''), []);
  }

  async forecasts(): Promise<AccountForecast[]> {
    // read column by column: 10 000 accounts × 10 years never become 100 000 row objects
    const [ids = [], years = [], revenue = [], cost = [], claims = []] = await this.columns(
      `SELECT account_id, year, CAST(revenue AS DOUBLE), CAST(cost_to_serve AS DOUBLE),
         CAST(claims_cost AS DOUBLE)
       FROM account_forecasts ORDER BY account_id, year`,
    );
    const out: AccountForecast[] = [];
    let current: { accountId: string; years: AccountForecast['years'][number][] } | undefined;
    for (let i = 0; i < ids.length; i++) {
      const accountId = String(ids[i]);
      if (current?.accountId !== accountId) {
        current = { accountId, years: [] };
        out.push(current);
      }
      current.years.push({
        year: Number(years[i]),
        revenue: Number(revenue[i]),
        costToServe: Number(cost[i]),
        claimsCost: Number(claims[i]),
      });
    }
    return out;
  }

  async renewals(): Promise<RenewalRow[]> {
    const rows = await this.db.all<{ account_id: string; due_on: string; renewed: boolean }>(
      'SELECT account_id, CAST(due_on AS VARCHAR) AS due_on, renewed FROM renewals ORDER BY account_id, due_on',
    );
    return rows.map((r) => ({ accountId: r.account_id, dueOn: r.due_on, renewed: r.renewed }));
  }

  private async assessments(select: string, params: readonly Param[]): Promise<AssessmentRow[]> {
    const [ids = [], days = [], assessors = [], ...factors] = await this.columns(
      `SELECT account_id, CAST(assessed_on AS VARCHAR), CAST(assessors AS DOUBLE),
         ${SCORECARD_FACTORS.map((f) => `CAST(${f} AS DOUBLE)`).join(', ')}
       FROM (${select}) ORDER BY account_id, assessed_on`,
      params,
    );
    return ids.map((id, i): AssessmentRow => {
      const values = {} as Record<FactorColumn, number>;
      SCORECARD_FACTORS.forEach((f, k) => (values[f] = Number(factors[k]?.[i])));
      return {
        accountId: String(id),
        assessedOn: String(days[i]),
        assessors: Number(assessors[i]),
        values,
      };
    });
  }

  /** The result's columns, value by value (numbers cast to DOUBLE in SQL, so they arrive as numbers). */
  private async columns(sql: string, params: readonly Param[] = []): Promise<DuckDBValue[][]> {
    const reader = await this.db.connection.runAndReadAll(sql, params as DuckDBValue[]);
    return reader.getColumns();
  }

  async savedScorecard(): Promise<SavedScorecard | null> {
    const rows = await this.db.all<{ definition: string; saved_at: string; saved_by: string }>(
      'SELECT definition, saved_at, saved_by FROM saved_scorecard',
    );
    const r = rows[0];
    return r ? { definition: r.definition, savedAt: r.saved_at, savedBy: r.saved_by } : null;
  }

  saveScorecard(scorecard: SavedScorecard | null): Promise<void> {
    return this.db.transaction(async () => {
      await this.db.run('DELETE FROM saved_scorecard');
      if (scorecard !== null)
        await this.db.run('INSERT INTO saved_scorecard (definition, saved_at, saved_by) VALUES (?, ?, ?)', [
          scorecard.definition,
          scorecard.savedAt,
          scorecard.savedBy,
        ]);
    });
  }
}
