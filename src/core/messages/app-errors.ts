/**
 * Errors of the use cases (`app/`) and the HTTP API (`server/`): sign-in, CSRF, roles, uploads, request
 * bodies, unknown users, customers, accounts and imports, data too thin to fit a model, options that do not
 * go together. Rendered by the CLI in `--lang` and by the API in `?lang=`.
 */
import { entry, Message, type MessageFormat } from './message';
import { svPhrase } from './options';

/** A source named by a message, or as given (a file name). */
const named = (s: string | Message, f: MessageFormat): string => (s instanceof Message ? f.text(s) : s);

/** `"x"`, as a value is quoted in an error. */
const q = (value: unknown): string => JSON.stringify(value);

export const APP_ERROR_MESSAGES = {
  // --- the HTTP API
  'api.internal': entry({
    en: () => 'internal error: the server could not answer this request',
    sv: () => 'internt fel: servern kunde inte besvara begäran',
  }),
  'api.login-body': entry({
    en: () => 'expected a JSON object { "username": …, "password": … }',
    sv: () => 'väntade ett JSON-objekt { "username": …, "password": … }',
  }),
  'api.not-signed-in': entry({
    en: () => 'not signed in: POST /api/session first',
    sv: () => 'inte inloggad: logga in först med POST /api/session',
  }),
  'api.csrf': entry({
    en: () => 'missing or wrong X-CSRF-Token header: send the csrfToken the session gave with every change',
    sv: () => 'X-CSRF-Token-huvudet saknas eller är fel: skicka med sessionens csrfToken vid varje ändring',
  }),
  'api.rate-limited': entry<{ seconds: number }>({
    en: (p, f) => `too many failed sign-ins: try again in ${f.count(p.seconds, 'second', 'seconds')}`,
    sv: (p, f) =>
      `för många misslyckade inloggningar: försök igen om ${f.count(p.seconds, 'sekund', 'sekunder')}`,
  }),
  'api.wrong-login': entry({
    en: () => 'wrong username or password',
    sv: () => 'fel användarnamn eller lösenord',
  }),
  'api.role-forbidden': entry<{ role: string; method: string; path: string }>({
    en: (p) => `the role ${p.role} may not ${p.method} ${p.path}`,
    sv: (p) => `rollen ${p.role} får inte anropa ${p.method} ${p.path}`,
  }),
  'api.no-route': entry({
    en: () => 'no such API route: see /api/openapi.json',
    sv: () => 'ingen sådan API-väg: se /api/openapi.json',
  }),
  'api.not-found': entry({
    en: () => 'not found',
    sv: () => 'hittades inte',
  }),
  'api.server-file': entry({
    en: () => 'names a file on the server; the API does not read or write files there',
    sv: () => 'anger en fil på servern; API:et läser och skriver inga filer där',
  }),
  'api.body-not-json': entry({
    en: () => 'the request body is not JSON (expected a JSON object)',
    sv: () => 'begärans innehåll är inte JSON (väntat ett JSON-objekt)',
  }),
  'api.body-not-object': entry({
    en: () => 'the request body is not a JSON object',
    sv: () => 'begärans innehåll är inte ett JSON-objekt',
  }),
  'api.no-account': entry<{ id: string }>({
    en: (p) => `no key account ${q(p.id)}`,
    sv: (p) => `ingen nyckelkund ${q(p.id)}`,
  }),
  'api.assessment-factors': entry<{ value: string; factors: string }>({
    en: (p) => `${p.value} is not accepted: expected a number for each of ${p.factors}`,
    sv: (p) => `${p.value} godtas inte: väntat ett tal för var och en av ${p.factors}`,
  }),
  'api.sbg-elsewhere': entry({
    en: () => 'sbg fits on cohort data: POST it to /api/models/sbg',
    sv: () => 'sbg skattas på kohortdata: skicka den med POST till /api/models/sbg',
  }),
  'api.bgbb-validate-elsewhere': entry({
    en: () =>
      'bgbb validates on opportunity patterns with their holdout: POST them to /api/models/bgbb/validate',
    sv: () =>
      'bgbb valideras på mönster av köptillfällen med utfallet i utvärderingsperioden: skicka dem med POST till /api/models/bgbb/validate',
  }),
  'api.no-progress': entry<{ token: string }>({
    en: (p) => `no upload in progress named ${q(p.token)}`,
    sv: (p) => `ingen pågående uppladdning med namnet ${q(p.token)}`,
  }),
  'api.no-rejects': entry<{ id: number }>({
    en: (p) => `no rejected rows kept for import ${p.id}`,
    sv: (p) => `inga avvisade rader sparade för import ${p.id}`,
  }),
  'upload.too-large': entry<{ bytes: number }>({
    en: (p) =>
      `the upload is larger than the limit of ${p.bytes} bytes; import a file that large with cvm import`,
    sv: (p, f) =>
      `uppladdningen är större än gränsen på ${f.num(p.bytes)} byte; importera en så stor fil med cvm import`,
  }),
  'upload.not-multipart': entry({
    en: () => 'expected a multipart/form-data upload with the file in field "file"',
    sv: () => 'väntade en multipart/form-data-uppladdning med filen i fältet "file"',
  }),
  'upload.unreadable': entry({
    en: () => 'the upload could not be read as multipart/form-data',
    sv: () => 'uppladdningen kunde inte läsas som multipart/form-data',
  }),
  'upload.no-file': entry({
    en: () => 'no file in the upload: send it in the multipart field "file"',
    sv: () => 'ingen fil i uppladdningen: skicka den i multipart-fältet "file"',
  }),
  // --- users, stores, customers, KPI targets, the demo
  'user.exists': entry<{ username: string }>({
    en: (p) => `user ${p.username} exists already`,
    sv: (p) => `användaren ${p.username} finns redan`,
  }),
  'user.none': entry<{ username: string }>({
    en: (p) => `no user ${p.username}`,
    sv: (p) => `ingen användare ${p.username}`,
  }),
  'store.no-database': entry<{ path: string }>({
    en: (p) =>
      `no database at ${p.path}: check the path, or create it by importing data or building the demo`,
    sv: (p) =>
      `ingen databas vid ${p.path}: kontrollera sökvägen, eller skapa den genom att importera data eller bygga demot`,
  }),
  'customer.none': entry<{ id: string }>({
    en: (p) => `no customer ${q(p.id)} in the store`,
    sv: (p) => `ingen kund ${q(p.id)} i databasen`,
  }),
  'kpi.no-target': entry<{ kpi: string }>({
    en: (p) => `KPI ${p.kpi} has no target on the board: nothing to remove`,
    sv: (p) => `KPI:t ${p.kpi} har inget mål på tavlan: inget att ta bort`,
  }),
  'demo.not-empty': entry<{ location: string; tables: readonly { kind: string; rows: number }[] }>({
    en: (p, f) =>
      `database ${p.location} already holds data (${p.tables.map((t) => `${t.kind}: ${f.num(t.rows)} rows`).join(', ')}); use {option:replace} to empty it first, or {option:db} to build the demo in another file`,
    sv: (p, f) =>
      `databasen ${p.location} innehåller redan data (${p.tables.map((t) => `${t.kind}: ${f.count(t.rows, 'rad', 'rader')}`).join(', ')}); töm den först med {option:replace}, eller bygg demot i en annan fil med {option:db}`,
  }),
  'demo.years': entry<{ years: number; max: number }>({
    en: (p) =>
      `${p.years} is not a whole number from 2 to ${p.max} (two years are the least that show retention)`,
    sv: (p) =>
      `${p.years} är inte ett heltal från 2 till ${p.max} (två år är det minsta som visar retention)`,
  }),

  // --- key accounts and the strategy
  'accounts.no-assessments': entry({
    en: () =>
      'no key-account assessments in the store: import some (cvm import assessments FILE), or give {option:asOf}',
    sv: () =>
      'inga bedömningar av nyckelkunder i databasen: importera några (cvm import assessments FIL), eller ange {option:asOf}',
  }),
  'scorecard.not-a-column': entry<{ source: string | Message; factor: string; names: string }>({
    en: (p, f) =>
      `${named(p.source, f)}: factor ${p.factor} is not an assessment column; expected one of ${p.names}`,
    sv: (p, f) =>
      `${named(p.source, f)}: faktorn ${p.factor} är inte en bedömningskolumn; väntat någon av ${p.names}`,
  }),
  'scorecard.not-a-factor': entry<{ factor: string; version: string; factors: string }>({
    en: (p) => `${q(p.factor)} is not a factor of scorecard ${p.version} (expected ${p.factors})`,
    sv: (p) => `${q(p.factor)} är inte en faktor i poängkortet ${p.version} (väntat ${p.factors})`,
  }),
  'strategy.unknown-name': entry<{ what: 'segment' | 'tier'; value: string; names: string }>({
    en: (p) => `${p.what} ${q(p.value)} is unknown; expected one of ${p.names}`,
    sv: (p) =>
      `${p.what === 'tier' ? 'kundkategorin' : 'segmentet'} ${q(p.value)} är ${p.what === 'tier' ? 'okänd' : 'okänt'}; väntat något av ${p.names}`,
  }),

  // --- the reports' basis and data
  'basis.before-first': entry<{ asOf: string; first: string; last: string }>({
    en: (p) =>
      `${p.asOf} is before the first transaction (${p.first}); the data covers ${p.first} to ${p.last}`,
    sv: (p) =>
      `${p.asOf} ligger före den första transaktionen (${p.first}); datan täcker ${p.first} till ${p.last}`,
  }),
  'basis.store-empty': entry({
    en: () => 'no transactions in the store: import some, or give an as-of day (YYYY-MM-DD)',
    sv: () => 'inga transaktioner i databasen: importera några, eller ange en avstämningsdag (ÅÅÅÅ-MM-DD)',
  }),
  'basis.window-empty': entry<{ start: string; end: string; first: string; last: string }>({
    en: (p) =>
      `the window (${p.start}, ${p.end}] holds no transactions; the data covers ${p.first} to ${p.last}`,
    sv: (p) =>
      `fönstret (${p.start}, ${p.end}] innehåller inga transaktioner; datan täcker ${p.first} till ${p.last}`,
  }),
  'basis.mostly-without-amount': entry<{
    missing: number;
    transactions: number;
    share: number;
    limit: number;
  }>({
    en: (p) =>
      `this report ranks customers by value, but ${p.missing} of the ${p.transactions} transactions have no amount ` +
      `(${p.share} %, more than ${p.limit} %); import the amounts, or use the reports ` +
      'that need none: retention (trend and tenure) and cohorts (retention)',
    sv: (p, f) =>
      `rapporten rangordnar kunder efter värde, men ${f.num(p.missing)} av de ${f.num(p.transactions)} transaktionerna saknar belopp ` +
      `(${f.num(p.share)} %, mer än ${f.num(p.limit)} %); importera beloppen, eller använd rapporterna ` +
      'som klarar sig utan: retention (trend och kundålder) och kohorter (retention)',
  }),
  'basis.mostly-without-margin': entry<{
    missing: number;
    transactions: number;
    share: number;
    limit: number;
  }>({
    en: (p) =>
      `margin is missing on ${p.missing} of the ${p.transactions} transactions in the windows ` +
      `(${p.share} %, more than ${p.limit} %); rank by revenue, or import the margins`,
    sv: (p, f) =>
      `marginal saknas på ${f.num(p.missing)} av de ${f.num(p.transactions)} transaktionerna i fönstren ` +
      `(${f.num(p.share)} %, mer än ${f.num(p.limit)} %); rangordna efter intäkt, eller importera marginalerna`,
  }),
  'basis.clv-not-contracts': entry({
    en: () =>
      'predicted CLV comes from purchase histories: rank contract customers by revenue, or use {option:basis} orders',
    sv: () =>
      'prognostiserat CLV bygger på köphistorik: rangordna avtalskunder efter intäkt, eller använd {option:basis} orders',
  }),
  'basis.no-contract-margin': entry({
    en: () => 'contracts carry no margin: rank by revenue (annual fees or linked invoices)',
    sv: () => 'avtal har ingen marginal: rangordna efter intäkt (årsavgifter eller kopplade fakturor)',
  }),
  'basis.orders-only': entry({
    en: () => 'this face reports on orders only',
    sv: () => 'här redovisas endast order',
  }),
  'basis.depth-orders-only': entry({
    en: () =>
      'the depth of loyalty is computed from orders (frequency and volume are purchases); for contract customers ' +
      'the subscription and products reports give duration, products held and revenue per segment',
    sv: () =>
      'lojalitetsdjupet beräknas på order (frekvens och volym är köp); för avtalskunder ' +
      'ger abonnemangs- och produktrapporterna varaktighet, innehavda produkter och intäkt per segment',
  }),
  'basis.programme-orders-only': entry({
    en: () => 'the programme effect is computed from orders (frequency and volume are purchases)',
    sv: () => 'programeffekten beräknas på order (frekvens och volym är köp)',
  }),
  'contracts.none': entry({
    en: () =>
      'no contracts in the store: import some (cvm import contracts FILE), or use the order-based reports',
    sv: () =>
      'inga avtal i databasen: importera några (cvm import contracts FIL), eller använd de orderbaserade rapporterna',
  }),
  'contracts.as-of-before-first': entry<{ asOf: string; first: string; last: string }>({
    en: (p) =>
      `${p.asOf} is before the first contract start (${p.first}); the contracts span ${p.first} to ${p.last}`,
    sv: (p) =>
      `${p.asOf} ligger före det första avtalets start (${p.first}); avtalen sträcker sig från ${p.first} till ${p.last}`,
  }),
  'contracts.no-fees': entry({
    en: () =>
      'no contract in the store has an annual_fee; use invoices (transactions linked by customer and product line), or import the fees',
    sv: () =>
      'inget avtal i databasen har annual_fee; använd fakturor (transaktioner kopplade via kund och produktlinje), eller importera avgifterna',
  }),
  'clv.too-little-history': entry<{
    asOf: string;
    window: 'previous' | 'current';
    customers: number;
    repeat: number;
    needed: number;
  }>({
    en: (p) =>
      `too little history to fit the CLV models as of ${p.asOf} (the ${p.window} window's end): ` +
      `${p.customers} customers with a purchase by then, ${p.repeat} of them with a repeat purchase and a positive spend, ` +
      `${p.needed} needed; rank by revenue, or choose a later {option:asOf}`,
    sv: (p, f) =>
      `för kort historik för att skatta CLV-modellerna per ${p.asOf} (slutet av ${p.window === 'previous' ? 'föregående' : 'det aktuella'} fönstret): ` +
      `${f.count(p.customers, 'kund', 'kunder')} med ett köp dittills, ${f.num(p.repeat)} av dem med ett återköp och ett positivt belopp, ` +
      `${f.num(p.needed)} behövs; rangordna efter intäkt, eller välj en senare {option:asOf}`,
  }),
  'clv.not-converged': entry<{ model: string; asOf: string; detail: string }>({
    en: (p) => `${p.model} as of ${p.asOf} did not converge (${p.detail}): the CLV would be arbitrary`,
    sv: (p) => `${p.model} per ${p.asOf} konvergerade inte (${p.detail}): CLV skulle bli godtyckligt`,
  }),
  'clv.no-spend': entry<{ asOf: string }>({
    en: (p) => `Gamma-Gamma as of ${p.asOf}: no customer with a repeat purchase and a positive spend`,
    sv: (p) => `Gamma-Gamma per ${p.asOf}: ingen kund med ett återköp och ett positivt belopp`,
  }),
  'clv.q': entry<{ asOf: string; q: number }>({
    en: (p, f) =>
      `Gamma-Gamma as of ${p.asOf} has q = ${Number.isFinite(p.q) ? f.num(p.q, 3) : 'NaN'} ≤ 1: the mean spend of customers without a repeat purchase does not exist`,
    sv: (p, f) =>
      `Gamma-Gamma per ${p.asOf} har q = ${Number.isFinite(p.q) ? f.num(p.q, 3) : 'NaN'} ≤ 1: medelbeloppet för kunder utan återköp finns inte`,
  }),
  'clv.undefined': entry<{ customerId: string; asOf: string }>({
    en: (p) => `the predicted CLV of customer ${p.customerId} as of ${p.asOf} is undefined`,
    sv: (p) => `det prognostiserade CLV-värdet för kund ${p.customerId} per ${p.asOf} är odefinierat`,
  }),

  // --- the models
  'model.holdout-not-after': entry<{ holdoutEnd: string; calibrationEnd: string }>({
    en: (p) =>
      `the holdout end ${p.holdoutEnd} is not after the calibration end ${p.calibrationEnd}; expected a later day`,
    sv: (p) =>
      `utvärderingsperiodens slut ${p.holdoutEnd} ligger inte efter kalibreringens slut ${p.calibrationEnd}; väntat en senare dag`,
  }),
  'model.no-customers-by': entry<{ end: string }>({
    en: (p) => `no customer made a purchase by the calibration end ${p.end}: nothing to fit`,
    sv: (p) => `ingen kund hade köpt något vid kalibreringens slut ${p.end}: inget att skatta`,
  }),
  'model.nobody-to-fit': entry<{ model: string; source: string | null }>({
    en: (p) => `${p.source === null ? '' : `${p.source}: `}no customers to fit ${p.model} on`,
    sv: (p) => `${p.source === null ? '' : `${p.source}: `}inga kunder att skatta ${p.model} på`,
  }),
  'model.calibration-with-summary': entry<{ value: string }>({
    en: (p) =>
      `${q(p.value)} applies to the store, and a summary file is summarised already: give one or the other`,
    sv: (p) =>
      `${q(p.value)} gäller databasen, och en sammanfattningsfil är redan sammanfattad: ange det ena eller det andra`,
  }),
  'model.store-empty': entry<{ location: string }>({
    en: (p) =>
      `the store ${p.location} holds no transactions: import some, or give a summary file with {option:summary}`,
    sv: (p) =>
      `databasen ${p.location} innehåller inga transaktioner: importera några, eller ange en sammanfattningsfil med {option:summary}`,
  }),
  'model.at-risk-no-value': entry<{ source: string }>({
    en: (p) =>
      `${p.source}: the at-risk list needs each customer's value: data with spend (a monetary column, or the store) and at least one repeat buyer`,
    sv: (p) =>
      `${p.source}: listan över riskkunder behöver varje kunds värde: data med belopp (en beloppskolumn, eller databasen) och minst en återköpare`,
  }),
  'model.bgbb-predict-summary': entry({
    en: () =>
      'bgbb predicts from a summary file of discrete opportunities (x, t_x, n, weight): cvm model predict --model bgbb --summary FILE',
    sv: () =>
      'bgbb gör prognoser utifrån en sammanfattningsfil med diskreta tillfällen (x, t_x, n, weight): cvm model predict --model bgbb --summary FIL',
  }),
  'model.bgbb-fit-summary': entry({
    en: () =>
      'bgbb fits on a summary file of discrete opportunities (x, t_x, n or periods, optionally weight): give one with {option:summary}',
    sv: () =>
      'bgbb skattas på en sammanfattningsfil med diskreta tillfällen (x, t_x, n eller periods, valfritt weight): ange en med {option:summary}',
  }),
  'model.derl-rate': entry<{ percent: number }>({
    en: (p) =>
      `${p.percent} %: DERL needs a discount rate above 0 per period (at 0 the sum may not converge)`,
    sv: (p, f) =>
      `${f.num(p.percent, p.percent === Math.round(p.percent) ? 0 : 2)} %: DERL behöver en diskonteringsränta över 0 per period (vid 0 kanske summan inte konvergerar)`,
  }),
  'model.sbg-no-fit': entry<{ source: string }>({
    en: (p) =>
      `${p.source}: no customer churned, or every customer churned in the first period: sBG has no finite fit`,
    sv: (p) =>
      `${p.source}: ingen kund slutade, eller alla kunder slutade under första perioden: sBG har ingen ändlig skattning`,
  }),
  'model.bgbb-nobody': entry<{ source: string }>({
    en: (p) => `${p.source}: nobody transacted, BG/BB cannot be fitted`,
    sv: (p) => `${p.source}: ingen genomförde någon transaktion, BG/BB kan inte skattas`,
  }),
  'model.bgbb-no-n': entry<{ source: string }>({
    en: (p) => `${p.source}: no column n (or periods): BG/BB needs the opportunities of each row`,
    sv: (p) => `${p.source}: ingen kolumn n (eller periods): BG/BB behöver varje rads antal tillfällen`,
  }),
  'model.bgbb-no-holdout': entry<{ source: string }>({
    en: (p) =>
      `${p.source}: no column holdout (or x_holdout, frequency_holdout): validation needs each row’s transactions in the holdout`,
    sv: (p) =>
      `${p.source}: ingen kolumn holdout (eller x_holdout, frequency_holdout): valideringen behöver varje rads transaktioner i utvärderingsperioden`,
  }),
  'model.bgbb-holdout-too-many': entry<{
    source: string;
    row: number;
    holdout: number;
    opportunities: number;
  }>({
    en: (p) =>
      `${p.source}: row ${p.row}, column holdout: ${p.holdout} is more than the ${p.opportunities} holdout opportunities (expected a number of transactions from 0 to ${p.opportunities})`,
    sv: (p, f) =>
      `${p.source}: rad ${p.row}, kolumn holdout: ${f.num(p.holdout, p.holdout === Math.round(p.holdout) ? 0 : 2)} är fler än utvärderingsperiodens ${p.opportunities} tillfällen (väntat ett antal transaktioner från 0 till ${p.opportunities})`,
  }),
  'model.gg-no-monetary': entry<{ source: string }>({
    en: (p) =>
      `${p.source} has no monetary column: the Gamma-Gamma spend model needs each customer's mean repeat spend`,
    sv: (p) =>
      `${p.source} har ingen beloppskolumn: Gamma-Gamma-modellen behöver varje kunds genomsnittliga återköpsbelopp`,
  }),
  'model.gg-nobody': entry<{ source: string }>({
    en: (p) => `${p.source}: no customer with a repeat purchase and a positive mean spend to fit`,
    sv: (p) => `${p.source}: ingen kund med ett återköp och ett positivt medelbelopp att skatta på`,
  }),

  // --- options that do not go together, and option values in words
  'option.not-accepted': entry<{ value: string; expected: string }>({
    en: (p) => `${p.value} is not accepted (expected ${p.expected})`,
    sv: (p) => `${p.value} godtas inte (väntat ${svPhrase(p.expected)})`,
  }),
  'option.day-list': entry<{ value: string; detail: string | Message }>({
    en: (p, f) =>
      `${q(p.value)} is not a list of days (expected comma-separated days YYYY-MM-DD; ${typeof p.detail === 'string' ? p.detail : f.text(p.detail)})`,
    sv: (p, f) =>
      `${q(p.value)} är inte en lista med dagar (väntat kommaseparerade dagar ÅÅÅÅ-MM-DD; ${typeof p.detail === 'string' ? p.detail : f.text(p.detail)})`,
  }),
  'option.password-short': entry<{ length: number; minimum: number }>({
    en: (p) => `is too short (${p.length} characters, expected at least ${p.minimum})`,
    sv: (p, f) => `är för kort (${f.count(p.length, 'tecken', 'tecken')}, väntat minst ${p.minimum})`,
  }),
  'option.sbg-only': entry({
    en: () => 'applies to the sbg model only',
    sv: () => 'gäller endast modellen sbg',
  }),
  'option.fit-sbg-only': entry({
    en: () => 'applies to fit sbg only (model predict takes a yearly rate)',
    sv: () => 'gäller endast fit sbg (model predict tar en årsränta)',
  }),
  'option.bgbb-no-dates': entry({
    en: () =>
      'bgbb validates on a summary file of discrete opportunities with a holdout column: give {option:summary} and {option:holdoutOpportunities}, not days',
    sv: () =>
      'bgbb valideras på en sammanfattningsfil med diskreta tillfällen och en holdout-kolumn: ange {option:summary} och {option:holdoutOpportunities}, inte dagar',
  }),
  'option.bgbb-summary-missing': entry({
    en: () =>
      'missing: bgbb validates on a summary file of discrete opportunities (x, t_x, n, optionally weight) with a holdout column',
    sv: () =>
      'saknas: bgbb valideras på en sammanfattningsfil med diskreta tillfällen (x, t_x, n, valfritt weight) och en holdout-kolumn',
  }),
  'option.holdout-column-missing': entry({
    en: () => 'missing: the opportunities the holdout column covers (expected a whole number from 1 to 1000)',
    sv: () => 'saknas: antalet tillfällen som holdout-kolumnen täcker (väntat ett heltal från 1 till 1000)',
  }),
  'option.holdout-counts-missing': entry({
    en: () => 'missing: the opportunities the holdout counts cover (expected a whole number from 1 to 1000)',
    sv: () =>
      'saknas: antalet tillfällen som antalen i utvärderingsperioden avser (väntat ett heltal från 1 till 1000)',
  }),
  'option.bgbb-validate-only': entry<{ model: string }>({
    en: (p) =>
      `applies to validate --model bgbb only; ${p.model} validates on the store between {option:calibrationEnd} and {option:holdoutEnd}`,
    sv: (p) =>
      `gäller endast validate --model bgbb; ${p.model} valideras på databasen mellan {option:calibrationEnd} och {option:holdoutEnd}`,
  }),
  'option.surviving-or-lifetimes': entry({
    en: () =>
      'give either surviving (counts after periods 0, 1, …) or lifetimes ({ periods, churned, weight }), not both or neither',
    sv: () =>
      'ange antingen surviving (antal kvar efter period 0, 1, …) eller lifetimes ({ periods, churned, weight }), inte båda eller ingen',
  }),
  'option.clv-only': entry({
    en: () => 'applies to value clv only',
    sv: () => 'gäller endast value clv',
  }),
  'option.closes-before-opens': entry<{ closes: string; opens: string }>({
    en: (p) => `closes ${p.closes} is not later than opens ${p.opens}`,
    sv: (p) => `stängningstiden ${p.closes} är inte senare än öppningstiden ${p.opens}`,
  }),
  'option.columns-without-no-header': entry({
    en: () =>
      'names the columns of a file without a header: give it with {option:noHeader}, or use {option:map} to rename headers',
    sv: () =>
      'namnger kolumnerna i en fil utan rubrikrad: ange den med {option:noHeader}, eller byt namn på rubriker med {option:map}',
  }),
  'option.no-header-needs-columns': entry({
    en: () =>
      'a file without a header needs its columns named in order with {option:columns} (e.g. customer_id,order_date,amount)',
    sv: () =>
      'en fil utan rubrikrad behöver sina kolumner namngivna i ordning med {option:columns} (t.ex. customer_id,order_date,amount)',
  }),
  'option.no-header-csv-only': entry<{ format: string }>({
    en: (p) => `works for CSV files only, not ${p.format}`,
    sv: (p) => `fungerar endast för CSV-filer, inte ${p.format}`,
  }),
  'tiers.not-a-share': entry<{ share: string; spec: string }>({
    en: (p) => `${q(p.share)} in ${q(p.spec)} is not a share in percent (e.g. 5 or 12.5)`,
    sv: (p) => `${q(p.share)} i ${q(p.spec)} är inte en andel i procent (t.ex. 5 eller 12.5)`,
  }),
  'tiers.empty-name': entry<{ spec: string }>({
    en: (p) => `empty tier name in ${q(p.spec)}`,
    sv: (p) => `tomt kategorinamn i ${q(p.spec)}`,
  }),
  'tiers.sum': entry<{ spec: string; total: number }>({
    en: (p) => `the shares in ${q(p.spec)} sum to ${p.total} %, expected 100`,
    sv: (p) => `andelarna i ${q(p.spec)} summerar till ${String(p.total).replace('.', ',')} %, väntat 100`,
  }),
  'tiers.not-unique': entry<{ spec: string }>({
    en: (p) => `tier names in ${q(p.spec)} are not unique`,
    sv: (p) => `kategorinamnen i ${q(p.spec)} är inte unika`,
  }),
  'tiers.reserved': entry<{ name: string }>({
    en: (p) => `${q(p.name)} is reserved for flows, name the tier otherwise`,
    sv: (p) => `${q(p.name)} är reserverat för kundflöden, ge kategorin ett annat namn`,
  }),
  'option.target-or-range': entry({
    en: () => 'give one of {option:target} N or {option:range} LOW..HIGH',
    sv: () => 'ange antingen {option:target} N eller {option:range} LÅG..HÖG',
  }),
  'upload.reading': entry<{ name: string }>({
    en: (p) => `reading ${p.name}`,
    sv: (p) => `läser ${p.name}`,
  }),
  'upload.failed': entry({
    en: () => 'failed: nothing was imported',
    sv: () => 'misslyckades: inget importerades',
  }),
  'upload.done': entry<{ imported: number; rejected: number }>({
    en: (p) => `${p.imported} imported, ${p.rejected} rejected`,
    sv: (p, f) => `${f.num(p.imported)} importerade, ${f.num(p.rejected)} avvisade`,
  }),
};
