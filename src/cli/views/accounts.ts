/**
 * Key-account table views: the portfolio table in the layout of Ryals & Knox (2007) Tables 1 and 5, each
 * account's factors, the sensitivities with the ranked actions and the what-if, the backtest, and the
 * scorecard in use. English or Swedish labels; the JSON is the app's report unchanged.
 */
import type { BacktestReport } from '../../app/accounts/backtest';
import type { DpmReport } from '../../app/accounts/dpm';
import type { AccountsReport } from '../../app/accounts/report';
import type { ScorecardReport } from '../../app/accounts/scorecard';
import type { SensitivityReport } from '../../app/accounts/sensitivity';
import { formatNumber, type Lang, type Printable, type TableView } from '../output';
import { actionText, col, factorLabel, l, scorecardText } from './labels';

const pct = (x: number, lang: Lang): string =>
  `${formatNumber(x * 100, 1, lang)}${lang === 'sv' ? ' %' : '%'}`;
const num = (x: number | null, lang: Lang): string => (x === null ? '–' : formatNumber(x, 3, lang));
const yesNo = (b: boolean, lang: Lang): string => (b ? l('yes', 'ja')[lang] : l('no', 'nej')[lang]);

export function accountsPrintable(r: AccountsReport, lang: Lang): Printable {
  const rows = [
    ...r.accounts.map((a) => ({ ...a, turnsNegative: yesNo(a.turnsNegative, lang) })),
    {
      ...r.totals,
      account: l('Total', 'Totalt')[lang],
      turnsNegative: String(r.totals.turnsNegative.length),
    },
  ];
  const rates = `${pct(r.rates.discountRate, lang)}, WACC ${pct(r.rates.wacc, lang)}`;
  const main: TableView = {
    name: 'accounts',
    title: l(
      `Key accounts: CLV and relationship risk, as of ${r.asOf} (discount rate ${rates})`,
      `Nyckelkunder: CLV och relationsrisk, per ${r.asOf} (kalkylränta ${rates})`,
    ),
    columns: [
      col('account', l('Account', 'Kund'), 'text'),
      col('name', l('Name', 'Namn'), 'text'),
      col('retentionProbability', l('Retention probability', 'Sannolikhet att behålla'), 'percent'),
      col('clvDiscountRate', l('CLV at discount rate', 'CLV kalkylränta'), 'money'),
      col('clvWacc', l('CLV at WACC', 'CLV vid WACC'), 'money'),
      col('waccToDiscount', l('WACC / discount', 'WACC / kalkylränta'), 'percent'),
      col('clvProbabilityAdjusted', l('Probability-adjusted CLV', 'Sannolikhetsjusterad CLV'), 'money'),
      col('adjustedToWacc', l('Adjusted / WACC', 'Justerad / WACC'), 'percent'),
      col('clvSurvival', l('Survival CLV', 'Överlevnads-CLV'), 'money'),
      col('riskAdjustedRate', l('Risk-adjusted rate', 'Riskjusterad ränta'), 'percent', 2),
      col('clvRiskAdjustedRate', l('CLV at risk-adjusted rate', 'CLV riskjusterad ränta'), 'money'),
      col('turnsNegative', l('Turns negative', 'Blir negativ'), 'text'),
    ],
    rows,
    totals: [rows.length - 1],
    notes: [
      ...(r.totals.turnsNegative.length > 0
        ? [
            l(
              `negative once risk is counted: ${r.totals.turnsNegative.join(', ')}`,
              `negativa när risken räknas: ${r.totals.turnsNegative.join(', ')}`,
            ),
          ]
        : []),
      ...r.notes,
    ],
  };
  const factorIds = r.accounts[0]?.factors.map((f) => f.factor) ?? [];
  const factors: TableView = {
    name: 'factors',
    title: l(
      `Scorecard factors: value (retention probability), scorecard ${r.scorecard.version}`,
      `Riskfaktorer: värde (sannolikhet), poängkort ${r.scorecard.version}`,
    ),
    columns: [
      col('account', l('Account', 'Kund'), 'text'),
      col('assessedOn', l('Assessed', 'Bedömd'), 'date'),
      ...factorIds.map((id) => col(id, factorLabel(id, lang), 'text')),
    ],
    rows: r.accounts.map((a) => ({
      account: a.account,
      assessedOn: a.assessedOn,
      ...Object.fromEntries(
        a.factors.map((f) => [
          f.factor,
          `${formatNumber(f.value, Number.isInteger(f.value) ? 0 : 1, lang)} (${pct(f.probability, lang)})`,
        ]),
      ),
    })),
  };
  const history: TableView = {
    name: 'history',
    title: l(
      `Retention probability at each assessment, up to ${r.asOf}`,
      `Sannolikhet att behålla kunden vid varje bedömning, till och med ${r.asOf}`,
    ),
    columns: [
      col('account', l('Account', 'Kund'), 'text'),
      col('name', l('Name', 'Namn'), 'text'),
      col('assessedOn', l('Assessed', 'Bedömd'), 'date'),
      col('retentionProbability', l('Retention probability', 'Sannolikhet att behålla'), 'percent'),
      col('change', l('Change', 'Förändring'), 'percent'),
    ],
    rows: r.accounts.flatMap((a) => a.history.map((h) => ({ account: a.account, name: a.name, ...h }))),
  };
  return { json: r, tables: [main, factors, history] };
}

export function sensitivityPrintable(r: SensitivityReport, lang: Lang): Printable {
  const actions: TableView = {
    name: 'actions',
    title: l(
      `Actions ranked by CLV gained, as of ${r.asOf} (probability-adjusted CLV at WACC ${pct(r.wacc, lang)})`,
      `Åtgärder rangordnade efter vunnen CLV, per ${r.asOf} (sannolikhetsjusterad CLV vid WACC ${pct(r.wacc, lang)})`,
    ),
    columns: [
      col('account', l('Account', 'Kund'), 'text'),
      col('name', l('Name', 'Namn'), 'text'),
      col('action', l('Action', 'Åtgärd'), 'text'),
      col('factor', l('Factor', 'Faktor'), 'text'),
      col('fromValue', l('From', 'Från'), 'decimal', 1),
      col('toValue', l('To', 'Till'), 'decimal', 1),
      col('probabilityGain', l('Probability gain', 'Ökad sannolikhet'), 'percent', 2),
      col('clvGain', l('CLV gain', 'Ökad CLV'), 'money'),
    ],
    rows: r.actions.map((a) => ({
      ...a,
      action: actionText(a.action, lang),
      factor: factorLabel(a.factor, lang),
    })),
  };
  const steps: TableView = {
    name: 'steps',
    title: l('One step up or down, per account and factor', 'Ett steg upp eller ner, per kund och faktor'),
    columns: [
      col('account', l('Account', 'Kund'), 'text'),
      col('factor', l('Factor', 'Faktor'), 'text'),
      col('value', l('Value', 'Värde'), 'decimal', 1),
      col('upTo', l('Up to', 'Upp till'), 'decimal', 1),
      col('upClv', l('CLV change up', 'CLV-ändring upp'), 'money'),
      col('downTo', l('Down to', 'Ner till'), 'decimal', 1),
      col('downClv', l('CLV change down', 'CLV-ändring ner'), 'money'),
    ],
    rows: r.accounts.flatMap((a) =>
      a.factors.map((f) => ({
        account: a.account,
        factor: factorLabel(f.factor, lang),
        value: f.value,
        upTo: f.up?.toValue,
        upClv: f.up?.clvChange,
        downTo: f.down?.toValue,
        downClv: f.down?.clvChange,
      })),
    ),
  };
  const w = r.whatIf;
  const whatIf: TableView = {
    name: 'what-if',
    title: l(
      `What if every account's ${factorLabel(w.factorId, 'en')} moved by ${w.delta}`,
      `Tänk om varje kunds ${factorLabel(w.factorId, 'sv')} ändrades med ${w.delta}`,
    ),
    columns: [
      col('totalBefore', l('Portfolio CLV before', 'Portföljens CLV före'), 'money'),
      col('totalAfter', l('after', 'efter'), 'money'),
      col('change', l('Change', 'Ändring'), 'money'),
      col('accountsChanged', l('Accounts changed', 'Ändrade kunder'), 'int'),
      col('negativeBefore', l('Negative before', 'Negativa före'), 'int'),
      col('negativeAfter', l('Negative after', 'Negativa efter'), 'int'),
    ],
    rows: [{ ...w }],
    notes: r.notes,
  };
  return { json: r, tables: [actions, steps, whatIf] };
}

export function backtestPrintable(r: BacktestReport, lang: Lang): Printable {
  const summary: TableView = {
    name: 'summary',
    title: l(
      `Scorecard ${r.scorecard.version} against observed renewals${r.asOf ? ` due by ${r.asOf}` : ''}`,
      `Poängkort ${r.scorecard.version} mot faktiska förnyelser${r.asOf ? ` till och med ${r.asOf}` : ''}`,
    ),
    columns: [
      col('outcomes', l('Renewals scored', 'Bedömda förnyelser'), 'int'),
      col('renewed', l('Renewed', 'Förnyade'), 'int'),
      col('unscored', l('Not scored', 'Ej bedömda'), 'int'),
      col('brier', l('Brier score', 'Brier-poäng'), 'decimal', 4),
      col('logLoss', l('Log loss', 'Log loss'), 'decimal', 4),
      col('auc', l('AUC', 'AUC'), 'decimal', 3),
    ],
    rows: [{ ...r }],
  };
  const calibration: TableView = {
    name: 'calibration',
    title: l('Calibration', 'Kalibrering'),
    columns: [
      col('from', l('Predicted from', 'Förutsagt från'), 'percent'),
      col('to', l('to', 'till'), 'percent'),
      col('n', l('Renewals', 'Förnyelser'), 'int'),
      col('meanPredicted', l('Mean predicted', 'Förutsagt medel'), 'percent'),
      col('observedRate', l('Observed renewal rate', 'Faktisk förnyelsegrad'), 'percent'),
    ],
    rows: r.calibration.map((b) => ({ ...b })),
    notes: r.weights.enough ? [] : r.notes,
  };
  if (!r.weights.enough) return { json: r, tables: [summary, calibration] };
  const held = r.weights.heldOut;
  const weights: TableView = {
    name: 'weights',
    title: l(
      `Learnt weights (${r.weights.n} outcomes; held-out AUC ${num(held.model.auc, lang)} against the scorecard's ${num(held.scorecard.auc, lang)})`,
      `Skattade vikter (${r.weights.n} utfall; AUC på testdata ${num(held.model.auc, lang)} mot poängkortets ${num(held.scorecard.auc, lang)})`,
    ),
    columns: [
      col('factorId', l('Factor', 'Faktor'), 'text'),
      col('coefficient', l('Coefficient', 'Koefficient'), 'decimal', 3),
      col('weight', l('Proposed weight', 'Föreslagen vikt'), 'decimal', 2),
    ],
    rows: r.weights.factors.map((f) => ({ ...f, factorId: factorLabel(f.factorId, lang) })),
    notes: r.notes,
  };
  return { json: r, tables: [summary, calibration, weights] };
}

export function scorecardPrintable(r: ScorecardReport, lang: Lang): Printable {
  const groups = new Map(r.groups.map((g) => [g.id, scorecardText(g.label, lang)]));
  const table: TableView = {
    name: 'scorecard',
    title: l(
      `Scorecard ${r.version} (${r.source}); probability bounds ${pct(r.bounds.min, lang)}–${pct(r.bounds.max, lang)}`,
      `Poängkort ${r.version} (${r.source}); sannolikhet begränsad till ${pct(r.bounds.min, lang)}–${pct(r.bounds.max, lang)}`,
    ),
    columns: [
      col('group', l('Group', 'Grupp'), 'text'),
      col('id', l('Factor', 'Faktor'), 'text'),
      col('label', l('Name', 'Namn'), 'text'),
      col('kind', l('Kind', 'Typ'), 'text'),
      col('weight', l('Weight', 'Vikt'), 'decimal', 2),
      col('steps', l('Value = retention probability', 'Värde = sannolikhet'), 'text'),
      col('action', l('Action', 'Åtgärd'), 'text'),
    ],
    rows: r.factors.map((f) => ({
      group: groups.get(f.group) ?? f.group,
      id: f.id,
      label: scorecardText(f.label, lang),
      kind: f.kind,
      weight: f.weight,
      steps: f.steps
        .map((s) => {
          const range =
            s.to === null ? `≥ ${s.from}` : s.to === s.from ? String(s.from) : `${s.from}–${s.to}`;
          return `${range} = ${pct(s.probability, lang)}`;
        })
        .join(', '),
      action: f.action === null ? '' : actionText(f.action, lang),
    })),
  };
  return { json: r, tables: [table] };
}

const QUADRANTS = {
  strategic: l('strategic', 'strategisk'),
  develop: l('develop', 'utveckla'),
  maintain: l('maintain', 'underhålla'),
  streamline: l('streamline', 'effektivisera'),
} as const;

export function dpmPrintable(r: DpmReport, lang: Lang): Printable {
  const split = (x: number | null, digits: number): string =>
    x === null ? '–' : formatNumber(x, digits, lang);
  return {
    json: r,
    tables: [
      {
        name: 'dpm',
        title: l(
          `Directional policy matrix, as of ${r.asOf} (attractiveness: ${r.attractiveness} CLV, split at ${split(r.splits.attractiveness, 0)}; strength: ${r.strength}, split at ${split(r.splits.strength, 3)})`,
          `Portföljmatris, per ${r.asOf} (attraktivitet: ${r.attractiveness} CLV, delad vid ${split(r.splits.attractiveness, 0)}; styrka: ${r.strength}, delad vid ${split(r.splits.strength, 3)})`,
        ),
        columns: [
          col('account', l('Account', 'Kund'), 'text'),
          col('name', l('Name', 'Namn'), 'text'),
          col('attractiveness', l('Attractiveness (CLV)', 'Attraktivitet (CLV)'), 'money'),
          col('strength', l('Strength', 'Styrka'), 'decimal', 3),
          col('quadrant', l('Quadrant', 'Kvadrant'), 'text'),
        ],
        rows: r.points.map((p) => ({ ...p, quadrant: p.quadrant ? QUADRANTS[p.quadrant][lang] : '–' })),
        notes: r.notes,
      },
    ],
  };
}
