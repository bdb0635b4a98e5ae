/**
 * Straightforward SQL over the loaded demo tables: the figures the demo promises (tier retention, revenue
 * concentration, complaint handling, survey scores that predict retention, key-account sizes). Written
 * independently of the product's reports so that the demo is checked against the definitions, not against
 * the code it is meant to exercise.
 */
import { addMonths, type IsoDay } from '../../src/core/dates';
import { scorecardProbability } from '../../src/app/demo/scorecard-steer';
import type { Db } from '../../src/data/duckdb/connection';

export interface DemoProperties {
  /** retention F12 → S12 of Super 5 %, Top 15 %, Middle 50 %, Bottom 30 % (fractions) */
  tierRetention: number[];
  tierSizes: number[];
  overallRetention: number;
  activeS12: number;
  /** share of S12 revenue held by the top 20 % of S12 active customers */
  top20Share: number;
  /** S12 active customers whose first purchase is in S12, and those won back (bought before F12 only) */
  newShareS12: number;
  wonBackShareS12: number;
  purchasesPerActive: number;
  revenuePerPurchase: number;
  returnShare: number;
  /** complaints resolved within 24 h of opening, of all complaints (open ones count as not within) */
  within24h: number;
  openShare: number;
  /** distinct complainants in S12 per S12 active customer */
  complainantsPerActive: number;
  complainantRetention: number;
  otherRetention: number;
  satisfactionAccepted: number;
  satisfactionRefused: number;
  satisfactionFast: number;
  satisfactionSlow: number;
  /** retention F12 → S12 by the customer's last NPS answer in F12 */
  promoterRetention: number;
  detractorRetention: number;
  nps: number;
  npsResponses: number;
  csatSatisfiedShare: number;
  cesMean: number;
  /** the two top categories' share of complaints */
  topTwoCategoryShare: number;
}

const num = async (db: Db, sql: string, params: (string | number)[] = []): Promise<number> =>
  Number((await db.one<{ v: number }>(sql, params)).v);

/** The demo's properties as of `end`, with windows S12 = (end − 12 m, end], F12 the 12 months before. */
export async function demoProperties(db: Db, end: IsoDay): Promise<DemoProperties> {
  const s = addMonths(end, -12);
  const f = addMonths(end, -24);
  const w = [f, s, s, end];
  await db.run(`CREATE OR REPLACE TEMP TABLE w_active AS
    SELECT customer_id,
      sum(amount) FILTER (WHERE order_date > '${f}' AND order_date <= '${s}') AS rev_f,
      bool_or(amount > 0 AND order_date > '${f}' AND order_date <= '${s}') AS act_f,
      sum(amount) FILTER (WHERE order_date > '${s}' AND order_date <= '${end}') AS rev_s,
      bool_or(amount > 0 AND order_date > '${s}' AND order_date <= '${end}') AS act_s,
      count(*) FILTER (WHERE amount > 0 AND order_date > '${s}' AND order_date <= '${end}') AS purchases_s
    FROM transactions GROUP BY customer_id`);
  const tiers = await db.all<{ tier: number; n: number; retention: number }>(
    `WITH f AS (SELECT customer_id, rev_f, act_s FROM w_active WHERE act_f),
     ranked AS (SELECT *, rank() OVER (ORDER BY rev_f DESC) AS rk, count(*) OVER () AS n FROM f)
     SELECT CASE WHEN rk <= ceil(n * 0.05) THEN 1 WHEN rk <= ceil(n * 0.20) THEN 2
                 WHEN rk <= ceil(n * 0.70) THEN 3 ELSE 4 END AS tier,
            count(*) AS n, avg(CASE WHEN act_s THEN 1 ELSE 0 END) AS retention
     FROM ranked GROUP BY tier ORDER BY tier`,
  );
  const active = `FROM w_active WHERE act_s`;
  const nps = await db.one<{ p: number; d: number; n: number }>(
    `SELECT avg(CASE WHEN score >= 9 THEN 1 ELSE 0 END) AS p, avg(CASE WHEN score <= 6 THEN 1 ELSE 0 END) AS d,
            count(*) AS n
     FROM survey_responses WHERE kind = 'nps' AND answered_on > ?::DATE AND answered_on <= ?::DATE`,
    [s, end],
  );
  const npsRetention = (condition: string): Promise<number> =>
    num(
      db,
      `WITH last AS (SELECT customer_id, arg_max(score, answered_on) AS score FROM survey_responses
         WHERE kind = 'nps' AND answered_on > ?::DATE AND answered_on <= ?::DATE GROUP BY customer_id)
       SELECT avg(CASE WHEN a.act_s THEN 1 ELSE 0 END) AS v FROM last JOIN w_active a USING (customer_id)
       WHERE ${condition}`,
      [f, s],
    );
  const complainantRetention = (complained: boolean): Promise<number> =>
    num(
      db,
      `SELECT avg(CASE WHEN act_s THEN 1 ELSE 0 END) AS v FROM w_active
       WHERE act_f AND ${complained ? '' : 'NOT'} EXISTS (SELECT 1 FROM complaints c
         WHERE c.customer_id = w_active.customer_id AND c.opened_at > ?::DATE AND c.opened_at <= ?::DATE + 1)`,
      [f, s],
    );
  const satisfaction = (condition: string): Promise<number> =>
    num(db, `SELECT avg(satisfaction) AS v FROM complaints WHERE satisfaction IS NOT NULL AND ${condition}`);
  const fast = `resolved_at - opened_at <= INTERVAL 24 HOUR`;
  return {
    tierRetention: tiers.map((t) => t.retention),
    tierSizes: tiers.map((t) => t.n),
    overallRetention: await num(
      db,
      `SELECT avg(CASE WHEN act_s THEN 1 ELSE 0 END) AS v FROM w_active WHERE act_f`,
    ),
    activeS12: await num(db, `SELECT count(*) AS v ${active}`),
    top20Share: await num(
      db,
      `WITH r AS (SELECT rev_s, row_number() OVER (ORDER BY rev_s DESC) AS rn, count(*) OVER () AS n ${active})
       SELECT sum(rev_s) FILTER (WHERE rn <= ceil(n * 0.2)) / sum(rev_s) AS v FROM r`,
    ),
    newShareS12: await num(
      db,
      `SELECT avg(CASE WHEN c.acquired_on > ?::DATE THEN 1 ELSE 0 END) AS v
       FROM w_active JOIN customers c USING (customer_id) WHERE act_s`,
      [s],
    ),
    wonBackShareS12: await num(
      db,
      `SELECT avg(CASE WHEN NOT act_f AND c.acquired_on <= ?::DATE THEN 1 ELSE 0 END) AS v
       FROM w_active JOIN customers c USING (customer_id) WHERE act_s`,
      [f],
    ),
    purchasesPerActive: await num(db, `SELECT avg(purchases_s) AS v ${active}`),
    revenuePerPurchase: await num(
      db,
      `SELECT avg(amount) AS v FROM transactions WHERE amount > 0 AND order_date > ?::DATE AND order_date <= ?::DATE`,
      w.slice(2),
    ),
    returnShare: await num(db, `SELECT avg(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS v FROM transactions`),
    within24h: await num(
      db,
      `SELECT avg(CASE WHEN resolved_at IS NOT NULL AND ${fast} THEN 1 ELSE 0 END) AS v FROM complaints`,
    ),
    openShare: await num(
      db,
      `SELECT avg(CASE WHEN resolved_at IS NULL THEN 1 ELSE 0 END) AS v FROM complaints`,
    ),
    complainantsPerActive:
      (await num(
        db,
        `SELECT count(DISTINCT customer_id) AS v FROM complaints WHERE opened_at > ?::DATE AND opened_at <= ?::DATE + 1`,
        [s, end],
      )) / (await num(db, `SELECT count(*) AS v ${active}`)),
    complainantRetention: await complainantRetention(true),
    otherRetention: await complainantRetention(false),
    satisfactionAccepted: await satisfaction(`outcome = 'accepted'`),
    satisfactionRefused: await satisfaction(`outcome = 'refused'`),
    satisfactionFast: await satisfaction(fast),
    satisfactionSlow: await satisfaction(`NOT (${fast})`),
    promoterRetention: await npsRetention('last.score >= 9'),
    detractorRetention: await npsRetention('last.score <= 6'),
    nps: 100 * (nps.p - nps.d),
    npsResponses: nps.n,
    csatSatisfiedShare: await num(
      db,
      `SELECT avg(CASE WHEN score >= 4 THEN 1 ELSE 0 END) AS v FROM survey_responses WHERE kind = 'csat'`,
    ),
    cesMean: await num(db, `SELECT avg(score) AS v FROM survey_responses WHERE kind = 'ces'`),
    topTwoCategoryShare: await num(
      db,
      `WITH c AS (SELECT category, count(*) AS n FROM complaints GROUP BY category)
       SELECT (SELECT sum(n) FROM (SELECT n FROM c ORDER BY n DESC LIMIT 2)) / sum(n) AS v FROM c`,
    ),
  };
}

/**
 * Key-account CLVs (Ryals & Knox 2007): at the 12 % discount rate, and probability-adjusted at the 4.8 %
 * WACC with the scorecard probability of the latest assessment, per account.
 */
export async function accountClvs(
  db: Db,
  probabilityOf: (factors: Record<string, number>) => number,
): Promise<{ account_id: string; clv12: number; adjusted: number; p: number; years: number }[]> {
  const forecasts = await db.all<{ account_id: string; clv12: number; years: number }>(
    `SELECT account_id, sum((revenue - cost_to_serve - claims_cost) / pow(1.12, year)) AS clv12,
            count(*) AS years
     FROM account_forecasts GROUP BY account_id ORDER BY account_id`,
  );
  const latest = await db.all<Record<string, number> & { account_id: string }>(
    `SELECT * EXCLUDE (assessed_on, assessor) FROM assessments
     QUALIFY row_number() OVER (PARTITION BY account_id ORDER BY assessed_on DESC) = 1`,
  );
  const out = [];
  for (const f of forecasts) {
    const factors = latest.find((l) => l.account_id === f.account_id);
    if (!factors) throw new Error(`no assessment for ${f.account_id}`);
    const p = probabilityOf(factors);
    const adjusted = await num(
      db,
      `SELECT sum((? * revenue - cost_to_serve - claims_cost) / pow(1.048, year)) AS v
       FROM account_forecasts WHERE account_id = ?`,
      [p, f.account_id],
    );
    out.push({ ...f, adjusted, p });
  }
  return out;
}

/** The paper's retention probability for a row of factor columns (as named in the assessments table). */
export function probabilityOfRow(f: Record<string, number>): number {
  return scorecardProbability({
    otherRelationships: f.other_relationships!,
    businessLines: f.business_lines!,
    relationshipYears: f.relationship_years!,
    brokerRelationship: f.broker_relationship!,
    relationshipQuality: f.relationship_quality!,
    contactsAtCustomer: f.contacts_at_customer!,
    contactsAtCompany: f.contacts_at_company!,
    knowledgeOfCompany: f.knowledge_of_company!,
    knowledgeOfIndustry: f.knowledge_of_industry!,
  });
}
