/** Notes of the reports: portfolio, flows, retention, cohorts, concentration, loyalty, contracts, service. */
import { entry, type MessageFormat } from './message';

/** A note's subject: a tier name, or the whole base (`total`, `overall`). */
const subject = (s: string, f: MessageFormat): string =>
  s === 'total' || s === 'overall' ? (f.lang === 'sv' ? 'totalt' : s) : f.tier(s);

export const REPORT_MESSAGES = {
  'retention.no-previous': entry<{ subject: string }>({
    en: (p, f) =>
      `${subject(p.subject, f)}: retention and duration undefined: no customers in the previous window`,
    sv: (p, f) =>
      `${subject(p.subject, f)}: retention och varaktighet odefinierade: inga kunder i föregående fönster`,
  }),
  'retention.no-churn': entry<{ subject: string }>({
    en: (p, f) =>
      `${subject(p.subject, f)}: duration undefined: no customer was lost (zero churn), so the lifetime is unbounded`,
    sv: (p, f) =>
      `${subject(p.subject, f)}: varaktighet odefinierad: ingen kund förlorades (ingen churn), så livslängden är obegränsad`,
  }),
  'retention.early-churn-undefined': entry({
    en: () => 'early-churn ratio undefined: no churn, or no customers, in the first two years or after',
    sv: () =>
      'kvoten för tidig churn är odefinierad: ingen churn, eller inga kunder, de två första åren eller senare',
  }),
  'portfolio.tier-empty': entry<{ tier: string }>({
    en: (p, f) => `${f.tier(p.tier)}: no members in the current window; tier value 0`,
    sv: (p, f) => `${f.tier(p.tier)}: inga medlemmar i nuvarande fönster; kategorins värde 0`,
  }),
  'portfolio.clv-index-undefined': entry<{ lowest: 'undefined' | 'not positive' }>({
    en: (p) => `CLV index undefined: the lowest tier's CLV is ${p.lowest}`,
    sv: (p) =>
      `CLV-index odefinierat: den lägsta kundkategorins CLV är ${p.lowest === 'undefined' ? 'odefinierad' : 'inte positiv'}`,
  }),
  'portfolio.value-undefined': entry({
    en: () => 'portfolio value undefined: a tier value is undefined',
    sv: () => 'portföljens värde odefinierat: en kundkategoris värde är odefinierat',
  }),
  'clv-basis.values': entry<{ horizonMonths: number; discountRate: number; timeUnit: string }>({
    en: (p, f) =>
      `tiers rank customers by predicted CLV, not by what they spent in the window: BG/NBD (purchases) and Gamma-Gamma (spend per purchase) fitted on every customer's purchases up to each window's end, times in ${p.timeUnit}s; CLV = expected spend over the next ${f.num(p.horizonMonths)} months discounted at ${f.pct(p.discountRate, Number.isInteger(Math.round(p.discountRate * 1e6) / 1e4) ? 0 : 2)} a year; the values are model predictions, not observed revenue`,
    sv: (p, f) =>
      `kundkategorierna rangordnar kunder efter predikterat CLV, inte efter vad de köpte för i fönstret: BG/NBD (köp) och Gamma-Gamma (belopp per köp) skattade på varje kunds köp fram till fönstrets slut, tider i ${p.timeUnit === 'day' ? 'dagar' : p.timeUnit === 'month' ? 'månader' : 'veckor'}; CLV = förväntade köpbelopp de kommande ${f.num(p.horizonMonths)} månaderna diskonterade med ${f.pct(p.discountRate, Number.isInteger(Math.round(p.discountRate * 1e6) / 1e4) ? 0 : 2)} per år; värdena är modellprognoser, inte observerad intäkt`,
  }),
  'clv-basis.fit': entry<{
    previousWindow: boolean;
    asOf: string;
    customers: number;
    r: number;
    alpha: number;
    a: number;
    b: number;
    iterations: number;
    spendCustomers: number;
    p: number;
    q: number;
    gamma: number;
    spendIterations: number;
  }>({
    en: (p, f) =>
      `${p.previousWindow ? 'previous' : 'current'} window, fitted as of ${p.asOf}: BG/NBD on ${f.count(p.customers, 'customer', 'customers')} (r ${f.num(p.r, 3)}, α ${f.num(p.alpha, 3)}, a ${f.num(p.a, 3)}, b ${f.num(p.b, 3)}; converged in ${f.num(p.iterations)} iterations), Gamma-Gamma on ${f.num(p.spendCustomers)} repeat buyers (p ${f.num(p.p, 3)}, q ${f.num(p.q, 3)}, γ ${f.num(p.gamma, 3)}; converged in ${f.num(p.spendIterations)} iterations)`,
    sv: (p, f) =>
      `${p.previousWindow ? 'föregående' : 'nuvarande'} fönster, skattat per ${p.asOf}: BG/NBD på ${f.count(p.customers, 'kund', 'kunder')} (r ${f.num(p.r, 3)}, α ${f.num(p.alpha, 3)}, a ${f.num(p.a, 3)}, b ${f.num(p.b, 3)}; konvergerade efter ${f.num(p.iterations)} iterationer), Gamma-Gamma på ${f.num(p.spendCustomers)} återkommande köpare (p ${f.num(p.p, 3)}, q ${f.num(p.q, 3)}, γ ${f.num(p.gamma, 3)}; konvergerade efter ${f.num(p.spendIterations)} iterationer)`,
  }),
  'contracts.clv-total-undefined': entry({
    en: () => 'CLV total undefined: a tier CLV is undefined',
    sv: () => 'CLV totalt odefinierat: en kundkategoris CLV är odefinierat',
  }),
  'simulate.clamped-low': entry<{ tier: string; retention: number; delta: number }>({
    en: (p, f) =>
      `${f.tier(p.tier)}: retention ${f.pct(p.retention)} ${f.num(p.delta, Number.isInteger(p.delta) ? 0 : 1)} points is below 0 %; clamped to 0 %`,
    sv: (p, f) =>
      `${f.tier(p.tier)}: retention ${f.pct(p.retention)} ${f.num(p.delta, Number.isInteger(p.delta) ? 0 : 1)} procentenheter är under 0 %; satt till 0 %`,
  }),
  'simulate.clamped-high': entry<{ tier: string; retention: number; delta: number }>({
    en: (p, f) =>
      `${f.tier(p.tier)}: retention ${f.pct(p.retention)} + ${f.num(p.delta, Number.isInteger(p.delta) ? 0 : 1)} points is above 100 %; clamped to 100 %`,
    sv: (p, f) =>
      `${f.tier(p.tier)}: retention ${f.pct(p.retention)} + ${f.num(p.delta, Number.isInteger(p.delta) ? 0 : 1)} procentenheter är över 100 %; satt till 100 %`,
  }),
  'simulate.no-base-retention': entry<{ tier: string }>({
    en: (p, f) => `${f.tier(p.tier)}: no base retention (no customers in the previous window)`,
    sv: (p, f) => `${f.tier(p.tier)}: ingen utgångsretention (inga kunder i föregående fönster)`,
  }),
  'simulate.unbounded': entry<{ tier: string }>({
    en: (p, f) => `${f.tier(p.tier)}: retention reaches 100 %, the duration is unbounded`,
    sv: (p, f) => `${f.tier(p.tier)}: retentionen når 100 %, varaktigheten är obegränsad`,
  }),
  'flows.no-previous': entry({
    en: () => 'no customers were active in the previous window',
    sv: () => 'inga kunder var aktiva i föregående fönster',
  }),
  'flows.no-current': entry({
    en: () => 'no customers are active in the current window',
    sv: () => 'inga kunder är aktiva i nuvarande fönster',
  }),
  'activity.contracts-too': entry({
    en: () =>
      'the store holds contracts too: the contracts basis (basis contracts) reports on contractual activity',
    sv: () =>
      'databasen innehåller även avtal: avtalsbasen (basis contracts) rapporterar aktivitet enligt avtal',
  }),
  'activity.contracts-basis': entry<{ previousDay: string; asOf: string; revenue: 'fees' | 'invoices' }>({
    en: (p) =>
      `basis: contracts (active = a contract in force on the day; before = ${p.previousDay}, now = ${p.asOf}; ` +
      `purchases count the product lines held; revenue from ${p.revenue === 'fees' ? 'annual fees' : 'linked invoices'})`,
    sv: (p) =>
      `bas: avtal (aktiv = ett avtal som gäller den dagen; före = ${p.previousDay}, nu = ${p.asOf}; ` +
      `köp räknar innehavda produktlinjer; intäkt från ${p.revenue === 'fees' ? 'årsavgifter' : 'kopplade fakturor'})`,
  }),
  'cohorts.none': entry<{ years: number; asOf: string }>({
    en: (p, f) => `no customers acquired in the ${f.num(p.years)} years up to ${p.asOf}`,
    sv: (p, f) => `inga kunder förvärvade under de ${f.num(p.years)} åren fram till ${p.asOf}`,
  }),
  'cohorts.periods': entry({
    en: () =>
      'periods count from each customer’s first-purchase month; periods not yet over for every member are left out',
    sv: () =>
      'perioderna räknas från varje kunds första köpmånad; perioder som inte är slut för alla medlemmar utelämnas',
  }),
  'cohorts.contracts-basis': entry<{ revenue: 'fees' | 'invoices' }>({
    en: (p) =>
      'basis: contracts (cohort = month of the first contract start; active in a period = a contract in force ' +
      `on a day of it; revenue from ${p.revenue === 'fees' ? 'annual fees pro rata to the days in force' : 'linked invoices'})`,
    sv: (p) =>
      'bas: avtal (kohort = månaden då det första avtalet började; aktiv under en period = ett avtal som gäller ' +
      `någon dag under den; intäkt från ${p.revenue === 'fees' ? 'årsavgifter i proportion till dagarna avtalet gäller' : 'kopplade fakturor'})`,
  }),
  'cohorts.contract-periods': entry({
    en: () =>
      'periods count from each customer’s first-contract month; periods not yet over for every member are left out',
    sv: () =>
      'perioderna räknas från varje kunds första avtalsmånad; perioder som inte är slut för alla medlemmar utelämnas',
  }),
  'cohorts.none-contracts': entry<{ years: number; asOf: string }>({
    en: (p, f) => `no contract customers acquired in the ${f.num(p.years)} years up to ${p.asOf}`,
    sv: (p, f) => `inga avtalskunder förvärvade under de ${f.num(p.years)} åren fram till ${p.asOf}`,
  }),
  'concentration.contracts-basis': entry<{ asOf: string; revenue: 'fees' | 'invoices' }>({
    en: (p) =>
      `basis: contracts (customers with a contract in force on ${p.asOf}, valued by their revenue of the window ` +
      `from ${p.revenue === 'fees' ? 'annual fees pro rata' : 'linked invoices'})`,
    sv: (p) =>
      `bas: avtal (kunder med ett avtal som gäller ${p.asOf}, värderade efter fönstrets intäkt ` +
      `från ${p.revenue === 'fees' ? 'årsavgifter i proportion till dagarna' : 'kopplade fakturor'})`,
  }),
  'concentration.clipped': entry<{ customers: number }>({
    en: (p, f) =>
      `${f.count(p.customers, 'customer has', 'customers have')} a net value below 0, counted as 0 in the curve, the shares and Gini`,
    sv: (p, f) =>
      `${f.count(p.customers, 'kund har', 'kunder har')} ett nettovärde under 0, räknat som 0 i kurvan, andelarna och Gini`,
  }),
  'concentration.no-positive': entry({
    en: () => 'Gini and the Lorenz curve are undefined: no positive value in the window',
    sv: () => 'Gini och Lorenzkurvan är odefinierade: inget positivt värde i fönstret',
  }),
  'basis.after-today': entry<{ count: number; today: string; last: string; asOf: string }>({
    en: (p, f) =>
      `${f.count(p.count, 'transaction is', 'transactions are')} dated after today (${p.today}), ` +
      `the latest on ${p.last}; the as-of day is the latest order date up to today (${p.asOf}): ` +
      'give an as-of day to include them',
    sv: (p, f) =>
      `${f.count(p.count, 'transaktion är daterad', 'transaktioner är daterade')} efter i dag (${p.today}), ` +
      `den senaste ${p.last}; avstämningsdagen är det senaste orderdatumet till och med i dag (${p.asOf}): ` +
      'ange en avstämningsdag för att ta med dem',
  }),
  'basis.as-of-latest': entry<{ asOf: string; today: string | null }>({
    en: (p) =>
      `as of ${p.asOf}: the latest order date${p.today === null ? '' : ` up to today (${p.today})`}; give an as-of day for another`,
    sv: (p) =>
      `per ${p.asOf}: det senaste orderdatumet${p.today === null ? '' : ` till och med i dag (${p.today})`}; ange en avstämningsdag för en annan`,
  }),
  'basis.no-transactions': entry({
    en: () => 'the store holds no transactions',
    sv: () => 'databasen innehåller inga transaktioner',
  }),
  'basis.after-today-kept': entry<{ count: number; last: string }>({
    en: (p, f) =>
      `${f.count(p.count, 'transaction is', 'transactions are')} dated after today, ` +
      `the latest on ${p.last}; they do not move the as-of day`,
    sv: (p, f) =>
      `${f.count(p.count, 'transaktion är daterad', 'transaktioner är daterade')} efter i dag, ` +
      `den senaste ${p.last}; de flyttar inte avstämningsdagen`,
  }),
  'basis.after-data': entry<{ days: number; last: string }>({
    en: (p, f) =>
      `the as-of day is ${f.count(p.days, 'day', 'days')} after the latest transaction (${p.last}): ` +
      'the current window is only partly covered by the data',
    sv: (p, f) =>
      `avstämningsdagen ligger ${f.count(p.days, 'dag', 'dagar')} efter den senaste transaktionen (${p.last}): ` +
      'nuvarande fönster täcks bara delvis av data',
  }),
  'basis.before-data': entry<{ start: string; end: string; first: string }>({
    en: (p) =>
      `the window (${p.start}, ${p.end}] starts before the first transaction ` +
      `(${p.first}): customers who bought only before the data began are not seen there`,
    sv: (p) =>
      `fönstret (${p.start}, ${p.end}] börjar före den första transaktionen ` +
      `(${p.first}): kunder som bara köpte innan data börjar syns inte där`,
  }),
  'basis.without-amount': entry<{ missing: number; transactions: number; share: number; activity: boolean }>({
    en: (p, f) =>
      `${f.num(p.missing)} of the ${f.num(p.transactions)} transactions have no amount (${f.num(p.share)} %): they count as purchases ` +
      `with value 0${p.activity ? '; the value tiers and revenue figures rank and sum them as 0' : ''}`,
    sv: (p, f) =>
      `${f.num(p.missing)} av de ${f.num(p.transactions)} transaktionerna saknar belopp (${f.num(p.share)} %): de räknas som köp ` +
      `med värde 0${p.activity ? '; värdekategorierna och intäktssiffrorna rangordnar och summerar dem som 0' : ''}`,
  }),
  'basis.returns-only': entry<{ current: number; previous: number }>({
    en: (p, f) =>
      `left out as not active (only returns, no purchase, in the window): ${f.count(p.current, 'customer', 'customers')} in the current ` +
      `window, ${f.count(p.previous, 'customer', 'customers')} in the previous one; their returns are in no tier's revenue`,
    sv: (p, f) =>
      `utelämnade som inte aktiva (bara returer, inget köp, i fönstret): ${f.count(p.current, 'kund', 'kunder')} i nuvarande ` +
      `fönster, ${f.count(p.previous, 'kund', 'kunder')} i föregående; deras returer ingår inte i någon kundkategoris intäkt`,
  }),
  'basis.missing-margin': entry<{ missing: number }>({
    en: (p, f) =>
      `${f.count(p.missing, 'transaction in the windows has', 'transactions in the windows have')} no margin; counted as margin 0`,
    sv: (p, f) =>
      `${f.count(p.missing, 'transaktion i fönstren saknar', 'transaktioner i fönstren saknar')} marginal; räknas som marginal 0`,
  }),
  'contracts.after-today': entry<{ count: number; today: string; asOf: string }>({
    en: (p, f) =>
      `${f.count(p.count, 'contract starts', 'contracts start')} after today (${p.today}); ` +
      `the as-of day is the latest contract start or end up to today (${p.asOf}): give an as-of day to include them`,
    sv: (p, f) =>
      `${f.count(p.count, 'avtal börjar', 'avtal börjar')} efter i dag (${p.today}); ` +
      `avstämningsdagen är den senaste avtalsstarten eller avtalsslutet till och med i dag (${p.asOf}): ange en avstämningsdag för att ta med dem`,
  }),
  'contracts.before-first': entry<{ first: string }>({
    en: (p) =>
      `the previous window starts before the first contract (${p.first}): customers whose contracts ` +
      'began earlier are not seen there',
    sv: (p) =>
      `föregående fönster börjar före det första avtalet (${p.first}): kunder vars avtal ` +
      'började tidigare syns inte där',
  }),
  'contracts.without-fee': entry<{ count: number }>({
    en: (p, f) =>
      `${f.count(p.count, 'contract', 'contracts')} in force without an annual_fee ` +
      'count as revenue 0 (give revenue invoices to use the linked invoices)',
    sv: (p, f) =>
      `${f.count(p.count, 'gällande avtal', 'gällande avtal')} utan annual_fee ` +
      'räknas som intäkt 0 (ange revenue invoices för att använda de kopplade fakturorna)',
  }),
  'contracts.unlinked-invoices': entry<{ unlinked: number; linked: number }>({
    en: (p, f) =>
      `${f.count(p.unlinked, 'invoice', 'invoices')} in the two windows ` +
      `link to no contract (no contract of the customer for that product line) and are not counted; ` +
      `${f.num(p.linked)} are`,
    sv: (p, f) =>
      `${f.count(p.unlinked, 'faktura', 'fakturor')} i de två fönstren ` +
      `hör inte till något avtal (kunden har inget avtal för den produktlinjen) och räknas inte; ` +
      `${f.num(p.linked)} gör det`,
  }),
  'contracts.no-linked-invoice': entry({
    en: () => 'no invoice in the two windows links to a contract: every customer ranks on revenue 0',
    sv: () => 'ingen faktura i de två fönstren hör till ett avtal: alla kunder rangordnas på intäkt 0',
  }),
  'loyalty-depth.no-wallet': entry({
    en: () => 'share of wallet undefined: no customer carries a category_spend estimate',
    sv: () => 'plånboksandel odefinierad: ingen kund har en uppskattning i category_spend',
  }),
  'loyalty-depth.partial-wallet': entry<{ withEstimate: number; customers: number }>({
    en: (p, f) =>
      `share of wallet from the ${f.num(p.withEstimate)} of ${f.num(p.customers)} customers with a category_spend estimate`,
    sv: (p, f) =>
      `plånboksandel från de ${f.num(p.withEstimate)} av ${f.num(p.customers)} kunderna med en uppskattning i category_spend`,
  }),
  'loyalty-depth.above-estimate': entry<{ customers: number }>({
    en: (p, f) =>
      `${f.count(p.customers, 'customer spends', 'customers spend')} more per year than the estimate ` +
      '(a share above 100 %): the estimate is low',
    sv: (p, f) =>
      `${f.count(p.customers, 'kund köper', 'kunder köper')} för mer per år än uppskattningen ` +
      '(en andel över 100 %): uppskattningen är för låg',
  }),
  'satisfaction.no-answers': entry<{ kpi: 'NPS' | 'CSAT' | 'CES' }>({
    en: (p) => `${p.kpi} undefined: no answers`,
    sv: (p) => `${p.kpi} odefinierat: inga svar`,
  }),
  'satisfaction.small-sample': entry<{ kpi: 'NPS' | 'CSAT' | 'CES'; n: number; minimum: number }>({
    en: (p, f) => `${p.kpi} from only ${f.num(p.n)} answers (fewer than ${f.num(p.minimum)}): not reliable`,
    sv: (p, f) => `${p.kpi} från bara ${f.num(p.n)} svar (färre än ${f.num(p.minimum)}): inte tillförlitligt`,
  }),
  'satisfaction.ces-single': entry({
    en: () => 'CES interval undefined: a single answer',
    sv: () => 'CES-intervall odefinierat: ett enda svar',
  }),
  'service.no-complaints-period': entry({
    en: () => 'no complaints in the period: times, shares and rates are undefined',
    sv: () => 'inga klagomål under perioden: tider, andelar och frekvenser är odefinierade',
  }),
  'service.before-opened': entry<{ count: number }>({
    en: (p, f) =>
      `${f.num(p.count)} complaint(s) resolved or answered before they were opened: left out of the times`,
    sv: (p, f) =>
      `${f.count(p.count, 'klagomål', 'klagomål')} lösta eller besvarade innan de öppnades: utelämnade ur tiderna`,
  }),
  'service.no-complaints': entry({
    en: () => 'no complaints in the window: times and shares are undefined',
    sv: () => 'inga klagomål i fönstret: tider och andelar är odefinierade',
  }),
  'service.no-active': entry({
    en: () => 'no active customers in the window: the rates are undefined',
    sv: () => 'inga aktiva kunder i fönstret: frekvenserna är odefinierade',
  }),
  'service.stamped-before': entry<{ count: number }>({
    en: (p, f) => `${f.num(p.count)} complaint time(s) stamped before the opening: left out of the times`,
    sv: (p, f) =>
      `${f.count(p.count, 'klagomålstid', 'klagomålstider')} stämplade före öppnandet: utelämnade ur tiderna`,
  }),
  'satisfaction.tier-small': entry<{
    kpi: 'NPS' | 'CSAT' | 'CES';
    tiers: { tier: string; n: number }[];
    minimum: number;
  }>({
    en: (p, f) =>
      `${p.kpi} per tier from fewer than ${f.num(p.minimum)} answers in ` +
      `${p.tiers.map((t) => `${f.tier(t.tier)} (${f.num(t.n)})`).join(', ')}: not reliable`,
    sv: (p, f) =>
      `${p.kpi} per kundkategori från färre än ${f.num(p.minimum)} svar i ` +
      `${p.tiers.map((t) => `${f.tier(t.tier)} (${f.num(t.n)})`).join(', ')}: inte tillförlitligt`,
  }),
  'contracts.ski-mixed': entry({
    en: () =>
      'SKI: tiers with ski survey answers show their mean; tiers without show CSAT rescaled (skiSource says which)',
    sv: () =>
      'SKI: kundkategorier med SKI-svar visar sitt medelvärde; de utan visar omräknad CSAT (skiSource anger vilket)',
  }),
  'customer.not-in-customers': entry<{ customerId: string }>({
    en: (p) => `${p.customerId} is not in the customers table: only the rows of other tables are shown`,
    sv: (p) => `${p.customerId} finns inte i kundtabellen: bara raderna i andra tabeller visas`,
  }),
  'model.bgbb-weighted': entry({
    en: () =>
      'rows stand for several customers (weights): each row’s holdout is their mean, so MAE and RMSE compare ' +
      'the rows’ means (per customer they can only be larger)',
    sv: () =>
      'raderna står för flera kunder (vikter): varje rads utfall är deras medelvärde, så MAE och RMSE jämför ' +
      'radernas medelvärden (per kund kan de bara bli större)',
  }),
  'customer.model-too-little': entry<{ repeatCustomers: number; minimum: number; asOf: string }>({
    en: (p, f) =>
      `too little history to fit BG/NBD as of ${p.asOf}: ${f.count(p.repeatCustomers, 'customer has', 'customers have')} a repeat purchase (at least ${f.num(p.minimum)} needed), so no P(alive) or CLV is shown`,
    sv: (p, f) =>
      `för kort historik för att skatta BG/NBD per ${p.asOf}: ${f.count(p.repeatCustomers, 'kund har', 'kunder har')} återköpt (minst ${f.num(p.minimum)} behövs), så ingen P(aktiv) eller CLV visas`,
  }),
  'customer.model-no-purchase': entry<{ customerId: string; asOf: string }>({
    en: (p) =>
      `${p.customerId} made no purchase by ${p.asOf}: the models have no history of theirs, so no P(alive) or CLV is shown`,
    sv: (p) =>
      `${p.customerId} köpte inget till och med ${p.asOf}: modellerna saknar kundens historik, så ingen P(aktiv) eller CLV visas`,
  }),
  'customer.months-after': entry<{ months: number; asOf: string }>({
    en: (p, f) =>
      `the history shows every order; ${f.count(p.months, 'of its months lies', 'of its months lie')} after the as-of day ${p.asOf}`,
    sv: (p, f) =>
      `historiken visar alla ordrar; ${f.count(p.months, 'av dess månader ligger', 'av dess månader ligger')} efter dagen ${p.asOf}`,
  }),
  'programme.self-selection': entry({
    en: () =>
      'customers choose to join the programme: those who buy more anyway join more often (self-selection), so ' +
      'the naive members-versus-non-members gap overstates the effect; the matched difference in differences ' +
      '(same tier and tenure before joining) is the better estimate, and it still cannot rule out what the ' +
      'matching does not see',
    sv: () =>
      'kunderna väljer själva att gå med i programmet: de som ändå köper mer går oftare med (självselektion), så ' +
      'den naiva skillnaden mellan medlemmar och icke-medlemmar överskattar effekten; den matchade skillnaden i ' +
      'skillnader (samma kundkategori och kundålder före inträdet) är den bättre skattningen, och den kan ändå ' +
      'inte utesluta det matchningen inte ser',
  }),
  'programme.no-members': entry({
    en: () => 'no customer has a member_since on or before the as-of day: the members’ figures are undefined',
    sv: () => 'ingen kund har member_since på eller före dagen: medlemmarnas mått är odefinierade',
  }),
  'programme.joined-after-as-of': entry<{ customers: number }>({
    en: (p, f) =>
      `${f.count(p.customers, 'customer joins', 'customers join')} the programme after the as-of day ` +
      `(member_since later): counted as ${p.customers === 1 ? 'a non-member' : 'non-members'} as of that day`,
    sv: (p, f) =>
      `${f.count(p.customers, 'kund går', 'kunder går')} med i programmet efter dagen ` +
      `(senare member_since): räknas som ${p.customers === 1 ? 'icke-medlem' : 'icke-medlemmar'} den dagen`,
  }),
  'programme.left-out': entry<{ followed: number; tooRecent: number; shortHistory: number; months: number }>({
    en: (p, f) =>
      `before and after joining: ${f.num(p.followed)} members followed; left out ` +
      `${f.num(p.tooRecent)} who joined too recently for ${f.count(p.months, 'whole month', 'whole months')} ` +
      `after the month of joining to have ended, and ${f.num(p.shortHistory)} without a first purchase or ` +
      `acquired_on ${f.count(p.months, 'month', 'months')} before it`,
    sv: (p, f) =>
      `före och efter inträdet: ${f.num(p.followed)} medlemmar följda; utelämnade ` +
      `${f.num(p.tooRecent)} som gick med för nyligen för att ${f.count(p.months, 'hel månad', 'hela månader')} ` +
      `efter inträdesmånaden ska ha gått, och ${f.num(p.shortHistory)} utan ett första köp eller ` +
      `acquired_on ${f.count(p.months, 'månad', 'månader')} före den`,
  }),
  'programme.unmatched': entry<{ unmatched: number; matched: number }>({
    en: (p, f) =>
      `matched comparison: ${f.count(p.unmatched, 'member has', 'members have')} no non-member of the same ` +
      `month of joining, tier, tenure band and purchase in that month and ${p.unmatched === 1 ? 'is' : 'are'} left out; ` +
      `${f.num(p.matched)} matched`,
    sv: (p, f) =>
      `matchad jämförelse: ${f.count(p.unmatched, 'medlem har', 'medlemmar har')} ingen icke-medlem med samma ` +
      `inträdesmånad, kundkategori, kundålder och köp i den månaden och utelämnas; ${f.num(p.matched)} matchade`,
  }),
  'programme.retention-cells': entry<{ members: number; matched: number }>({
    en: (p, f) =>
      `matched retention from ${f.num(p.members)} of the ${f.num(p.matched)} matched members: in the other ` +
      'cells the members or the controls had nobody active in the window before joining or in the one before it',
    sv: (p, f) =>
      `matchad retention från ${f.num(p.members)} av de ${f.num(p.matched)} matchade medlemmarna: i de andra ` +
      'cellerna hade medlemmarna eller kontrollerna ingen aktiv kund i fönstret före inträdet eller i fönstret före det',
  }),
};
