/**
 * PostgreSQL implementation of the key-accounts port: the DuckDB store's queries, with the latest assessment
 * picked by `row_number()` in a subquery (PostgreSQL has no QUALIFY). A factor's mean over the day's
 * assessors is the exact DECIMAL sum divided as DOUBLE PRECISION by the count.
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
import type { SqlParam, SqlRow } from '../sql/runner';
import type { PgDb } from './connection';

const MEANS = SCORECARD_FACTORS.map((f) => `CAST(sum(${f}) AS DOUBLE PRECISION) / count(${f}) AS ${f}`).join(
  ', ',
);
const COLUMNS = ['account_id', 'assessed_on', 'assessors', ...SCORECARD_FACTORS].join(', ');

function perDaySql(where: string): string {
  return `SELECT account_id, assessed_on, count(*) AS assessors, ${MEANS}
    FROM assessments ${where} GROUP BY account_id, assessed_on`;
}

function toAssessment(row: SqlRow): AssessmentRow {
  const values = {} as Record<FactorColumn, number>;
  for (const f of SCORECARD_FACTORS) values[f] = row[f] as number;
  return {
    accountId: row.account_id as string,
    assessedOn: row.assessed_on as IsoDay,
    assessors: row.assessors as number,
    values,
  };
}

export class PgKeyAccounts implements KeyAccountsPort {
  constructor(private readonly db: PgDb) {}

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
    return (await this.db.one<{ d: string | null }>('SELECT max(assessed_on) AS d FROM assessments')).d;
  }

  latestAssessments(asOf: IsoDay): Promise<AssessmentRow[]> {
    return this.assessments(
      `SELECT ${COLUMNS} FROM (
         SELECT *, row_number() OVER (PARTITION BY account_id ORDER BY assessed_on DESC) AS latest
         FROM (${perDaySql('WHERE assessed_on <= CAST($1 AS DATE)')}) d
       ) l WHERE latest = 1`,
      [asOf],
    );
  }

  assessmentHistory(): Promise<AssessmentRow[]> {
    return this.assessments(perDaySql(''), []);
  }

  async forecasts(): Promise<AccountForecast[]> {
    const rows = await this.db.all<{
      account_id: string;
      year: number;
      revenue: number;
      cost_to_serve: number;
      claims_cost: number;
    }>(
      `SELECT account_id, year, revenue, cost_to_serve, claims_cost
       FROM account_forecasts ORDER BY account_id, year`,
    );
    const out: AccountForecast[] = [];
    let current: { accountId: string; years: AccountForecast['years'][number][] } | undefined;
    for (const r of rows) {
      if (current?.accountId !== r.account_id) {
        current = { accountId: r.account_id, years: [] };
        out.push(current);
      }
      current.years.push({
        year: r.year,
        revenue: r.revenue,
        costToServe: r.cost_to_serve,
        claimsCost: r.claims_cost,
      });
    }
    return out;
  }

  async renewals(): Promise<RenewalRow[]> {
    const rows = await this.db.all<{ account_id: string; due_on: string; renewed: boolean }>(
      'SELECT account_id, due_on, renewed FROM renewals ORDER BY account_id, due_on',
    );
    return rows.map((r) => ({ accountId: r.account_id, dueOn: r.due_on, renewed: r.renewed }));
  }

  private async assessments(select: string, params: readonly SqlParam[]): Promise<AssessmentRow[]> {
    const rows = await this.db.all(`SELECT * FROM (${select}) a ORDER BY account_id, assessed_on`, params);
    return rows.map(toAssessment);
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
        await this.db.run(
          'INSERT INTO saved_scorecard (definition, saved_at, saved_by) VALUES ($1, $2, $3)',
          [scorecard.definition, scorecard.savedAt, scorecard.savedBy],
        );
    });
  }
}
