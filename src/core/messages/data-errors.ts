/**
 * Errors of the core rules and the data layer: bad model inputs, scores, dates and calendars, strategy
 * rules and scorecards, key-account finance, the stores' connections and the model input files. Values a
 * user typed (ids, names, file names, settings such as `lowPAlive`) are shown as given in both languages.
 */
import { entry, Message, type MessageFormat } from './message';

/** Where a problem is: a text as given (English, from an older caller) or a message. */
type Where = string | Message;

/** A part of a message: another message in the same language, or a text as given. */
function part(m: Where, f: MessageFormat): string {
  return m instanceof Message ? f.text(m) : String(m);
}

/** A number as it was given: `String(n)` in English, a decimal comma and grouped thousands in Swedish. */
function given(n: number, f: MessageFormat): string {
  if (f.lang === 'en' || !Number.isFinite(n)) return String(n);
  const text = String(n);
  if (text.includes('e')) return text.replace('.', ',');
  const dot = text.indexOf('.');
  return f.num(n, dot < 0 ? 0 : text.length - dot - 1);
}

/** A JSON type zod names, in Swedish. */
const SV_TYPES: Readonly<Record<string, string>> = {
  number: 'ett tal',
  int: 'ett heltal',
  string: 'en text',
  boolean: 'true eller false',
  object: 'ett objekt',
  array: 'en lista',
  undefined: 'inget värde',
  null: 'null',
  nan: 'NaN',
};

function svType(type: string): string {
  return SV_TYPES[type] ?? type;
}

/** What a scorecard factor takes, by its kind. */
interface Domain {
  kind: 'count' | 'years' | 'scale1to5';
  min: number;
}

function domainText(d: Domain, f: MessageFormat): string {
  if (f.lang === 'en') {
    if (d.kind === 'scale1to5') return 'a grade from 1 (very poor) to 5 (excellent)';
    return d.kind === 'years' ? `years of ${d.min} or more` : `a count of ${d.min} or more`;
  }
  if (d.kind === 'scale1to5') return 'ett betyg från 1 (mycket dåligt) till 5 (utmärkt)';
  return d.kind === 'years' ? `antal år från ${d.min} och uppåt` : `ett antal från ${d.min} och uppåt`;
}

/** A zod issue in Swedish, from its code and details. */
function svIssue(p: {
  code: string;
  expected: string | null;
  received: string | null;
  origin: string | null;
  limit: number | null;
  inclusive: boolean;
  list: string;
  count: number;
}): string {
  const bound = p.limit === null ? '' : String(p.limit).replace('.', ',');
  switch (p.code) {
    case 'invalid_type':
      return `ogiltigt värde: väntat ${svType(p.expected ?? '')}${p.received === null ? '' : `, fick ${svType(p.received)}`}`;
    case 'too_small':
      if (p.origin === 'string') return `för kort: väntat minst ${bound} tecken`;
      if (p.origin === 'array') return `för få: väntat minst ${bound} element`;
      return `för litet: väntat ett tal ${p.inclusive ? '≥' : '>'} ${bound}`;
    case 'too_big':
      if (p.origin === 'string') return `för lång: väntat högst ${bound} tecken`;
      if (p.origin === 'array') return `för många: väntat högst ${bound} element`;
      return `för stort: väntat ett tal ${p.inclusive ? '≤' : '<'} ${bound}`;
    case 'invalid_value':
      return `ogiltigt val: väntat något av ${p.list}`;
    case 'unrecognized_keys':
      return `${p.count === 1 ? 'okänd nyckel' : 'okända nycklar'}: ${p.list}`;
    default:
      return 'ogiltigt värde';
  }
}

type HorizonSetting = 'timeUnitsPerYear' | 'periodsPerYear' | 'periods' | 'annualDiscountRate';

function horizonExpected(setting: HorizonSetting, f: MessageFormat): string {
  const sv = f.lang === 'sv';
  if (setting === 'periods') return sv ? 'ett heltal ≥ 1' : 'a whole number ≥ 1';
  if (setting === 'annualDiscountRate') return sv ? 'ett tal > −1' : 'a number > −1';
  return sv ? 'ett positivt tal' : 'a positive number';
}

export const DATA_ERROR_MESSAGES = {
  // ---- a problem zod found in a file's shape (strategy rules, scorecards)
  'input.issue': entry<{
    source: Where;
    at: Where;
    message: string;
    code: string;
    expected: string | null;
    received: string | null;
    origin: string | null;
    limit: number | null;
    inclusive: boolean;
    list: string;
    count: number;
  }>({
    en: (p, f) => `${part(p.source, f)}: ${part(p.at, f)}: ${p.message}`,
    sv: (p, f) => `${part(p.source, f)}: ${part(p.at, f)}: ${svIssue(p)}`,
  }),

  // ---- scores, dates, calendars
  'score.nps': entry<{ score: string }>({
    en: (p) => `NPS score ${p.score} is not an integer from 0 to 10`,
    sv: (p) => `NPS-poängen ${p.score} är inte ett heltal från 0 till 10`,
  }),
  'score.scale': entry<{ kpi: string; score: string; max: number }>({
    en: (p) => `${p.kpi} score ${p.score} is not an integer from 1 to ${p.max}`,
    sv: (p) => `${p.kpi}-poängen ${p.score} är inte ett heltal från 1 till ${p.max}`,
  }),
  'date.not-iso': entry<{ what: string; text: string }>({
    en: (p) => `${p.what}: ${JSON.stringify(p.text)} is not a date (expected YYYY-MM-DD)`,
    sv: (p) =>
      `${p.what === 'date' ? 'datum' : p.what}: ${JSON.stringify(p.text)} är inte ett datum (väntat ÅÅÅÅ-MM-DD)`,
  }),
  'calendar.time-zone': entry<{ timeZone: string }>({
    en: (p) => `time zone ${JSON.stringify(p.timeZone)} is not an IANA time zone (e.g. Europe/Stockholm)`,
    sv: (p) => `tidszonen ${JSON.stringify(p.timeZone)} är inte en IANA-tidszon (t.ex. Europe/Stockholm)`,
  }),
  'calendar.order': entry<{ opens: string; closes: string }>({
    en: (p) => `business calendar: closes ${p.closes} is not later than opens ${p.opens}`,
    sv: (p) =>
      `kontorstider: stängningstiden (closes) ${p.closes} är inte senare än öppningstiden (opens) ${p.opens}`,
  }),
  'calendar.time': entry<{ which: 'opens' | 'closes'; time: string }>({
    en: (p) =>
      `business calendar: ${p.which} ${JSON.stringify(p.time)} is not a time HH:MM from 00:00 to 24:00`,
    sv: (p) =>
      `kontorstider: ${p.which === 'opens' ? 'öppningstiden' : 'stängningstiden'} (${p.which}) ${JSON.stringify(p.time)} är inte en tidpunkt TT:MM från 00:00 till 24:00`,
  }),

  // ---- model inputs (sBG, BG/BB, CLV, summaries)
  'fit.discount-rate': entry<{ rate: number }>({
    en: (p) => `discount rate ${p.rate} is not a positive number`,
    sv: (p, f) => `diskonteringsräntan ${given(p.rate, f)} är inte ett positivt tal`,
  }),
  'fit.renewals': entry<{ renewals: number }>({
    en: (p) => `renewals ${p.renewals} is not a whole number ≥ 0`,
    sv: (p, f) => `antalet förnyelser ${given(p.renewals, f)} är inte ett heltal ≥ 0`,
  }),
  'fit.where-survival': entry<{ period: number }>({
    en: (p) => `cohort survival, period ${p.period}`,
    sv: (p) => `kohortens överlevnad, period ${p.period}`,
  }),
  'fit.where-lifetime-weight': entry<{ lifetime: number }>({
    en: (p) => `lifetime ${p.lifetime}, weight`,
    sv: (p) => `livslängd ${p.lifetime}, vikt (weight)`,
  }),
  'fit.not-count': entry<{ where: Message; value: number }>({
    en: (p, f) => `${part(p.where, f)}: ${p.value} is not a count ≥ 0`,
    sv: (p, f) => `${part(p.where, f)}: ${given(p.value, f)} är inte ett antal ≥ 0`,
  }),
  'fit.survival-short': entry<{ values: number }>({
    en: (p) => `cohort survival has ${p.values} value(s); expected alive counts for periods 0..n, n ≥ 1`,
    sv: (p, f) =>
      `kohortens överlevnad har ${f.count(p.values, 'värde', 'värden')}; väntat antal aktiva kunder för perioderna 0..n, n ≥ 1`,
  }),
  'fit.survival-rises': entry<{ period: number; count: number; before: number }>({
    en: (p) =>
      `cohort survival, period ${p.period}: ${p.count} alive is more than ${p.before} in period ${p.period - 1}; expected a non-increasing count`,
    sv: (p, f) =>
      `kohortens överlevnad, period ${p.period}: ${given(p.count, f)} aktiva är fler än ${given(p.before, f)} i period ${p.period - 1}; väntat ett antal som aldrig ökar`,
  }),
  'fit.lifetime-periods': entry<{ lifetime: number; periods: number; lowest: number; churned: boolean }>({
    en: (p) =>
      `lifetime ${p.lifetime}: periods ${p.periods} is not a whole number ≥ ${p.lowest} (${p.churned ? 'churned' : 'still alive'})`,
    sv: (p, f) =>
      `livslängd ${p.lifetime}: periods ${given(p.periods, f)} är inte ett heltal ≥ ${p.lowest} (${p.churned ? 'avslutad' : 'fortfarande aktiv'})`,
  }),
  'fit.where-pattern': entry<{ pattern: number | null }>({
    en: (p) => (p.pattern === null ? 'pattern' : `pattern ${p.pattern}`),
    sv: (p) => (p.pattern === null ? 'mönstret' : `mönster ${p.pattern}`),
  }),
  'fit.not-pattern': entry<{ where: Message; x: number; tx: number; n: number }>({
    en: (p, f) =>
      `${part(p.where, f)}: (x ${p.x}, tx ${p.tx}, n ${p.n}) is not a pattern; expected whole numbers with 0 ≤ x ≤ tx ≤ n and tx = 0 exactly when x = 0`,
    sv: (p, f) =>
      `${part(p.where, f)}: (x ${given(p.x, f)}, tx ${given(p.tx, f)}, n ${given(p.n, f)}) är inte ett mönster; väntat heltal med 0 ≤ x ≤ tx ≤ n och tx = 0 precis när x = 0`,
  }),
  'fit.pattern-weight': entry<{ where: Message; weight: number }>({
    en: (p, f) => `${part(p.where, f)}: weight ${p.weight} is not a count ≥ 0`,
    sv: (p, f) => `${part(p.where, f)}: vikten ${given(p.weight, f)} är inte ett antal ≥ 0`,
  }),
  'fit.opportunities': entry<{ holdout: boolean; count: number }>({
    en: (p) =>
      `${p.holdout ? 'holdout opportunities' : 'opportunities'} ${p.count} is not a whole number ≥ 0`,
    sv: (p, f) =>
      `${p.holdout ? 'antalet tillfällen i kontrollperioden' : 'antalet tillfällen'} ${given(p.count, f)} är inte ett heltal ≥ 0`,
  }),
  'fit.holdout': entry<{ pattern: number; holdout: number; opportunities: number }>({
    en: (p) =>
      `pattern ${p.pattern}: holdout ${p.holdout} is not a number of transactions from 0 to ${p.opportunities} (the holdout opportunities)`,
    sv: (p, f) =>
      `mönster ${p.pattern}: holdout ${given(p.holdout, f)} är inte ett antal transaktioner från 0 till ${p.opportunities} (tillfällena i kontrollperioden)`,
  }),
  'fit.bgbb-no-customers': entry({
    en: () => 'no customers to validate BG/BB on',
    sv: () => 'inga kunder att validera BG/BB mot',
  }),
  'fit.clv-spend': entry<{ customer: number; value: number }>({
    en: (p) => `CLV: spend of customer ${p.customer} = ${p.value}; expected a finite number`,
    sv: (p, f) => `CLV: köpbeloppet för kund ${p.customer} = ${given(p.value, f)}; väntat ett ändligt tal`,
  }),
  'fit.clv-horizon': entry<{ setting: HorizonSetting; value: number }>({
    en: (p, f) => `CLV horizon: ${p.setting} = ${p.value}; expected ${horizonExpected(p.setting, f)}`,
    sv: (p, f) =>
      `CLV-horisont: ${p.setting} = ${given(p.value, f)}; väntat ${horizonExpected(p.setting, f)}`,
  }),
  'fit.summary-x': entry<{ row: number; x: number }>({
    en: (p) => `summary row ${p.row}: x = ${p.x} is not a whole number of repeat purchases ≥ 0`,
    sv: (p, f) => `sammanfattningsrad ${p.row}: x = ${given(p.x, f)} är inte ett helt antal återköp ≥ 0`,
  }),
  'fit.summary-tx': entry<{ row: number; tx: number; T: number }>({
    en: (p) => `summary row ${p.row}: tx = ${p.tx}, T = ${p.T}; expected finite 0 ≤ tx ≤ T`,
    sv: (p, f) =>
      `sammanfattningsrad ${p.row}: tx = ${given(p.tx, f)}, T = ${given(p.T, f)}; väntat ändliga tal med 0 ≤ tx ≤ T`,
  }),
  'fit.summary-weight': entry<{ row: number; weight: number }>({
    en: (p) => `summary row ${p.row}: weight = ${p.weight}; expected a finite number ≥ 0`,
    sv: (p, f) =>
      `sammanfattningsrad ${p.row}: vikt (weight) = ${given(p.weight, f)}; väntat ett ändligt tal ≥ 0`,
  }),
  'fit.spend-row': entry<{ row: number; x: number; mbar: number }>({
    en: (p) => `spend row ${p.row}: x = ${p.x}, mbar = ${p.mbar}; expected finite numbers ≥ 0`,
    sv: (p, f) =>
      `beloppsrad ${p.row}: x = ${given(p.x, f)}, mbar = ${given(p.mbar, f)}; väntat ändliga tal ≥ 0`,
  }),

  // ---- strategy rules
  'rules.not-object': entry<{ source: Where; sections: string }>({
    en: (p, f) => `${part(p.source, f)}: expected an object with sections ${p.sections}`,
    sv: (p, f) => `${part(p.source, f)}: väntat ett objekt med avsnitten ${p.sections}`,
  }),
  'rules.unknown-section': entry<{ source: Where; section: string; sections: string }>({
    en: (p, f) => `${part(p.source, f)}: unknown section ${p.section}; expected ${p.sections}`,
    sv: (p, f) => `${part(p.source, f)}: okänt avsnitt ${p.section}; väntat ${p.sections}`,
  }),
  'rules.loyalty-order': entry<{ source: Where; low: number; high: number }>({
    en: (p, f) =>
      `${part(p.source, f)}: loyalty.lowPAlive ${p.low} is above highPAlive ${p.high}; expected low ≤ high`,
    sv: (p, f) =>
      `${part(p.source, f)}: loyalty.lowPAlive ${given(p.low, f)} är större än highPAlive ${given(p.high, f)}; väntat lågt ≤ högt`,
  }),
  'rules.lifecycle-order': entry<{ source: Where; atRisk: number; lapsed: number }>({
    en: (p, f) =>
      `${part(p.source, f)}: lifecycle.atRiskFactor ${p.atRisk} is above lapsedFactor ${p.lapsed}; expected at risk before lapsed`,
    sv: (p, f) =>
      `${part(p.source, f)}: lifecycle.atRiskFactor ${given(p.atRisk, f)} är större än lapsedFactor ${given(p.lapsed, f)}; väntat att en kund hamnar i riskzonen innan den räknas som förlorad`,
  }),
  'rules.growth-order': entry<{ source: Where; decline: number; growth: number }>({
    en: (p, f) =>
      `${part(p.source, f)}: lifecycle.declineRatio ${p.decline} is above growthRatio ${p.growth}; the two would overlap`,
    sv: (p, f) =>
      `${part(p.source, f)}: lifecycle.declineRatio ${given(p.decline, f)} är större än growthRatio ${given(p.growth, f)}; de två skulle överlappa`,
  }),
  'rules.triggers-not-object': entry<{ source: Where }>({
    en: (p, f) => `${part(p.source, f)}: triggers: expected an object of trigger settings by trigger name`,
    sv: (p, f) => `${part(p.source, f)}: triggers: väntat ett objekt med inställningar per triggernamn`,
  }),
  'rules.unknown-trigger': entry<{ source: Where; trigger: string; triggers: string }>({
    en: (p, f) => `${part(p.source, f)}: trigger ${p.trigger} is unknown; expected one of ${p.triggers}`,
    sv: (p, f) => `${part(p.source, f)}: triggern ${p.trigger} är okänd; väntat någon av ${p.triggers}`,
  }),
  'rules.segment-loyalty': entry<{
    source: Where;
    segment: string;
    index: number;
    loyalty: string;
    levels: string;
  }>({
    en: (p, f) =>
      `${part(p.source, f)}: segment ${p.segment} (segments[${p.index}]): loyalty ${p.loyalty} is unknown; expected ${p.levels}`,
    sv: (p, f) =>
      `${part(p.source, f)}: segmentet ${p.segment} (segments[${p.index}]): lojalitetsnivån ${p.loyalty} är okänd; väntat ${p.levels}`,
  }),
  'rules.action-trigger': entry<{
    source: Where;
    action: string;
    index: number;
    trigger: string;
    triggers: string;
  }>({
    en: (p, f) =>
      `${part(p.source, f)}: action ${p.action} (actions[${p.index}]): trigger ${p.trigger} is unknown; expected one of ${p.triggers}`,
    sv: (p, f) =>
      `${part(p.source, f)}: åtgärden ${p.action} (actions[${p.index}]): triggern ${p.trigger} är okänd; väntat någon av ${p.triggers}`,
  }),
  'rules.reserved-segment': entry<{ source: Where; name: string }>({
    en: (p, f) =>
      `${part(p.source, f)}: segment name ${p.name} is reserved for customers without a purchase in the current window`,
    sv: (p, f) =>
      `${part(p.source, f)}: segmentnamnet ${p.name} är reserverat för kunder utan köp i det aktuella fönstret`,
  }),
  'rules.segment-twice': entry<{ source: Where; name: string }>({
    en: (p, f) => `${part(p.source, f)}: segment ${p.name} is defined twice`,
    sv: (p, f) => `${part(p.source, f)}: segmentet ${p.name} är definierat två gånger`,
  }),
  'rules.segment-tier': entry<{ source: Where; segment: string; tier: string; tierNames: string }>({
    en: (p, f) =>
      `${part(p.source, f)}: segment ${p.segment}: tier ${p.tier} is unknown; expected one of ${p.tierNames}`,
    sv: (p, f) =>
      `${part(p.source, f)}: segmentet ${p.segment}: kundkategorin ${p.tier} är okänd; väntat någon av ${p.tierNames}`,
  }),
  'rules.segments-overlap': entry<{ source: Where; other: string; segment: string; cell: string }>({
    en: (p, f) =>
      `${part(p.source, f)}: segments ${p.other} and ${p.segment} overlap on ${p.cell}; expected each tier × loyalty cell in one segment`,
    sv: (p, f) =>
      `${part(p.source, f)}: segmenten ${p.other} och ${p.segment} överlappar i ${p.cell}; väntat varje cell kategori × lojalitet i ett enda segment`,
  }),
  'rules.cell-uncovered': entry<{ source: Where; cell: string }>({
    en: (p, f) =>
      `${part(p.source, f)}: no segment covers ${p.cell}; expected every tier × loyalty cell in one segment`,
    sv: (p, f) =>
      `${part(p.source, f)}: inget segment täcker ${p.cell}; väntat varje cell kategori × lojalitet i ett enda segment`,
  }),
  'rules.action-twice': entry<{ source: Where; id: string }>({
    en: (p, f) => `${part(p.source, f)}: action id ${p.id} is used twice`,
    sv: (p, f) => `${part(p.source, f)}: åtgärds-id ${p.id} används två gånger`,
  }),
  'rules.action-segment': entry<{ source: Where; action: string; segment: string; known: string }>({
    en: (p, f) =>
      `${part(p.source, f)}: action ${p.action}: segment ${p.segment} is unknown; expected one of ${p.known}`,
    sv: (p, f) =>
      `${part(p.source, f)}: åtgärden ${p.action}: segmentet ${p.segment} är okänt; väntat något av ${p.known}`,
  }),
  'rules.actions-clash': entry<{
    source: Where;
    other: string;
    action: string;
    trigger: string;
    segment: string;
  }>({
    en: (p, f) =>
      `${part(p.source, f)}: actions ${p.other} and ${p.action} both answer trigger ${p.trigger} for segment ${p.segment}; expected one action per trigger × segment`,
    sv: (p, f) =>
      `${part(p.source, f)}: åtgärderna ${p.other} och ${p.action} svarar båda på triggern ${p.trigger} för segmentet ${p.segment}; väntat en åtgärd per trigger × segment`,
  }),

  // ---- scorecards
  'scorecard.path-factor': entry<{ factor: string; rest: string | null }>({
    en: (p) => `factor ${p.factor}${p.rest === null ? '' : `, ${p.rest}`}`,
    sv: (p) => `faktorn ${p.factor}${p.rest === null ? '' : `, ${p.rest}`}`,
  }),
  'scorecard.path-root': entry({
    en: () => 'the scorecard',
    sv: () => 'styrkortet',
  }),
  'scorecard.where-factor': entry<{ source: Where; factor: string }>({
    en: (p, f) => `${part(p.source, f)}: factor ${p.factor}`,
    sv: (p, f) => `${part(p.source, f)}: faktorn ${p.factor}`,
  }),
  'scorecard.min-negative': entry<{ where: Message; min: number }>({
    en: (p, f) => `${part(p.where, f)}: min ${p.min} is negative; expected 0 or more`,
    sv: (p, f) => `${part(p.where, f)}: min ${given(p.min, f)} är negativt; väntat 0 eller mer`,
  }),
  'scorecard.weight': entry<{ where: Message; weight: number }>({
    en: (p, f) => `${part(p.where, f)}: weight ${p.weight} is not allowed; expected a number ≥ 0`,
    sv: (p, f) =>
      `${part(p.where, f)}: vikten (weight) ${given(p.weight, f)} är inte tillåten; väntat ett tal ≥ 0`,
  }),
  'scorecard.step-start': entry<{
    where: Message;
    step: number;
    from: number;
    expected: number;
    gap: boolean;
  }>({
    en: (p, f) =>
      `${part(p.where, f)}: step ${p.step} starts at ${p.from}, which ${p.gap ? `leaves ${p.expected}…${p.from - 1} uncovered` : 'overlaps the step before'}; expected it to start at ${p.expected}`,
    sv: (p, f) =>
      `${part(p.where, f)}: steg ${p.step} börjar vid ${p.from}, vilket ${p.gap ? `lämnar ${p.expected}…${p.from - 1} otäckt` : 'överlappar steget före'}; väntat att det börjar vid ${p.expected}`,
  }),
  'scorecard.step-open': entry<{ where: Message; step: number }>({
    en: (p, f) => `${part(p.where, f)}: step ${p.step} is open-ended ("and above") but is not the last step`,
    sv: (p, f) =>
      `${part(p.where, f)}: steg ${p.step} är öppet uppåt ("och över") men är inte det sista steget`,
  }),
  'scorecard.step-order': entry<{ where: Message; step: number; from: number; to: number }>({
    en: (p, f) => `${part(p.where, f)}: step ${p.step} runs from ${p.from} to ${p.to}; expected to ≥ from`,
    sv: (p, f) => `${part(p.where, f)}: steg ${p.step} går från ${p.from} till ${p.to}; väntat to ≥ from`,
  }),
  'scorecard.step-above-scale': entry<{ where: Message; step: number; to: number; max: number }>({
    en: (p, f) =>
      `${part(p.where, f)}: step ${p.step} ends at ${p.to}; expected at most ${p.max} for a 1–5 scale`,
    sv: (p, f) =>
      `${part(p.where, f)}: steg ${p.step} slutar vid ${p.to}; väntat högst ${p.max} för en skala 1–5`,
  }),
  'scorecard.last-step-closed': entry<{ where: Message; to: number }>({
    en: (p, f) =>
      `${part(p.where, f)}: the last step ends at ${p.to}, so values above it have no probability; expected "to": null`,
    sv: (p, f) =>
      `${part(p.where, f)}: det sista steget slutar vid ${p.to}, så värden över det saknar sannolikhet; väntat "to": null`,
  }),
  'scorecard.last-step-end': entry<{ where: Message; to: string; max: number }>({
    en: (p, f) => `${part(p.where, f)}: the last step ends at ${p.to}; expected it to end at ${p.max}`,
    sv: (p, f) =>
      `${part(p.where, f)}: det sista steget slutar vid ${p.to}; väntat att det slutar vid ${p.max}`,
  }),
  'scorecard.group-twice': entry<{ source: Where; group: string }>({
    en: (p, f) => `${part(p.source, f)}: group ${p.group} appears twice; expected unique ids`,
    sv: (p, f) => `${part(p.source, f)}: gruppen ${p.group} förekommer två gånger; väntat unika id`,
  }),
  'scorecard.factor-twice': entry<{ where: Message }>({
    en: (p, f) => `${part(p.where, f)} appears twice; expected unique factor ids`,
    sv: (p, f) => `${part(p.where, f)} förekommer två gånger; väntat unika faktor-id`,
  }),
  'scorecard.no-group': entry<{ where: Message; group: string; groups: string }>({
    en: (p, f) => `${part(p.where, f)}: group "${p.group}" is not defined; expected one of ${p.groups}`,
    sv: (p, f) => `${part(p.where, f)}: gruppen "${p.group}" är inte definierad; väntat någon av ${p.groups}`,
  }),
  'scorecard.all-weights-zero': entry<{ source: Where }>({
    en: (p, f) => `${part(p.source, f)}: every factor has weight 0; expected at least one positive weight`,
    sv: (p, f) => `${part(p.source, f)}: alla faktorer har vikten 0; väntat minst en positiv vikt`,
  }),
  'scorecard.bounds': entry<{ source: Where; min: number; max: number }>({
    en: (p, f) =>
      `${part(p.source, f)}: bounds are inverted (min ${p.min} > max ${p.max}); expected min ≤ max`,
    sv: (p, f) =>
      `${part(p.source, f)}: gränserna är omkastade (min ${given(p.min, f)} > max ${given(p.max, f)}); väntat min ≤ max`,
  }),
  'scorecard.where-account': entry<{ account: string }>({
    en: (p) => `account ${p.account}: `,
    sv: (p) => `nyckelkund ${p.account}: `,
  }),
  'scorecard.where-assessment': entry<{ where: Where; assessedOn: string }>({
    en: (p, f) => `${part(p.where, f)}assessment of ${p.assessedOn}: `,
    sv: (p, f) => `${part(p.where, f)}bedömningen per ${p.assessedOn}: `,
  }),
  'scorecard.where-outcome': entry<{ outcome: number }>({
    en: (p) => `outcome ${p.outcome}: `,
    sv: (p) => `utfall ${p.outcome}: `,
  }),
  'scorecard.outside-domain': entry<{
    where: Where;
    factor: string;
    value: string;
    kind: Domain['kind'];
    min: number;
  }>({
    en: (p, f) =>
      `${part(p.where, f)}factor ${p.factor}: ${p.value} is outside its domain; expected ${domainText(p, f)}`,
    sv: (p, f) =>
      `${part(p.where, f)}faktorn ${p.factor}: ${p.value} ligger utanför dess definitionsområde; väntat ${domainText(p, f)}`,
  }),
  'scorecard.no-step': entry<{ where: Where; factor: string; value: number }>({
    en: (p, f) =>
      `${part(p.where, f)}factor ${p.factor}: no step covers ${p.value}; expected steps covering the whole domain`,
    sv: (p, f) =>
      `${part(p.where, f)}faktorn ${p.factor}: inget steg täcker ${given(p.value, f)}; väntat steg som täcker hela definitionsområdet`,
  }),
  'scorecard.no-value': entry<{ where: Where; factor: string; kind: Domain['kind']; min: number }>({
    en: (p, f) => `${part(p.where, f)}factor ${p.factor} has no value; expected ${domainText(p, f)}`,
    sv: (p, f) => `${part(p.where, f)}faktorn ${p.factor} saknar värde; väntat ${domainText(p, f)}`,
  }),
  'scorecard.unknown-factor': entry<{ factor: string; factors: string }>({
    en: (p) => `unknown factor ${p.factor}; expected one of ${p.factors}`,
    sv: (p) => `okänd faktor ${p.factor}; väntat någon av ${p.factors}`,
  }),
  'scorecard.what-if-delta': entry<{ delta: string; factor: string }>({
    en: (p) => `what-if change ${p.delta} is not a number; expected units of ${p.factor}`,
    sv: (p) => `what-if-ändringen ${p.delta} är inte ett tal; väntat enheter av ${p.factor}`,
  }),
  'scorecard.no-values': entry<{ account: string }>({
    en: (p) => `account ${p.account} has no scorecard values`,
    sv: (p) => `nyckelkund ${p.account} saknar värden i styrkortet`,
  }),

  // ---- key-account finance
  'finance.no-years': entry<{ account: string }>({
    en: (p) => `account ${p.account} has no forecast years; expected years 1…T`,
    sv: (p) => `nyckelkund ${p.account} har inga prognosår; väntat åren 1…T`,
  }),
  'finance.year': entry<{ account: string; year: number; twice: boolean; years: number }>({
    en: (p) =>
      `account ${p.account}: forecast ${p.twice ? `year ${p.year} appears twice` : `year ${p.year} is missing`}; expected years 1…${p.years} each once`,
    sv: (p) =>
      `nyckelkund ${p.account}: i prognosen ${p.twice ? `förekommer år ${p.year} två gånger` : `saknas år ${p.year}`}; väntat åren 1…${p.years} en gång vardera`,
  }),
  'finance.not-number': entry<{ account: string; year: number; key: string; value: string }>({
    en: (p) => `account ${p.account}, forecast year ${p.year}: ${p.key} ${p.value} is not a number`,
    sv: (p) => `nyckelkund ${p.account}, prognosår ${p.year}: ${p.key} ${p.value} är inte ett tal`,
  }),
  'finance.rate': entry<{ name: 'WACC' | 'discount rate'; rate: number }>({
    en: (p) => `${p.name} ${String(p.rate)} is not allowed; expected a fraction above -1 (0.048 = 4.8 %)`,
    sv: (p, f) =>
      `${p.name === 'WACC' ? 'WACC' : 'diskonteringsräntan'} ${given(p.rate, f)} är inte tillåten; väntat en andel över -1 (0,048 = 4,8 %)`,
  }),
  'finance.probability': entry<{ p: number }>({
    en: (p) => `retention probability ${String(p.p)} is not allowed; expected a fraction from 0 to 1`,
    sv: (p, f) =>
      `sannolikheten att behålla kunden ${given(p.p, f)} är inte tillåten; väntat en andel från 0 till 1`,
  }),
  'finance.tax': entry<{ tax: number }>({
    en: (p) => `tax rate ${p.tax} is not allowed; expected a fraction from 0 to below 1`,
    sv: (p, f) => `skattesatsen ${given(p.tax, f)} är inte tillåten; väntat en andel från 0 till under 1`,
  }),
  'finance.debt-share': entry<{ share: number }>({
    en: (p) => `debt share ${p.share} is not allowed; expected a fraction from 0 to 1`,
    sv: (p, f) => `skuldandelen ${given(p.share, f)} är inte tillåten; väntat en andel från 0 till 1`,
  }),
  'finance.capital': entry<{ debt: number; equity: number }>({
    en: (p) => `debt ${p.debt} and equity ${p.equity}: expected amounts ≥ 0, not both 0`,
    sv: (p, f) =>
      `skuld ${given(p.debt, f)} och eget kapital ${given(p.equity, f)}: väntat belopp ≥ 0, inte båda 0`,
  }),
  'finance.risk': entry<{ risk: number; mean: number }>({
    en: (p) => `risk ${p.risk} or mean risk ${p.mean} is not allowed; expected fractions from 0 to 1`,
    sv: (p, f) =>
      `risken ${given(p.risk, f)} eller medelrisken ${given(p.mean, f)} är inte tillåten; väntat andelar från 0 till 1`,
  }),

  // ---- the stores
  'store.holdout-before': entry<{ holdoutEnd: string; calibrationEnd: string }>({
    en: (p) =>
      `holdout end ${p.holdoutEnd} is before the calibration end ${p.calibrationEnd}; expected a later day`,
    sv: (p) =>
      `kontrollperiodens slut ${p.holdoutEnd} ligger före kalibreringens slut ${p.calibrationEnd}; väntat en senare dag`,
  }),
  'store.pg-url': entry<{ location: string }>({
    en: (p) => `${p.location}: not a PostgreSQL URL; expected postgres://user@host:port/database`,
    sv: (p) => `${p.location}: inte en PostgreSQL-URL; väntat postgres://användare@värd:port/databas`,
  }),
  'store.pg-schema': entry<{ location: string; schema: string }>({
    en: (p) =>
      `${p.location}: schema "${p.schema}" is not a plain name; expected lower-case letters, digits and underscores`,
    sv: (p) =>
      `${p.location}: schemat "${p.schema}" är inte ett enkelt namn; väntat gemena bokstäver, siffror och understreck`,
  }),
  'store.pg-cannot-open': entry<{ location: string; detail: string }>({
    en: (p) =>
      `cannot open the PostgreSQL store ${p.location}: ${p.detail}; check that the server runs and the URL (user, host, port, database)`,
    sv: (p) =>
      `kan inte öppna PostgreSQL-lagret ${p.location}: ${p.detail}; kontrollera att servern körs och URL:en (användare, värd, port, databas)`,
  }),
  'store.duckdb-locked': entry<{ path: string; holder: string; pid: string }>({
    en: (p) =>
      `cannot open database ${p.path}: it is locked by another process (${p.holder}, PID ${p.pid}); close it or use another {option:db}`,
    sv: (p) =>
      `kan inte öppna databasen ${p.path}: den är låst av en annan process (${p.holder}, PID ${p.pid}); stäng den eller använd en annan {option:db}`,
  }),
  'store.duckdb-foreign': entry<{ path: string; sqlite: boolean }>({
    en: (p) =>
      `cannot open database ${p.path}: it is not a DuckDB database${p.sqlite ? ' (it looks like SQLite)' : ''}; give {option:db} a DuckDB file`,
    sv: (p) =>
      `kan inte öppna databasen ${p.path}: den är inte en DuckDB-databas${p.sqlite ? ' (den ser ut att vara SQLite)' : ''}; ge {option:db} en DuckDB-fil`,
  }),
  'store.duckdb-cannot-open': entry<{ path: string; detail: string }>({
    en: (p) => `cannot open database ${p.path}: ${p.detail}`,
    sv: (p) => `kan inte öppna databasen ${p.path}: ${p.detail}`,
  }),
  'store.trend-blocks': entry<{ blocks: number; months: number; max: number }>({
    en: (p) =>
      `each trend point needs ${p.blocks} blocks of ${p.months} month${p.months === 1 ? '' : 's'}, ` +
      `more than the ${p.max} one scan holds; use a step that divides the window into at most ${p.max / 2} parts`,
    sv: (p, f) =>
      `varje punkt i trenden behöver ${p.blocks} block om ${f.count(p.months, 'månad', 'månader')}, ` +
      `fler än de ${p.max} som en genomläsning rymmer; välj ett steg som delar fönstret i högst ${p.max / 2} delar`,
  }),

  // ---- files the data layer reads and writes besides the import
  'files.cannot-write': entry<{ path: string; detail: string }>({
    en: (p) => `cannot write ${p.path}: ${p.detail}`,
    sv: (p) => `kan inte skriva ${p.path}: ${p.detail}`,
  }),
  'files.not-yaml-json': entry<{
    path: string;
    yaml: boolean;
    line: string | null;
    problem: string;
    what: 'rules' | 'scorecard';
  }>({
    en: (p) => {
      const format = p.yaml ? 'YAML' : 'JSON';
      const problem = p.line === null ? p.problem : `line ${p.line}: ${p.problem}`;
      return `${p.path}: not ${format} (${problem}); expected ${p.what === 'rules' ? 'strategy rules' : 'a scorecard'} as ${format}`;
    },
    sv: (p) => {
      const format = p.yaml ? 'YAML' : 'JSON';
      const problem = p.line === null ? p.problem : `rad ${p.line}: ${p.problem}`;
      return `${p.path}: inte ${format} (${problem}); väntat ${p.what === 'rules' ? 'strategiregler' : 'ett styrkort'} som ${format}`;
    },
  }),
  'files.bad-value': entry<{ file: string; row: number; column: string; value: string; expected: Message }>({
    en: (p, f) => `${p.file}: row ${p.row}, column ${p.column}: ${p.value} is not ${part(p.expected, f)}`,
    sv: (p, f) => `${p.file}: rad ${p.row}, kolumn ${p.column}: ${p.value} är inte ${part(p.expected, f)}`,
  }),
  'files.no-customers': entry<{ file: string }>({
    en: (p) => `${p.file}: no customers after the header`,
    sv: (p) => `${p.file}: inga kunder efter rubrikraden`,
  }),
  'files.survival-periods': entry<{ file: string; periods: number }>({
    en: (p) =>
      `${p.file}: ${p.periods} period${p.periods === 1 ? '' : 's'} of survival counts; expected periods 0, 1, … n with n ≥ 1`,
    sv: (p, f) =>
      `${p.file}: ${f.count(p.periods, 'period', 'perioder')} med överlevnadsantal; väntat perioderna 0, 1, … n med n ≥ 1`,
  }),
  'files.retention-header': entry<{ file: string; header: string }>({
    en: (p) =>
      `${p.file}: the header ${p.header} has neither period and surviving (cohort survival counts) nor periods and churned (individual lifetimes)`,
    sv: (p) =>
      `${p.file}: rubrikraden ${p.header} har varken period och surviving (en kohorts överlevnadsantal) eller periods och churned (enskilda livslängder)`,
  }),
  'files.summary-header': entry<{ file: string; missing: string; header: string }>({
    en: (p) =>
      `${p.file}: no column ${p.missing} in the header ${p.header} (expected x or frequency, t_x or recency, T, optionally monetary)`,
    sv: (p) =>
      `${p.file}: ingen kolumn ${p.missing} i rubrikraden ${p.header} (väntat x eller frequency, t_x eller recency, T, valfritt monetary)`,
  }),
  // what a value of a model input file should be
  'files.period-in-order': entry<{ period: number }>({
    en: (p) => `period ${p.period} (periods run 0, 1, 2, … in order)`,
    sv: (p) => `period ${p.period} (perioderna löper 0, 1, 2, … i ordning)`,
  }),
  'files.customers-min0': entry({
    en: () => 'a number of customers ≥ 0',
    sv: () => 'ett antal kunder ≥ 0',
  }),
  'files.customers-up-to': entry<{ previous: number }>({
    en: (p) => `a number of customers from 0 to the ${p.previous} of the period before`,
    sv: (p, f) => `ett antal kunder från 0 till föregående periods ${given(p.previous, f)}`,
  }),
  'files.cohort-start': entry({
    en: () => 'a cohort of at least one customer at period 0',
    sv: () => 'en kohort med minst en kund i period 0',
  }),
  'files.true-false': entry({
    en: () => 'true or false (also yes/no, 1/0)',
    sv: () => 'true eller false (även yes/no, ja/nej, 1/0)',
  }),
  'files.periods-churned': entry({
    en: () => 'a whole number of periods ≥ 1 (churned in that period)',
    sv: () => 'ett helt antal perioder ≥ 1 (avslutad under den perioden)',
  }),
  'files.periods-min0': entry({
    en: () => 'a whole number of periods ≥ 0',
    sv: () => 'ett helt antal perioder ≥ 0',
  }),
  'files.whole-min0': entry({
    en: () => 'a whole number ≥ 0',
    sv: () => 'ett heltal ≥ 0',
  }),
  'files.number-min0': entry({
    en: () => 'a number ≥ 0',
    sv: () => 'ett tal ≥ 0',
  }),
  'files.number-to-T': entry<{ T: number }>({
    en: (p) => `a number from 0 to T = ${p.T}`,
    sv: (p, f) => `ett tal från 0 till T = ${given(p.T, f)}`,
  }),
  'files.amount-min0': entry({
    en: () => 'an amount ≥ 0',
    sv: () => 'ett belopp ≥ 0',
  }),
  'files.whole-min-tx': entry<{ tx: number }>({
    en: (p) => `a whole number ≥ t_x = ${p.tx}`,
    sv: (p, f) => `ett heltal ≥ t_x = ${given(p.tx, f)}`,
  }),
  'files.transactions-min0': entry({
    en: () => 'a number of transactions ≥ 0',
    sv: () => 'ett antal transaktioner ≥ 0',
  }),
};
