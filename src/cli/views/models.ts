/** Table views of the probabilistic CLV commands: a fit's parameters and statistics, predictions, validation. */
import type { AtRiskReport } from '../../app/models/at-risk';
import type { BgBbPredictReport, BgBbValidateReport } from '../../app/models/bg-bb';
import type { FitReport } from '../../app/models/fit';
import type { PredictReport } from '../../app/models/predict';
import type { SbgReport } from '../../app/models/sbg';
import type { ValidateReport } from '../../app/models/validate';
import type { Lang, Printable, TableView } from '../output';
import { col, l } from './labels';
import { msg } from '../../core/messages/catalogue';

const SYMBOLS: Record<string, string> = { alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ' };

const UNITS = {
  day: l('days', 'dagar'),
  week: l('weeks', 'veckor'),
  month: l('months', 'månader'),
};

function parameterTable(fit: FitReport, lang: Lang): TableView {
  const unit = UNITS[fit.timeUnit][lang];
  const end = fit.calibrationEnd;
  const on =
    end === null ? l(fit.source, fit.source) : l(`transactions up to ${end}`, `transaktioner till ${end}`);
  const inUnit =
    fit.model === 'gammagamma'
      ? ''
      : fit.model === 'bgbb'
        ? ` (${l('opportunities', 'tillfällen')[lang]})`
        : ` (${unit})`;
  return {
    name: `parameters-${fit.model}`,
    title: l(`${fit.name} fitted on ${on.en}${inUnit}`, `${fit.name} skattad på ${on.sv}${inUnit}`),
    columns: [
      col('parameter', l('Parameter', 'Parameter'), 'text'),
      col('estimate', l('Estimate', 'Skattning'), 'decimal', 4),
      col('standardError', l('Std. error', 'Medelfel'), 'decimal', 4),
    ],
    rows: Object.entries(fit.params).map(([name, estimate]) => ({
      parameter: SYMBOLS[name] ?? name,
      estimate,
      standardError: fit.standardErrors[name] ?? null,
    })),
  };
}

function statisticsTable(fit: FitReport, lang: Lang): TableView {
  return {
    name: 'fit',
    columns: [
      col('customers', l('Customers', 'Kunder'), 'int'),
      col('logLikelihood', l('Log-likelihood', 'Log-likelihood'), 'decimal', 2),
      col('aic', 'AIC', 'decimal', 2),
      col('bic', 'BIC', 'decimal', 2),
      col('iterations', l('Iterations', 'Iterationer'), 'int'),
      col('converged', l('Converged', 'Konvergerade'), 'text'),
    ],
    rows: [{ ...fit, converged: fit.converged ? l('yes', 'ja')[lang] : l('no', 'nej')[lang] }],
    notes: fit.converged ? [] : [msg('model.not-converged', { model: fit.model, detail: fit.message })],
  };
}

export function fitPrintable(fit: FitReport, lang: Lang): Printable {
  return { json: fit, tables: [parameterTable(fit, lang), statisticsTable(fit, lang)] };
}

export function predictPrintable(r: PredictReport, lang: Lang): Printable {
  const summary: TableView = {
    name: 'predictions',
    title: l(
      `Predictions for ${r.horizonMonths} months written to ${r.out}`,
      `Prognoser för ${r.horizonMonths} månader skrivna till ${r.out}`,
    ),
    columns: [
      col('customers', l('Customers', 'Kunder'), 'int'),
      col('alive', l('Expected alive', 'Förväntat aktiva'), 'decimal', 0),
      col('expectedPurchases', l('Expected purchases', 'Förväntade köp'), 'decimal', 0),
      col('clv', l('CLV total', 'CLV totalt'), 'money'),
      col('discountRate', l('Discount rate/year', 'Diskonteringsränta/år'), 'percent'),
    ],
    rows: [{ customers: r.customers, discountRate: r.discountRate, ...r.totals }],
    notes: r.notes,
  };
  const fits = [r.purchaseFit, ...(r.spendFit ? [r.spendFit] : [])].map((f) => parameterTable(f, lang));
  return { json: r, tables: [summary, ...fits] };
}

export function validatePrintable(r: ValidateReport, lang: Lang): Printable {
  const unit = UNITS[r.timeUnit][lang];
  const summary: TableView = {
    name: 'validation',
    title: l(
      `${r.fit.name} fitted to ${r.calibrationEnd}, checked to ${r.holdoutEnd} (${r.holdoutLength.toFixed(1)} ${unit})`,
      `${r.fit.name} skattad till ${r.calibrationEnd}, prövad till ${r.holdoutEnd} (${r.holdoutLength.toFixed(1)} ${unit})`,
    ),
    columns: [
      col('customers', l('Customers', 'Kunder'), 'int'),
      col('holdoutActual', l('Holdout purchases', 'Köp i prövoperioden'), 'int'),
      col('holdoutPredicted', l('Predicted', 'Prognos'), 'decimal', 1),
      col('mae', 'MAE', 'decimal', 3),
      col('rmse', 'RMSE', 'decimal', 3),
    ],
    rows: [{ ...r }],
  };
  const groups: TableView = {
    name: 'by-frequency',
    title: l(
      'Mean holdout purchases by calibration frequency',
      'Medelantal köp i prövoperioden per frekvens',
    ),
    columns: [
      col('x', 'x', 'text'),
      col('customers', l('Customers', 'Kunder'), 'int'),
      col('actual', l('Actual', 'Utfall'), 'decimal', 3),
      col('predicted', l('Predicted', 'Prognos'), 'decimal', 3),
    ],
    rows: r.byFrequency.map((g) => ({ ...g })),
  };
  const tracking: TableView = {
    name: 'tracking',
    title: l('Cumulative repeat purchases', 'Kumulativa återköp'),
    columns: [
      col('period', l('Period', 'Period'), 'int'),
      col('day', l('Up to', 'Till'), 'date'),
      col('period_kind', l('Part', 'Del'), 'text'),
      col('actual', l('Actual', 'Utfall'), 'int'),
      col('expected', l('Expected', 'Förväntat'), 'decimal', 1),
    ],
    rows: r.tracking.map((p) => ({
      ...p,
      period_kind: p.holdout ? l('holdout', 'prövning')[lang] : l('calibration', 'kalibrering')[lang],
    })),
  };
  return { json: r, tables: [summary, parameterTable(r.fit, lang), groups, tracking] };
}

export function sbgPrintable(r: SbgReport, lang: Lang): Printable {
  const data =
    r.data === 'survival'
      ? l('cohort survival counts', 'kohortens överlevnadsantal')
      : l('individual lifetimes', 'enskilda livslängder');
  const parameters: TableView = {
    name: 'parameters-sbg',
    title: l(
      `sBG fitted on ${r.source} (${data.en}, ${r.observedPeriods} periods)`,
      `sBG skattad på ${r.source} (${data.sv}, ${r.observedPeriods} perioder)`,
    ),
    columns: [
      col('parameter', l('Parameter', 'Parameter'), 'text'),
      col('estimate', l('Estimate', 'Skattning'), 'decimal', 4),
      col('standardError', l('Std. error', 'Medelfel'), 'decimal', 4),
    ],
    rows: (['alpha', 'beta'] as const).map((name) => ({
      parameter: SYMBOLS[name] ?? name,
      estimate: r.params[name],
      standardError: r.standardErrors[name],
    })),
  };
  const statistics: TableView = {
    name: 'fit',
    columns: [
      col('customers', l('Customers', 'Kunder'), 'int'),
      col('logLikelihood', l('Log-likelihood', 'Log-likelihood'), 'decimal', 2),
      col('aic', 'AIC', 'decimal', 2),
      col('bic', 'BIC', 'decimal', 2),
      col('iterations', l('Iterations', 'Iterationer'), 'int'),
      col('converged', l('Converged', 'Konvergerade'), 'text'),
    ],
    rows: [{ ...r, converged: r.converged ? l('yes', 'ja')[lang] : l('no', 'nej')[lang] }],
    notes: r.converged ? [] : [msg('model.not-converged', { model: 'sBG', detail: r.message })],
  };
  const curve: TableView = {
    name: 'retention-curve',
    title: l(
      `Retention curve of a new cohort and DERL at ${(r.discountRate * 100).toFixed(1)} % per period`,
      `Kvarhållningskurva för en ny kohort och DERL vid ${(r.discountRate * 100).toFixed(1).replace('.', ',')} % per period`,
    ),
    columns: [
      col('period', l('Period', 'Period'), 'int'),
      col('part', l('Part', 'Del'), 'text'),
      col('observed', l('Observed surviving', 'Observerat kvar'), 'percent'),
      col('survival', l('Surviving', 'Kvar'), 'percent'),
      col('retention', l('Retention rate', 'Kvarhållningsgrad'), 'percent'),
      col('derl', l('DERL after t renewals', 'DERL efter t förnyelser'), 'decimal', 3),
    ],
    rows: r.curve.map((p) => ({
      ...p,
      part: p.projected ? l('projected', 'prognos')[lang] : l('observed', 'observerad')[lang],
    })),
    notes: [
      l(
        'DERL: expected future payments of 1 per period, discounted, of a customer after t renewals, valued just before the next renewal (Fader & Hardie 2010).',
        'DERL: förväntade framtida betalningar om 1 per period, diskonterade, för en kund efter t förnyelser, värderade strax före nästa förnyelse (Fader & Hardie 2010).',
      ),
    ],
  };
  return { json: r, tables: [parameters, statistics, curve] };
}

export function atRiskPrintable(r: AtRiskReport, _lang: Lang): Printable {
  const summary: TableView = {
    name: 'at-risk',
    title: l(
      `At risk: P(alive) ≤ ${(r.maxPAlive * 100).toFixed(0)} % and value if alive in the top ${r.topPercent} % (${r.horizonMonths} months)`,
      `I riskzonen: P(aktiv) ≤ ${(r.maxPAlive * 100).toFixed(0)} % och värde som aktiv bland de ${r.topPercent} % högsta (${r.horizonMonths} månader)`,
    ),
    columns: [
      col('customers', l('Customers', 'Kunder'), 'int'),
      col('atRisk', l('At risk', 'I riskzonen'), 'int'),
      col('valueThreshold', l('Value cut', 'Värdegräns'), 'money'),
      col('valueAtStake', l('Value at stake', 'Värde på spel'), 'money'),
      col('clvAtRisk', l('Their CLV', 'Deras CLV'), 'money'),
    ],
    rows: [{ ...r }],
    notes: r.notes,
  };
  const list: TableView = {
    name: 'customers',
    title: l(
      'Customers at risk, highest value if alive first',
      'Kunder i riskzonen, högst värde som aktiv först',
    ),
    columns: [
      col('customerId', l('Customer', 'Kund'), 'text'),
      col('x', 'x', 'int'),
      col('tx', 't_x', 'decimal', 2),
      col('T', 'T', 'decimal', 2),
      col('pAlive', l('P(alive)', 'P(aktiv)'), 'percent'),
      col('valueIfAlive', l('Value if alive', 'Värde som aktiv'), 'money'),
      col('clv', 'CLV', 'money'),
      col('expectedSpend', l('Spend/purchase', 'Belopp/köp'), 'money'),
    ],
    rows: r.rows.map((row) => ({ ...row })),
  };
  return { json: r, tables: [summary, list] };
}

export function bgBbPredictPrintable(r: BgBbPredictReport, lang: Lang): Printable {
  const summary: TableView = {
    name: 'predictions',
    title: l(
      `BG/BB predictions for the next ${r.horizon} opportunities written to ${r.out}`,
      `BG/BB-prognoser för de ${r.horizon} närmaste tillfällena skrivna till ${r.out}`,
    ),
    columns: [
      col('customers', l('Customers', 'Kunder'), 'int'),
      col('alive', l('Expected alive', 'Förväntat aktiva'), 'decimal', 0),
      col('expectedTransactions', l('Expected transactions', 'Förväntade transaktioner'), 'decimal', 0),
    ],
    rows: [{ customers: r.customers, ...r.totals }],
    notes: r.notes,
  };
  return { json: r, tables: [summary, parameterTable(r.fit, lang)] };
}

export function bgbbValidatePrintable(r: BgBbValidateReport, lang: Lang): Printable {
  const summary: TableView = {
    name: 'validation',
    title: l(
      `BG/BB fitted on ${r.source}, checked over the next ${r.holdoutOpportunities} opportunities`,
      `BG/BB skattad på ${r.source}, prövad över de ${r.holdoutOpportunities} följande tillfällena`,
    ),
    columns: [
      col('customers', l('Customers', 'Kunder'), 'int'),
      col('holdoutActual', l('Holdout transactions', 'Transaktioner i prövoperioden'), 'decimal', 0),
      col('holdoutPredicted', l('Predicted', 'Prognos'), 'decimal', 1),
      col('mae', 'MAE', 'decimal', 3),
      col('rmse', 'RMSE', 'decimal', 3),
    ],
    rows: [{ ...r }],
    notes: r.notes,
  };
  const groups: TableView = {
    name: 'by-frequency',
    title: l(
      'Mean holdout transactions by calibration frequency',
      'Medelantal transaktioner i prövoperioden per frekvens',
    ),
    columns: [
      col('x', 'x', 'text'),
      col('customers', l('Customers', 'Kunder'), 'int'),
      col('actual', l('Actual', 'Utfall'), 'decimal', 3),
      col('predicted', l('Predicted', 'Prognos'), 'decimal', 3),
    ],
    rows: r.byFrequency.map((g) => ({ ...g })),
  };
  const tracking: TableView = {
    name: 'tracking',
    title: l(
      'Expected cumulative transactions per holdout opportunity',
      'Förväntade kumulativa transaktioner per tillfälle i prövoperioden',
    ),
    columns: [
      col('opportunity', l('Opportunity', 'Tillfälle'), 'int'),
      col('expected', l('Expected', 'Förväntat'), 'decimal', 1),
    ],
    rows: r.tracking.map((p) => ({ ...p })),
  };
  return { json: r, tables: [summary, parameterTable(r.fit, lang), groups, tracking] };
}
