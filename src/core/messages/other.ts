/** Notes of the models, key accounts, the KPI board and KPI quality, and the customer strategy. */
import { entry, type Message } from './message';

export const OTHER_MESSAGES = {
  'customer.erased': entry<{ customerId: string; rows: number; accounts: number }>({
    en: (p, f) =>
      `customer ${JSON.stringify(p.customerId)} erased: ${f.count(p.rows, 'row', 'rows')} deleted, ${f.count(p.accounts, 'key account', 'key accounts')} unlinked`,
    sv: (p, f) =>
      `kund ${JSON.stringify(p.customerId)} raderad: ${f.count(p.rows, 'rad', 'rader')} borttagna, ${f.count(p.accounts, 'nyckelkund', 'nyckelkunder')} frikopplade`,
  }),
  'customer.erase-dry-run': entry<{ customerId: string; rows: number; accounts: number }>({
    en: (p, f) =>
      `dry run: erasing customer ${JSON.stringify(p.customerId)} would delete ${f.count(p.rows, 'row', 'rows')} and unlink ${f.count(p.accounts, 'key account', 'key accounts')}; nothing changed`,
    sv: (p, f) =>
      `provkörning: att radera kund ${JSON.stringify(p.customerId)} skulle ta bort ${f.count(p.rows, 'rad', 'rader')} och frikoppla ${f.count(p.accounts, 'nyckelkund', 'nyckelkunder')}; inget ändrades`,
  }),
  'model.not-converged': entry<{ model: string; detail: string }>({
    en: (p) => `${p.model}: the fit did not converge (${p.detail})`,
    sv: (p) => `${p.model}: skattningen konvergerade inte (${p.detail})`,
  }),
  'model.no-monetary': entry<{ source: string }>({
    en: (p) => `${p.source} has no monetary column: expected spend and CLV are left empty`,
    sv: (p) => `${p.source} har ingen beloppskolumn: förväntat köpbelopp och CLV lämnas tomma`,
  }),
  'model.no-repeat-spend': entry({
    en: () =>
      'no customer with a repeat purchase and a positive spend: expected spend and CLV are left empty',
    sv: () => 'ingen kund med ett återköp och ett positivt belopp: förväntat köpbelopp och CLV lämnas tomma',
  }),
  'model.gamma-gamma-q': entry<{ q: number }>({
    en: (p, f) =>
      `Gamma-Gamma q = ${f.num(p.q, 3)} ≤ 1: the mean spend does not exist for customers without repeat purchases (left empty)`,
    sv: (p, f) =>
      `Gamma-Gamma q = ${f.num(p.q, 3)} ≤ 1: medelbeloppet finns inte för kunder utan återköp (lämnas tomt)`,
  }),
  'model.unranked': entry<{ customers: number }>({
    en: (p, f) =>
      `${f.num(p.customers)} customers have no value (no mean spend, or P(alive) = 0) and are not ranked`,
    sv: (p, f) =>
      `${f.count(p.customers, 'kund', 'kunder')} saknar värde (inget medelbelopp, eller P(aktiv) = 0) och rangordnas inte`,
  }),
  'strategy.no-fit': entry({
    en: () => 'BG/NBD could not be fitted: loyalty and risk are behavioural for every customer',
    sv: () => 'BG/NBD kunde inte skattas: lojalitet och risk bygger på beteende för alla kunder',
  }),
  'strategy.duration-capped': entry({
    en: () =>
      'a tier lost no customer between the windows: its duration is capped at 10 years for the behavioural CLV',
    sv: () =>
      'en kundkategori förlorade ingen kund mellan fönstren: dess varaktighet begränsas till 10 år för beteende-CLV',
  }),
  'strategy.logged': entry<{ count: number; since: string }>({
    en: (p, f) =>
      `${f.count(p.count, 'earlier exported suggestion', 'earlier exported suggestions')} in the action log (as of ${p.since} or later)`,
    sv: (p, f) =>
      `${f.count(p.count, 'tidigare exporterat förslag', 'tidigare exporterade förslag')} i åtgärdsloggen (per ${p.since} eller senare)`,
  }),
  'accounts.unassessed': entry<{ count: number; asOf: string; ids: string }>({
    en: (p, f) =>
      `${f.count(p.count, 'account has', 'accounts have')} no assessment on or before ${p.asOf} and ${p.count === 1 ? 'is' : 'are'} left out: ${p.ids}`,
    sv: (p, f) =>
      `${f.count(p.count, 'konto saknar', 'konton saknar')} bedömning per ${p.asOf} eller tidigare och utelämnas: ${p.ids}`,
  }),
  'accounts.unforecast': entry<{ count: number; ids: string }>({
    en: (p, f) =>
      `${f.count(p.count, 'account has', 'accounts have')} no forecast and ${p.count === 1 ? 'is' : 'are'} left out: ${p.ids}`,
    sv: (p, f) => `${f.count(p.count, 'konto saknar', 'konton saknar')} prognos och utelämnas: ${p.ids}`,
  }),
  'accounts.strangers': entry<{ count: number; ids: string }>({
    en: (p, f) =>
      `assessments or forecasts of ${f.count(p.count, 'account id', 'account ids')} not in the accounts table are left out: ${p.ids}`,
    sv: (p, f) =>
      `bedömningar eller prognoser för ${f.count(p.count, 'konto-id', 'konto-id')} som inte finns i kontotabellen utelämnas: ${p.ids}`,
  }),
  'accounts.none-complete': entry({
    en: () => 'no account has both an assessment and a forecast',
    sv: () => 'inget konto har både en bedömning och en prognos',
  }),
  'backtest.unscored': entry<{ unscored: number; due: number }>({
    en: (p, f) =>
      `${f.num(p.unscored)} of ${f.num(p.due)} renewals had no assessment before they fell due and are not scored`,
    sv: (p, f) =>
      `${f.num(p.unscored)} av ${f.num(p.due)} förnyelser saknade bedömning innan de förföll och poängsätts inte`,
  }),
  'backtest.no-weights': entry<{ reason: Message }>({
    en: (p, f) => `no weights learnt: ${f.text(p.reason)}`,
    sv: (p, f) => `inga vikter inlärda: ${f.text(p.reason)}`,
  }),
  'weights.too-few': entry<{ n: number; minimum: number }>({
    en: (p, f) => `${f.num(p.n)} renewal outcomes; at least ${f.num(p.minimum)} are needed`,
    sv: (p, f) => `${f.num(p.n)} förnyelseutfall; minst ${f.num(p.minimum)} behövs`,
  }),
  'weights.one-sided': entry<{ n: number; renewed: boolean }>({
    en: (p, f) => `all ${f.num(p.n)} outcomes are ${p.renewed ? 'renewals' : 'losses'}; both are needed`,
    sv: (p, f) => `alla ${f.num(p.n)} utfall är ${p.renewed ? 'förnyelser' : 'förluster'}; båda behövs`,
  }),
  'kpi.no-value': entry<{ asOf: string; reasons: readonly Message[] }>({
    en: (p, f) =>
      `no value as of ${p.asOf}: ${p.reasons.length === 0 ? 'no customers in the previous window' : f.text(p.reasons)}`,
    sv: (p, f) =>
      `inget värde per ${p.asOf}: ${p.reasons.length === 0 ? 'inga kunder i föregående fönster' : f.text(p.reasons)}`,
  }),
  'kpi.no-scored-complaint': entry<{ asOf: string }>({
    en: (p) => `no resolved complaint with a satisfaction score in the window to ${p.asOf}`,
    sv: (p) => `inget löst klagomål med ett nöjdhetsbetyg i fönstret till ${p.asOf}`,
  }),
  'kpi.no-complaints': entry<{ asOf: string }>({
    en: (p) => `no complaints or customers to compute it from in the window to ${p.asOf}`,
    sv: (p) => `inga klagomål eller kunder att beräkna det från i fönstret till ${p.asOf}`,
  }),
  'kpi.no-answers': entry<{ asOf: string }>({
    en: (p) => `no survey answers of this kind in the window to ${p.asOf}`,
    sv: (p) => `inga enkätsvar av detta slag i fönstret till ${p.asOf}`,
  }),
  'kpi.no-active': entry<{ asOf: string }>({
    en: (p) => `no active customers in the window to ${p.asOf}`,
    sv: (p) => `inga aktiva kunder i fönstret till ${p.asOf}`,
  }),
  'kpi.not-computed': entry({
    en: () => 'the board does not compute this KPI yet',
    sv: () => 'tavlan beräknar inte detta KPI än',
  }),
  'kpi.row-note': entry<{ id: string; note: Message }>({
    en: (p, f) => `${p.id}: ${f.text(p.note)}`,
    sv: (p, f) => `${p.id}: ${f.text(p.note)}`,
  }),
  'kpi.board-too-long': entry<{ kpis: number; maximum: number }>({
    en: (p, f) =>
      `the board holds ${f.num(p.kpis)} KPIs; keep it to ${f.num(p.maximum)} or fewer so each gets attention`,
    sv: (p, f) =>
      `tavlan har ${f.num(p.kpis)} KPI:er; håll den till högst ${f.num(p.maximum)} så att vart och ett får uppmärksamhet`,
  }),
  'quality.no-standard-error': entry({
    en: () => 'no standard error for this KPI: no interval or detectable change',
    sv: () => 'inget standardfel för detta KPI: inget intervall eller upptäckbar förändring',
  }),
  'quality.no-score': entry({
    en: () => 'no customer-level score: no AUC',
    sv: () => 'inget värde per kund: ingen AUC',
  }),
  'quality.no-auc': entry<{ end: string }>({
    en: (p) =>
      `no AUC: the customers scored in the window to ${p.end} are all active or all inactive after it (or none)`,
    sv: (p) =>
      `ingen AUC: kunderna med värde i fönstret till ${p.end} är alla aktiva eller alla inaktiva efteråt (eller inga)`,
  }),
  'quality.no-monthly': entry({
    en: () => 'no monthly value: no lagged correlation',
    sv: () => 'inget månadsvärde: ingen fördröjd korrelation',
  }),
  'quality.no-lagged': entry({
    en: () => 'no lagged correlation: fewer than 3 months with a value, or no variation',
    sv: () => 'ingen fördröjd korrelation: färre än 3 månader med ett värde, eller ingen variation',
  }),
};
