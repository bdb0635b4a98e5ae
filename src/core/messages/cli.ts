/**
 * The command line's own words: the help of every command, argument and option (`help.<command>.<option>`),
 * commander's headings and errors (`cli.…`), and the CLI's own errors and progress lines. Option names,
 * kinds, model names and column names stay as they are in both languages: they are what the user types.
 */
import { entry, type Entry } from './message';

/** A help text without parameters, in both languages. */
function h(en: string, sv: string): Entry<Record<never, never>> {
  return entry({ en: () => en, sv: () => sv });
}

const AS_OF_REPORT = h(
  'report date YYYY-MM-DD (default: the latest order date)',
  'rapportdag ÅÅÅÅ-MM-DD (standard: det senaste orderdatumet)',
);
const WINDOW = h(
  'window length in whole months (12, 6, 3, 1 …)',
  'fönstrets längd i hela månader (12, 6, 3, 1 …)',
);
const OUT_DIR = h(
  'write every table (or the --table one) to <dir>/<name>.csv instead of printing',
  'skriv varje tabell (eller den som --table anger) till <dir>/<name>.csv i stället för att skriva ut',
);
const BASIS = h(
  'activity: orders (a purchase in the window) or contracts (a contract in force on the day); default: contracts when the store holds contracts and no orders',
  'aktivitet: orders (ett köp i fönstret) eller contracts (ett avtal som gäller på dagen); standard: contracts när databasen har avtal men inga order',
);
const TIERS = h(
  'tier shares in percent: 5,15,50,30 (default), Super:5,Top:15,Middle:50,Bottom:30 or deciles',
  'kundkategoriernas andelar i procent: 5,15,50,30 (standard), Super:5,Top:15,Middle:50,Bottom:30 eller deciles',
);
const VALUE = h(
  'value that ranks customers: revenue (default) or margin',
  'värdet som rangordnar kunderna: revenue (standard) eller margin',
);
const VALUE_CLV = h(
  'value that ranks customers: revenue (default), margin, or clv (predicted CLV: BG/NBD + Gamma-Gamma fitted as of each window end)',
  'värdet som rangordnar kunderna: revenue (standard), margin eller clv (prognostiserad CLV: BG/NBD + Gamma-Gamma anpassade per varje fönsterslut)',
);
const HORIZON_CLV = h(
  'with --value clv: months the predicted CLV covers (default 12)',
  'med --value clv: antal månader som den prognostiserade CLV:n omfattar (standard 12)',
);
const DISCOUNT_CLV = h(
  'with --value clv: yearly discount rate in percent (default 10)',
  'med --value clv: årlig diskonteringsränta i procent (standard 10)',
);
const CONTRACT_TIERS = h(
  'segment shares in percent: Top:20,Mid:30,Low:50 (default), or deciles',
  'segmentens andelar i procent: Top:20,Mid:30,Low:50 (standard) eller deciles',
);
const REVENUE = h(
  'contract revenue: fees (annual_fee, the default when contracts have one) or invoices (linked transactions)',
  'avtalsintäkt: fees (annual_fee, standard när avtalen har en sådan) eller invoices (kopplade transaktioner)',
);
const BY_TIER_TIERS = h(
  'tiers for --by-tier (implies it): tier shares in percent: 5,15,50,30 (default), Super:5,Top:15,Middle:50,Bottom:30 or deciles',
  'kundkategorier för --by-tier (som då gäller): andelar i procent: 5,15,50,30 (standard), Super:5,Top:15,Middle:50,Bottom:30 eller deciles',
);
const SCORECARD = h(
  "an edited scorecard as JSON (default: the paper's Tables 2 and 3; see `accounts scorecard`)",
  'ett redigerat poängkort som JSON (standard: artikelns tabell 2 och 3; se `accounts scorecard`)',
);
const SUMMARY = h(
  'per-customer summary CSV (x or frequency, t_x or recency, T, optionally monetary) instead of the store',
  'sammanställning per kund som CSV (x eller frequency, t_x eller recency, T, eventuellt monetary) i stället för databasen',
);
const CALIBRATION_END = h(
  'last day of the calibration period YYYY-MM-DD (default: the latest order date)',
  'sista dagen i kalibreringsperioden ÅÅÅÅ-MM-DD (standard: det senaste orderdatumet)',
);
const TIME_UNIT = h(
  'time unit of recency, age and alpha: day, week or month',
  'tidsenhet för recency, ålder och alpha: day, week eller month',
);
const DISCOUNT_YEARLY = h('yearly discount rate in percent', 'årlig diskonteringsränta i procent');
const TRUST_PROXY = h(
  "believe X-Forwarded-Proto and X-Forwarded-For only from these proxies' IP addresses (comma-separated)",
  'lita på X-Forwarded-Proto och X-Forwarded-For endast från dessa proxyservrars IP-adresser (kommaseparerade)',
);
const HOST = h('address to listen on', 'adress att lyssna på');
const CUSTOMER_ID = h('the customer id', 'kundens id');
const STRATEGY_TIERS = h(
  'tier shares in percent: 5,15,50,30 (default), Super:5,Top:15,Middle:50,Bottom:30 or deciles (other tiers need --rules)',
  'kundkategoriernas andelar i procent: 5,15,50,30 (standard), Super:5,Top:15,Middle:50,Bottom:30 eller deciles (andra kategorier kräver --rules)',
);
const REPORT = h(
  'reports: portfolio, flows, retention, cohorts, concentration, service, satisfaction, subscription, products, product-churn, loyalty-depth, programme',
  'rapporter: portfolio, flows, retention, cohorts, concentration, service, satisfaction, subscription, products, product-churn, loyalty-depth, programme',
);
const ACCOUNTS = h(
  'key accounts: relationship risk, CLV, sensitivity, backtest, scorecard, policy matrix',
  'nyckelkunder: relationsrisk, CLV, känslighet, backtest, poängkort, policymatris',
);

/** Help texts: what `--help` shows for each command, argument and option. */
export const CLI_HELP = {
  // the program and its global options
  'help.cvm': h(
    'Customer value management: value tiers, flows, retention, CLV, key-account risk and service KPIs',
    'Kundvärdesstyrning: värdekategorier, kundflöden, retention, CLV, risk i nyckelkundsrelationer och service-KPI:er',
  ),
  'help.cvm.db': h(
    'DuckDB file or postgres:// URL (default: $CVM_DB or ./cvm.duckdb)',
    'DuckDB-fil eller postgres://-URL (standard: $CVM_DB eller ./cvm.duckdb)',
  ),
  'help.cvm.format': h('output format', 'utdataformat'),
  'help.cvm.lang': h('labels and number format', 'språk för etiketter och talformat'),
  'help.cvm.currency': h(
    'currency suffix for money in tables (default: none, "kr" with --lang sv)',
    'valutasuffix för belopp i tabeller (standard: inget, "kr" med --lang sv)',
  ),
  'help.cvm.table': h(
    'the table of a report to print (csv prints one: the first by default); an unknown name lists them',
    'den tabell i rapporten som skrivs ut (csv skriver en: den första som standard); ett okänt namn listar dem',
  ),
  'help.cvm.verbose': h(
    'show progress details and stack traces',
    'visa detaljer om förloppet och stackspårningar',
  ),
  'help.cvm.version': h('print the version of cvm', 'skriv ut versionen av cvm'),
  'help.cvm.help': h('display help for command', 'visa hjälp för kommandot'),
  'help.cvm.help-command': h('display help for command', 'visa hjälp för ett kommando'),

  // the commands as `cvm --help` lists them
  'help.list.import': h(
    'load a CSV, XLSX, Parquet or JSON file of one kind',
    'läs in en CSV-, XLSX-, Parquet- eller JSON-fil med en datatyp',
  ),
  'help.list.imports': h('the import log: list imports, undo one', 'importloggen: lista importer, ångra en'),
  'help.list.report': REPORT,
  'help.list.simulate': h(
    'loyalty what-ifs: retention, leaking bucket, loyal customer',
    'lojalitetsscenarier: retention, läckande hink, lojal kund',
  ),
  'help.list.customer': h(
    'one customer: history, tier per window, complaints, survey answers, contracts, key accounts',
    'en kund: historik, kundkategori per fönster, reklamationer, enkätsvar, avtal, nyckelkunder',
  ),
  'help.list.delete': h(
    'erase one customer: their rows of every kind, counted per kind (--dry-run counts only)',
    'radera en kund: kundens rader av alla datatyper, räknade per datatyp (--dry-run räknar bara)',
  ),
  'help.list.accounts': ACCOUNTS,
  'help.list.model': h(
    'probabilistic CLV: fit BG/NBD, Pareto/NBD, Gamma-Gamma …, predict, validate',
    'probabilistisk CLV: anpassa BG/NBD, Pareto/NBD, Gamma-Gamma …, prognostisera, validera',
  ),
  'help.list.kpi': h(
    'the KPI board: targets, deadlines, owners and status',
    'KPI-tavlan: mål, deadlines, ansvariga och status',
  ),
  'help.list.segments': h(
    'value × loyalty segments with named cells, and movement between them',
    'segment efter värde × lojalitet med namngivna celler, och förflyttningar mellan dem',
  ),
  'help.list.lifecycle': h(
    'lifecycle phases, and KPIs per phase, tier and segment',
    'livscykelfaser, och KPI:er per fas, kundkategori och segment',
  ),
  'help.list.actions': h(
    'next best actions from situation triggers, ranked by value at stake; --export',
    'nästa bästa åtgärder utifrån situationer som utlöser dem, rangordnade efter värdet som står på spel; --export',
  ),
  'help.list.demo': h(
    'build and load a realistic, deterministic demo data set (docs/demo.md)',
    'bygg och läs in en realistisk, deterministisk demodatamängd (docs/demo.md)',
  ),
  'help.list.info': h(
    'what is loaded: rows and date ranges per table, and the latest imports',
    'vad som är inläst: rader och datumintervall per tabell, och de senaste importerna',
  ),
  'help.list.start': h(
    'build the demo into an empty database, summarise it, then serve the dashboard and API',
    'bygg demon i en tom databas, sammanfatta den och servera sedan instrumentpanelen och API:t',
  ),
  'help.list.summary': h(
    'summarise what is loaded: data, headline, portfolio, key accounts turning negative',
    'sammanfatta vad som är inläst: data, nyckeltal, portfölj, nyckelkunder som blir negativa',
  ),
  'help.list.serve': h(
    'serve the HTTP API and the dashboard on this store until Ctrl-C',
    'servera HTTP-API:t och instrumentpanelen på den här databasen tills Ctrl-C',
  ),
  'help.list.user': h(
    'users of the HTTP API: add, list, remove, set-role',
    'användare av HTTP-API:t: add (lägg till), list (lista), remove (ta bort), set-role (byt roll)',
  ),

  // cvm import
  'help.import.kind': h('what the file holds', 'vad filen innehåller'),
  'help.import.file': h(
    'the file (.csv .txt .tsv .xlsx .parquet .json .ndjson .jsonl)',
    'filen (.csv .txt .tsv .xlsx .parquet .json .ndjson .jsonl)',
  ),
  'help.import.map': h(
    'read a column from a differently named header (repeatable, or a,b)',
    'läs en kolumn från en rubrik med ett annat namn (kan upprepas, eller a,b)',
  ),
  'help.import.delimiter': h(
    'CSV field delimiter: , ; tab space | or whitespace (runs of blanks) (default: detected)',
    'fältavgränsare i CSV: , ; tab space | eller whitespace (följder av blanktecken) (standard: identifieras automatiskt)',
  ),
  'help.import.decimal': h(
    'decimal separator: . or , (default: detected)',
    'decimaltecken: . eller , (standard: identifieras automatiskt)',
  ),
  'help.import.encoding': h(
    'CSV text encoding: utf-8, windows-1252 or latin1 (default: UTF-8 if valid, else windows-1252)',
    'teckenkodning i CSV: utf-8, windows-1252 eller latin1 (standard: UTF-8 om texten är giltig, annars windows-1252)',
  ),
  'help.import.strict': h('import nothing if any row is bad', 'importera ingenting om någon rad är felaktig'),
  'help.import.replace': h(
    'replace what earlier imports of this file (same kind, same path) brought in (see cvm imports list)',
    'ersätt det som tidigare importer av den här filen (samma datatyp, samma sökväg) förde in (se cvm imports list)',
  ),
  'help.import.time-zone': h(
    'IANA time zone of the data: a timestamp with a zone gives its local day there (default: UTC)',
    'datans IANA-tidszon: en tidsstämpel med zon ger sin lokala dag där (standard: UTC)',
  ),
  'help.import.no-header': h(
    'the CSV file has no header line: name its columns with --columns',
    'CSV-filen saknar rubrikrad: namnge kolumnerna med --columns',
  ),
  'help.import.columns': h(
    'the columns of a file without a header, in order (canonical names)',
    'kolumnerna i en fil utan rubrikrad, i ordning (kanoniska namn)',
  ),
  'help.import.round': h(
    'round amounts with more decimals than the store keeps instead of rejecting them',
    'avrunda belopp med fler decimaler än databasen sparar i stället för att avvisa dem',
  ),
  'help.import.rejects': h(
    'where to write rejected rows (default: <file>.rejects.csv)',
    'vart avvisade rader skrivs (standard: <file>.rejects.csv)',
  ),
  'help.import.sheet': h('XLSX worksheet (default: the first)', 'kalkylblad i XLSX (standard: det första)'),
  'help.import.input-format': h(
    'csv, xlsx, parquet or json (default: from the extension)',
    'csv, xlsx, parquet eller json (standard: efter filändelsen)',
  ),

  // cvm imports
  'help.imports.list': h(
    'every import, newest first: rows imported, rejected and still stored, and its state',
    'alla importer, nyaste först: rader som importerats, avvisats och fortfarande finns kvar, och importens status',
  ),
  'help.imports.undo': h(
    'remove the rows an import brought in (those still stored), in one transaction',
    'ta bort raderna som en import förde in (de som finns kvar), i en transaktion',
  ),

  // cvm report
  'help.report': REPORT,
  'help.report.as-of': AS_OF_REPORT,
  'help.report.window': WINDOW,
  'help.report.out': OUT_DIR,
  'help.report.basis': BASIS,
  'help.report.tiers': TIERS,
  'help.report.value': VALUE,
  'help.report.value-clv': VALUE_CLV,
  'help.report.horizon': HORIZON_CLV,
  'help.report.discount-rate': DISCOUNT_CLV,
  'help.report.contract-tiers': CONTRACT_TIERS,
  'help.report.revenue': REVENUE,
  'help.report.portfolio': h(
    'members, retention, duration, CLV and value per value tier',
    'medlemmar, retention, varaktighet, CLV och värde per värdekategori',
  ),
  'help.report.flows': h(
    'customer flows between the value tiers of the previous and the current window',
    'kundflöden mellan värdekategorierna i föregående och innevarande fönster',
  ),
  'help.report.retention': h(
    'retention, churn and duration per tier, as a trend and by tenure',
    'retention, churn och varaktighet per kundkategori, som trend och efter kundålder',
  ),
  'help.report.retention.step': h('months between trend points', 'månader mellan trendpunkterna'),
  'help.report.retention.years': h('years the trend reaches back', 'år som trenden sträcker sig bakåt'),
  'help.report.cohorts': h(
    'acquisition cohorts followed period by period',
    'förvärvskohorter följda period för period',
  ),
  'help.report.cohorts.cohort': h(
    'cohort by month, quarter or year of the first purchase',
    'kohort efter månad (month), kvartal (quarter) eller år (year) för det första köpet',
  ),
  'help.report.cohorts.years': h(
    'years of cohorts back from the as-of day',
    'antal år med kohorter bakåt från rapportdagen',
  ),
  'help.report.concentration': h(
    'Lorenz curve, top-x % shares, Gini and deciles of the current window',
    'Lorenzkurva, topp x %-andelar, Gini och deciler för innevarande fönster',
  ),
  'help.report.concentration.tiers': h(
    'tiers for the table (default: deciles)',
    'kundkategorier för tabellen (standard: deciles)',
  ),
  'help.report.loyalty-depth': h(
    'duration, frequency, volume, depth and share of wallet per value tier of the current window, and per customer',
    'varaktighet, frekvens, volym, djup och plånboksandel per värdekategori i innevarande fönster, och per kund',
  ),
  'help.report.loyalty-depth.customers': h(
    'add the customers table: the n most valuable customers, or all (with --out or --table customers --format csv for an export)',
    'lägg till kundtabellen: de n mest värdefulla kunderna, eller all (med --out eller --table customers --format csv för en export)',
  ),
  'help.report.programme': h(
    'loyalty-programme effect: members against non-members, before and after joining, matched difference in differences, per value tier',
    'lojalitetsprogrammets effekt: medlemmar mot icke-medlemmar, före och efter inträdet, matchad differens-i-differenser, per värdekategori',
  ),
  'help.report.service': h(
    'complaints: rates, resolution times, share within target, backlog, causes, monthly trend',
    'reklamationer: andelar, lösningstider, andel inom målet, ärendebalans, orsaker, månadstrend',
  ),
  'help.report.service.target-hours': h(
    'resolution target in hours (a complaint resolved in exactly this meets it)',
    'mål för lösningstiden i timmar (en reklamation som löses på exakt så lång tid når målet)',
  ),
  'help.report.service.time-zone': h(
    'IANA time zone of the days and months, e.g. Europe/Stockholm',
    'IANA-tidszon för dagar och månader, t.ex. Europe/Stockholm',
  ),
  'help.report.service.target-by-category': h(
    'targets per complaint category in hours, e.g. billing=48,delivery=72 (default: --target-hours)',
    'mål per reklamationskategori i timmar, t.ex. billing=48,delivery=72 (standard: --target-hours)',
  ),
  'help.report.service.target-by-priority': h(
    'targets per complaint priority in hours, e.g. high=8,urgent=4 (wins over the category target)',
    'mål per reklamationsprioritet i timmar, t.ex. high=8,urgent=4 (går före kategorins mål)',
  ),
  'help.report.service.business-hours': h(
    'count resolution and first-response times in business hours of --time-zone',
    'räkna lösnings- och första svarstider i öppettimmar i --time-zone',
  ),
  'help.report.service.opens': h(
    'business hours: opening time (default 08:00; implies --business-hours)',
    'öppettider: öppningstid (standard 08:00; innebär --business-hours)',
  ),
  'help.report.service.closes': h(
    'business hours: closing time (default 17:00; implies --business-hours)',
    'öppettider: stängningstid (standard 17:00; innebär --business-hours)',
  ),
  'help.report.service.working-days': h(
    'business hours: working days, e.g. mon-fri (default) or mon-thu,sat (implies --business-hours)',
    'öppettider: arbetsdagar, t.ex. mon-fri (standard) eller mon-thu,sat (innebär --business-hours)',
  ),
  'help.report.service.holidays': h(
    'business hours: closed days, comma-separated YYYY-MM-DD (implies --business-hours)',
    'öppettider: stängda dagar, kommaseparerade ÅÅÅÅ-MM-DD (innebär --business-hours)',
  ),
  'help.report.service.by-tier': h(
    'add the figures per value tier and the retention of complainants vs others',
    'lägg till siffrorna per värdekategori och retentionen för kunder som reklamerat jämfört med övriga',
  ),
  'help.report.by-tier-tiers': BY_TIER_TIERS,
  'help.report.satisfaction': h(
    'NPS, CSAT and CES with the change from the previous window and its significance',
    'NPS, CSAT och CES med förändringen från föregående fönster och dess signifikans',
  ),
  'help.report.satisfaction.by-tier': h(
    'add NPS, CSAT and CES per value tier of the respondents',
    'lägg till NPS, CSAT och CES per värdekategori hos de svarande',
  ),
  'help.report.subscription': h(
    'contract customers per segment: revenue and products per customer, duration, SKI, NPS, CLV, retention',
    'avtalskunder per segment: intäkt och produkter per kund, varaktighet, SKI, NPS, CLV, retention',
  ),
  'help.report.products': h(
    'products per contract customer per segment, cross-sell and down-sell between the two days',
    'produkter per avtalskund och segment, merförsäljning och nedförsäljning mellan de två dagarna',
  ),
  'help.report.product-churn': h(
    'per product line: customers who ended it, split into left the company and stayed with other products',
    'per produktlinje: kunder som avslutade den, uppdelade på de som lämnade företaget och de som stannade med andra produkter',
  ),

  // cvm simulate
  'help.simulate': h(
    'loyalty what-ifs: retention, leaking bucket, loyal customer',
    'lojalitetsscenarier: retention, läckande hink, lojal kund',
  ),
  'help.simulate.retention': h(
    "raise every tier's retention by --delta percentage points: duration, CLV and portfolio value",
    'höj varje kundkategoris retention med --delta procentenheter: varaktighet, CLV och portföljens värde',
  ),
  'help.simulate.retention.delta': h(
    'retention change in percentage points',
    'förändring av retentionen i procentenheter',
  ),
  'help.simulate.retention.tiers': h(
    'tier shares in percent, e.g. 5,15,50,30 or deciles',
    'kundkategoriernas andelar i procent, t.ex. 5,15,50,30 eller deciles',
  ),
  'help.simulate.retention.value': h('revenue (default) or margin', 'revenue (standard) eller margin'),
  'help.simulate.bucket': h(
    'base size over the years with yearly acquisition and churn, and its doubling time',
    'kundbasens storlek över åren med årligt nyförvärv och churn, och dess fördubblingstid',
  ),
  'help.simulate.bucket.acquisition': h(
    'new customers a year, percent of the base',
    'nya kunder per år, i procent av basen',
  ),
  'help.simulate.bucket.churn': h(
    'customers lost a year, percent of the base',
    'förlorade kunder per år, i procent av basen',
  ),
  'help.simulate.bucket.years': h('years to project', 'antal år att räkna fram'),
  'help.simulate.bucket.start': h('base size at year 0', 'basens storlek år 0'),
  'help.simulate.loyal': h(
    'lifetime revenue of an ordinary and a loyal customer: frequency × basket × years',
    'livstidsintäkt för en vanlig och en lojal kund: frekvens × köpbelopp × år',
  ),
  'help.simulate.loyal.frequency': h('purchases a year, ordinary customer', 'köp per år, vanlig kund'),
  'help.simulate.loyal.basket': h('revenue per purchase, ordinary customer', 'intäkt per köp, vanlig kund'),
  'help.simulate.loyal.years': h('years as a customer, ordinary customer', 'år som kund, vanlig kund'),
  'help.simulate.loyal.loyal-frequency': h('purchases a year, loyal customer', 'köp per år, lojal kund'),
  'help.simulate.loyal.loyal-basket': h('revenue per purchase, loyal customer', 'intäkt per köp, lojal kund'),
  'help.simulate.loyal.loyal-years': h('years as a customer, loyal customer', 'år som kund, lojal kund'),

  // cvm customer, cvm delete
  'help.customer': h(
    'one customer: history, tier per window, P(alive) and predicted CLV, complaints, survey answers, contracts, key accounts',
    'en kund: historik, kundkategori per fönster, P(alive) och prognostiserad CLV, reklamationer, enkätsvar, avtal, nyckelkunder',
  ),
  'help.customer.id': CUSTOMER_ID,
  'help.customer.as-of': h(
    'YYYY-MM-DD (default: the latest order date up to today)',
    'ÅÅÅÅ-MM-DD (standard: det senaste orderdatumet till och med i dag)',
  ),
  'help.customer.window': h('window length in months', 'fönstrets längd i månader'),
  'help.customer.windows': h(
    'how many windows the tier path goes back, the current one included',
    'hur många fönster kategorihistoriken går tillbaka, det innevarande inräknat',
  ),
  'help.customer.tiers': h(
    'tier shares, e.g. Super:5,Top:15,Middle:50,Bottom:30 or deciles',
    'kundkategoriernas andelar, t.ex. Super:5,Top:15,Middle:50,Bottom:30 eller deciles',
  ),
  'help.customer.value': h('revenue or margin', 'revenue eller margin'),
  'help.customer.horizon': h(
    'months ahead of the predicted purchases and CLV',
    'antal månader framåt för de prognostiserade köpen och CLV:n',
  ),
  'help.customer.discount-rate': h(
    'yearly discount rate of the predicted CLV, in percent',
    'årlig diskonteringsränta för den prognostiserade CLV:n, i procent',
  ),
  'help.delete': h(
    'erase one customer: their rows of every kind, counted per kind (--dry-run counts only)',
    'radera en kund: kundens rader av alla datatyper, räknade per datatyp (--dry-run räknar bara)',
  ),
  'help.delete.customer': CUSTOMER_ID,
  'help.delete.dry-run': h(
    'count the rows that would go and change nothing',
    'räkna raderna som skulle tas bort och ändra ingenting',
  ),

  // cvm accounts
  'help.accounts': ACCOUNTS,
  'help.accounts.as-of': h(
    'assessments on or before YYYY-MM-DD count (default: the latest assessment day)',
    'bedömningar till och med ÅÅÅÅ-MM-DD räknas (standard: den senaste bedömningsdagen)',
  ),
  'help.accounts.scorecard': SCORECARD,
  'help.accounts.discount-rate': h("the company's discount rate", 'företagets diskonteringsränta'),
  'help.accounts.wacc': h(
    'weighted average cost of capital (default 0.048)',
    'vägd genomsnittlig kapitalkostnad (standard 0.048)',
  ),
  'help.accounts.cost-of-debt': h(
    'WACC from its components: cost of debt',
    'WACC ur sina delar: kostnad för lånat kapital',
  ),
  'help.accounts.cost-of-equity': h('cost of equity', 'kostnad för eget kapital'),
  'help.accounts.debt-share': h('debt / (debt + equity)', 'skulder / (skulder + eget kapital)'),
  'help.accounts.tax-rate': h('tax shield on debt (default none)', 'skattesköld på skulder (standard ingen)'),
  'help.accounts.dpm': h(
    'directional policy matrix: risk-counted CLV against relationship strength, in four quadrants',
    'policymatris: riskjusterad CLV mot relationens styrka, i fyra kvadranter',
  ),
  'help.accounts.dpm.attractiveness': h(
    'probability-adjusted (default), survival or risk-adjusted-rate',
    'probability-adjusted (standard), survival eller risk-adjusted-rate',
  ),
  'help.accounts.dpm.strength': h(
    'retention (default) or scale-factors (the 1–5 grades)',
    'retention (standard) eller scale-factors (betygen 1–5)',
  ),
  'help.accounts.report': h(
    'retention probability and CLV per key account, before and after risk, with totals',
    'sannolikhet att behålla kunden och CLV per nyckelkund, före och efter risk, med summor',
  ),
  'help.accounts.sensitivity': h(
    'what one step of each factor does to CLV, ranked actions and a portfolio what-if',
    'vad ett steg i varje faktor gör med CLV, rangordnade åtgärder och ett scenario för portföljen',
  ),
  'help.accounts.sensitivity.what-if': h(
    'the factor every account moves in the what-if',
    'faktorn som alla kunder flyttas i scenariot',
  ),
  'help.accounts.sensitivity.delta': h('how far it moves', 'hur långt den flyttas'),
  'help.accounts.backtest': h(
    'the scorecard against observed renewals: Brier, log loss, AUC, calibration, learnt weights',
    'poängkortet mot observerade förnyelser: Brier, log loss, AUC, kalibrering, inlärda vikter',
  ),
  'help.accounts.backtest.as-of': h(
    'renewals due on or before YYYY-MM-DD count (default: all)',
    'förnyelser med förfallodag till och med ÅÅÅÅ-MM-DD räknas (standard: alla)',
  ),
  'help.accounts.scorecard-command': h(
    'the scorecard in use (a file, else the one saved in the store, else the default): factors, steps, weights, bounds',
    'poängkortet som används (en fil, annars det som sparats i databasen, annars standardkortet): faktorer, steg, vikter, gränser',
  ),
  'help.accounts.scorecard.save': h(
    'save the --scorecard file in the store: every report without --scorecard uses it (audited)',
    'spara --scorecard-filen i databasen: alla rapporter utan --scorecard använder den (loggas)',
  ),
  'help.accounts.scorecard.reset': h(
    'remove the saved scorecard: the reports go back to the default (audited)',
    'ta bort det sparade poängkortet: rapporterna går tillbaka till standardkortet (loggas)',
  ),

  // cvm model
  'help.model': h(
    'buy-till-you-die models: BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma, BG/BB; sBG retention; P(alive) and CLV',
    'buy-till-you-die-modeller: BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma, BG/BB; sBG-retention; P(alive) och CLV',
  ),
  'help.model.summary': SUMMARY,
  'help.model.calibration-end': CALIBRATION_END,
  'help.model.time-unit': TIME_UNIT,
  'help.model.discount-rate': DISCOUNT_YEARLY,
  'help.model.fit': h(
    'fit a model by maximum likelihood: parameters, standard errors, log-likelihood, AIC, BIC',
    'anpassa en modell med maximum likelihood: parametrar, standardfel, log-likelihood, AIC, BIC',
  ),
  'help.model.fit.model': h(
    'bgnbd, mbgnbd, paretonbd, gammagamma, bgbb (from a summary file), or sbg (from a retention file)',
    'bgnbd, mbgnbd, paretonbd, gammagamma, bgbb (från en sammanställningsfil) eller sbg (från en retentionsfil)',
  ),
  'help.model.fit.summary': h(
    'per-customer summary CSV (x or frequency, t_x or recency, T, optionally monetary) instead of the store; for sbg the retention file: period,surviving or periods,churned',
    'sammanställning per kund som CSV (x eller frequency, t_x eller recency, T, eventuellt monetary) i stället för databasen; för sbg retentionsfilen: period,surviving eller periods,churned',
  ),
  'help.model.fit.periods': h(
    'sbg: project the retention curve to this period (default: observed + 5, at least 12)',
    'sbg: räkna fram retentionskurvan till denna period (standard: observerade + 5, minst 12)',
  ),
  'help.model.fit.discount-rate': h(
    'sbg: discount rate per period for DERL, in percent (default 10)',
    'sbg: diskonteringsränta per period för DERL, i procent (standard 10)',
  ),
  'help.model.predict': h(
    'P(alive), expected purchases, expected spend and CLV per customer, written to a CSV file',
    'P(alive), förväntade köp, förväntat köpbelopp och CLV per kund, skrivna till en CSV-fil',
  ),
  'help.model.predict.out': h(
    'CSV file for the per-customer predictions',
    'CSV-fil för prognoserna per kund',
  ),
  'help.model.predict.model': h(
    'purchase model: bgnbd, mbgnbd, paretonbd, or bgbb (a summary file of opportunities)',
    'köpmodell: bgnbd, mbgnbd, paretonbd eller bgbb (en sammanställningsfil med köptillfällen)',
  ),
  'help.model.predict.horizon': h(
    'months ahead for purchases and CLV (bgbb: opportunities ahead)',
    'antal månader framåt för köp och CLV (bgbb: köptillfällen framåt)',
  ),
  'help.model.at-risk': h(
    'customers with a high value if alive and a low P(alive): whom to win back first, highest value first',
    'kunder med högt värde om de är kvar och låg P(alive): vilka som ska vinnas tillbaka först, högst värde först',
  ),
  'help.model.at-risk.max-p-alive': h(
    'at risk: P(alive) at most this, in percent',
    'i riskzonen: P(alive) högst detta, i procent',
  ),
  'help.model.at-risk.top-percent': h(
    'high value: value if alive in the top this percent of customers',
    'högt värde: värdet om kunden är kvar hör till de översta så här många procenten av kunderna',
  ),
  'help.model.at-risk.limit': h('list at most this many customers', 'lista högst så här många kunder'),
  'help.model.at-risk.model': h(
    'purchase model: bgnbd, mbgnbd or paretonbd',
    'köpmodell: bgnbd, mbgnbd eller paretonbd',
  ),
  'help.model.at-risk.horizon': h('months ahead for the CLV', 'antal månader framåt för CLV:n'),
  'help.model.validate': h(
    'fit to the calibration end, compare with the holdout: MAE, RMSE, by frequency, tracking curve (bgbb: on a summary file with a holdout column)',
    'anpassa till kalibreringsslutet och jämför med valideringsperioden: MAE, RMSE, per frekvens, uppföljningskurva (bgbb: på en sammanställningsfil med en kolumn för valideringsperioden)',
  ),
  'help.model.validate.calibration-end': h(
    'last day of the calibration period YYYY-MM-DD',
    'sista dagen i kalibreringsperioden ÅÅÅÅ-MM-DD',
  ),
  'help.model.validate.holdout-end': h(
    'last day of the holdout period YYYY-MM-DD',
    'sista dagen i valideringsperioden ÅÅÅÅ-MM-DD',
  ),
  'help.model.validate.model': h(
    'purchase model: bgnbd, mbgnbd or paretonbd; or bgbb (a summary file of opportunities)',
    'köpmodell: bgnbd, mbgnbd eller paretonbd; eller bgbb (en sammanställningsfil med köptillfällen)',
  ),
  'help.model.validate.summary': h(
    'bgbb: summary CSV of opportunities (x, t_x, n, optionally weight) with a holdout column',
    'bgbb: sammanställning av köptillfällen som CSV (x, t_x, n, eventuellt weight) med en kolumn för valideringsperioden',
  ),
  'help.model.validate.holdout-opportunities': h(
    'bgbb: the opportunities the holdout column covers',
    'bgbb: köptillfällena som kolumnen för valideringsperioden omfattar',
  ),

  // cvm kpi
  'help.kpi': h(
    'the KPI board: targets, deadlines, owners and status',
    'KPI-tavlan: mål, deadlines, ansvariga och status',
  ),
  'help.kpi.list': h('the KPI catalogue with the targets set', 'KPI-katalogen med de mål som är satta'),
  'help.kpi.set': h(
    'set a KPI target with a deadline and an owner (replaces the one it had)',
    'sätt ett KPI-mål med deadline och ansvarig (ersätter det tidigare)',
  ),
  'help.kpi.set.target': h('the value to reach', 'värdet som ska nås'),
  'help.kpi.set.range': h('a normal range instead of a value', 'ett normalintervall i stället för ett värde'),
  'help.kpi.set.deadline': h('deadline YYYY-MM-DD', 'deadline ÅÅÅÅ-MM-DD'),
  'help.kpi.set.owner': h('who answers for the KPI', 'vem som ansvarar för KPI:t'),
  'help.kpi.unset': h(
    'remove a KPI from the board (its target, deadline and owner; snapshots are kept)',
    'ta bort ett KPI från tavlan (dess mål, deadline och ansvarig; ögonblicksbilderna sparas)',
  ),
  'help.kpi.status': h(
    'each KPI with a target: value, trend and on track / at risk / off track',
    'varje KPI med mål: värde, trend och i fas / i riskzonen / ur fas',
  ),
  'help.kpi.quality': h(
    'how good each KPI is: n and 95 % interval, detectable change, gap to target, what it predicts',
    'hur bra varje KPI är: n och 95 %-intervall, upptäckbar förändring, avstånd till målet, vad det förutsäger',
  ),

  // cvm segments, lifecycle, actions
  'help.strategy.as-of': h(
    'as-of day YYYY-MM-DD (default: the latest order date)',
    'rapportdag ÅÅÅÅ-MM-DD (standard: det senaste orderdatumet)',
  ),
  'help.strategy.window': h(
    'window length in whole months (12, 6, 3 …)',
    'fönstrets längd i hela månader (12, 6, 3 …)',
  ),
  'help.strategy.tiers': STRATEGY_TIERS,
  'help.strategy.rules': h(
    'strategy rules as JSON or YAML (default: the built-in rules, docs/metrics.md)',
    'strategiregler som JSON eller YAML (standard: de inbyggda reglerna, docs/metrics.md)',
  ),
  'help.strategy.loyalty': h(
    'loyalty basis: behaviour (default), nps or palive (fits BG/NBD)',
    'grund för lojalitet: behaviour (standard), nps eller palive (anpassar BG/NBD)',
  ),
  'help.segments': h(
    'value × loyalty segments, movement from F12 to S12',
    'segment efter värde × lojalitet, förflyttningar från F12 till S12',
  ),
  'help.lifecycle': h(
    'lifecycle phases per customer, per tier, and KPIs per phase, tier and segment',
    'livscykelfaser per kund och per kundkategori, och KPI:er per fas, kundkategori och segment',
  ),
  'help.actions': h(
    'next best actions ranked by value at stake, with reasons',
    'nästa bästa åtgärder rangordnade efter värdet som står på spel, med skäl',
  ),
  'help.actions.export': h(
    'write every suggestion to FILE (CSV, or JSON by .json) and remember them',
    'skriv alla förslag till FILE (CSV, eller JSON med .json) och kom ihåg dem',
  ),
  'help.actions.limit': h('suggestions in the table and the JSON', 'antal förslag i tabellen och i JSON'),
  'help.actions.trigger': h(
    'only suggestions of this trigger (list and export)',
    'bara förslag från den här utlösaren (lista och export)',
  ),
  'help.actions.segment': h(
    'only customers of this segment (or inactive)',
    'bara kunder i det här segmentet (eller inactive)',
  ),
  'help.actions.tier': h(
    'only customers of this value tier (or inactive)',
    'bara kunder i den här värdekategorin (eller inactive)',
  ),
  'help.actions.channel': h('only actions on this channel', 'bara åtgärder i den här kanalen'),

  // cvm demo, info, start, summary, serve
  'help.demo.customers': h('customers in the data set', 'antal kunder i datamängden'),
  'help.demo.seed': h(
    'random seed: the same seed gives the same files',
    'slumpfrö: samma frö ger samma filer',
  ),
  'help.demo.end': h('last day of the order log', 'sista dagen i orderloggen'),
  'help.demo.years': h('years of orders', 'antal år med order'),
  'help.demo.out': h(
    'keep the CSV files in this directory (default: a temporary one, removed)',
    'behåll CSV-filerna i den här katalogen (standard: en tillfällig katalog som tas bort)',
  ),
  'help.demo.replace': h('empty the database tables first', 'töm databasens tabeller först'),
  'help.start': h(
    'build the demo into an empty database, add the demo logins, summarise, then serve the dashboard and API',
    'bygg demon i en tom databas, lägg till demoinloggningarna, sammanfatta och servera sedan instrumentpanelen och API:t',
  ),
  'help.start.customers': h(
    'customers in the demo built into an empty database',
    'antal kunder i demon som byggs i en tom databas',
  ),
  'help.start.seed': h('seed of that demo', 'slumpfrö för den demon'),
  'help.start.port': h(
    'TCP port of the dashboard and API (0: any free port)',
    'TCP-port för instrumentpanelen och API:t (0: valfri ledig port)',
  ),
  'help.start.no-serve': h('print the summary and stop', 'skriv ut sammanfattningen och avsluta'),
  'help.serve.port': h('TCP port (0: any free port)', 'TCP-port (0: valfri ledig port)'),
  'help.serve.host': HOST,
  'help.serve.trust-proxy': TRUST_PROXY,
  'help.serve.no-warm': h(
    "do not compute the dashboard's default reports in the background after start and after each data change (they are then computed when first asked for)",
    'beräkna inte instrumentpanelens förvalda rapporter i bakgrunden efter start och efter varje dataändring (de beräknas då när någon först ber om dem)',
  ),

  // cvm user
  'help.user.list': h('the users and their roles', 'användarna och deras roller'),
  'help.user.add': h(
    'add a user: admin, analyst, account_manager (their own key accounts) or viewer',
    'lägg till en användare: admin, analyst, account_manager (sina egna nyckelkunder) eller viewer',
  ),
  'help.user.add.role': h(
    'admin, analyst, account_manager or viewer',
    'admin, analyst, account_manager eller viewer',
  ),
  'help.user.add.display-name': h('the name the dashboard shows', 'namnet som instrumentpanelen visar'),
  'help.user.add.password-stdin': h(
    'read the password from stdin (one line) instead of asking',
    'läs lösenordet från stdin (en rad) i stället för att fråga',
  ),
  'help.user.set-role': h("change a user's role", 'byt roll för en användare'),
  'help.user.remove': h(
    'remove a user and end their sessions',
    'ta bort en användare och avsluta användarens sessioner',
  ),
};

/** Help texts with a part that is computed. */
const CLI_HELP_WITH_PARAMS = {
  'help.import': entry<{ kinds: string }>({
    en: (p) => `load a CSV, XLSX, Parquet or JSON file of one kind (${p.kinds})`,
    sv: (p) => `läs in en CSV-, XLSX-, Parquet- eller JSON-fil med en datatyp (${p.kinds})`,
  }),
};

/** Commander's headings and the parts of an option's help it adds, in Swedish too. */
const CLI_HELP_PARTS = {
  'cli.heading.usage': h('Usage:', 'Användning:'),
  'cli.heading.options': h('Options:', 'Flaggor:'),
  'cli.heading.arguments': h('Arguments:', 'Argument:'),
  'cli.heading.commands': h('Commands:', 'Kommandon:'),
  'cli.heading.global-options': h('Global Options:', 'Globala flaggor:'),
  'cli.usage.options': h('[options]', '[flaggor]'),
  'cli.usage.command': h('[command]', '[kommando]'),
  'cli.help.choices': entry<{ choices: string }>({
    en: (p) => `choices: ${p.choices}`,
    sv: (p) => `val: ${p.choices}`,
  }),
  'cli.help.default': entry<{ value: string }>({
    en: (p) => `default: ${p.value}`,
    sv: (p) => `standard: ${p.value}`,
  }),
  'cli.help.preset': entry<{ value: string }>({
    en: (p) => `preset: ${p.value}`,
    sv: (p) => `förval: ${p.value}`,
  }),
  'cli.help.env': entry<{ name: string }>({
    en: (p) => `env: ${p.name}`,
    sv: (p) => `miljövariabel: ${p.name}`,
  }),
};

/** Commander's "(Did you mean …?)" after an unknown option or command: `near` is one name or a list. */
function didYouMean(near: string | null, many: boolean, lang: 'en' | 'sv'): string {
  if (near === null) return '';
  if (lang === 'sv') return many ? `\n(Menade du någon av ${near}?)` : `\n(Menade du ${near}?)`;
  return many ? `\n(Did you mean one of ${near}?)` : `\n(Did you mean ${near}?)`;
}

/** Commander's errors (the English is commander's own wording). */
const CLI_COMMANDER_ERRORS = {
  'cli.error.unknown-option': entry<{ flag: string; near: string | null; many: boolean }>({
    en: (p) => `error: unknown option '${p.flag}'${didYouMean(p.near, p.many, 'en')}`,
    sv: (p) => `fel: okänd flagga '${p.flag}'${didYouMean(p.near, p.many, 'sv')}`,
  }),
  'cli.error.unknown-command': entry<{ name: string; near: string | null; many: boolean }>({
    en: (p) => `error: unknown command '${p.name}'${didYouMean(p.near, p.many, 'en')}`,
    sv: (p) => `fel: okänt kommando '${p.name}'${didYouMean(p.near, p.many, 'sv')}`,
  }),
  'cli.error.missing-argument': entry<{ name: string }>({
    en: (p) => `error: missing required argument '${p.name}'`,
    sv: (p) => `fel: argumentet '${p.name}' saknas`,
  }),
  'cli.error.option-missing-argument': entry<{ flags: string }>({
    en: (p) => `error: option '${p.flags}' argument missing`,
    sv: (p) => `fel: flaggan '${p.flags}' saknar sitt värde`,
  }),
  'cli.error.missing-mandatory-option': entry<{ flags: string }>({
    en: (p) => `error: required option '${p.flags}' not specified`,
    sv: (p) => `fel: flaggan '${p.flags}' måste anges`,
  }),
  'cli.error.invalid-choice': entry<{ flags: string; value: string; choices: string }>({
    en: (p) =>
      `error: option '${p.flags}' argument '${p.value}' is invalid. Allowed choices are ${p.choices}.`,
    sv: (p) => `fel: värdet '${p.value}' för flaggan '${p.flags}' är ogiltigt. Tillåtna val är ${p.choices}.`,
  }),
  'cli.error.excess-arguments': entry<{ command: string | null; expected: number; received: number }>({
    en: (p) =>
      `error: too many arguments${p.command === null ? '' : ` for '${p.command}'`}. Expected ${p.expected} argument${p.expected === 1 ? '' : 's'} but got ${p.received}.`,
    sv: (p) =>
      `fel: för många argument${p.command === null ? '' : ` till '${p.command}'`}. Väntade ${p.expected} argument men fick ${p.received}.`,
  }),
};

/** The command line's own errors and lines on stderr. */
const CLI_ERRORS = {
  'cli.internal-error': entry<{ message: string; verbose: boolean }>({
    en: (p) => `internal error: ${p.message}${p.verbose ? '' : ' (run with --verbose for details)'}`,
    sv: (p) => `internt fel: ${p.message}${p.verbose ? '' : ' (kör med --verbose för att se detaljer)'}`,
  }),
  'cli.interrupted': h(
    'interrupted; nothing of an unfinished import or demo was kept',
    'avbrutet; inget av en ofullbordad import eller demo sparades',
  ),
  'cli.not-format': entry<{ value: string }>({
    en: (p) => `${JSON.stringify(p.value)} is not a format (expected table, json or csv)`,
    sv: (p) => `${JSON.stringify(p.value)} är inte ett format (väntat table, json eller csv)`,
  }),
  'cli.not-table': entry<{ value: string; names: string | null }>({
    en: (p) =>
      p.names === null
        ? `${JSON.stringify(p.value)} is not a table: this command prints none`
        : `${JSON.stringify(p.value)} is not a table of this output (${p.names})`,
    sv: (p) =>
      p.names === null
        ? `${JSON.stringify(p.value)} är inte en tabell: det här kommandot skriver inte ut någon`
        : `${JSON.stringify(p.value)} är inte en tabell i den här utdatan (${p.names})`,
  }),
  'cli.cannot-write-tables': entry<{ dir: string; detail: string }>({
    en: (p) => `cannot write the tables to ${p.dir}: ${p.detail}`,
    sv: (p) => `kan inte skriva tabellerna till ${p.dir}: ${p.detail}`,
  }),
  'cli.scorecard.save-and-reset': h(
    'give {option:save} or {option:reset}, not both',
    'ange {option:save} eller {option:reset}, inte båda',
  ),
  'cli.scorecard.save-needs-file': h(
    '{option:save} saves the file of {option:scorecard}: give one',
    '{option:save} sparar filen som {option:scorecard} anger: ange en',
  ),
  'cli.model.sbg-needs-file': h(
    'sbg fits on a file of cohort survival counts (period, surviving) or lifetimes (periods, churned): give it with {option:summary}',
    'sbg anpassas på en fil med antal kvarvarande per kohort (period, surviving) eller livslängder (periods, churned): ange den med {option:summary}',
  ),
  'cli.model.sbg-no-calibration': h(
    'does not apply to sbg, which fits on a file',
    'gäller inte sbg, som anpassas på en fil',
  ),
  'cli.serve.cannot-listen': entry<{ host: string; port: number; code: string }>({
    en: (p) =>
      `cannot listen on ${p.host}:${p.port} (${p.code}): choose another {option:port} or {option:host}`,
    sv: (p) =>
      `kan inte lyssna på ${p.host}:${p.port} (${p.code}): välj en annan {option:port} eller {option:host}`,
  }),
  'cli.serve.serving': entry<{ url: string }>({
    en: (p) => `CVM is serving on ${p.url}`,
    sv: (p) => `CVM körs på ${p.url}`,
  }),
  'cli.serve.stopping': h('stopping the server', 'stoppar servern'),
  'cli.user.no-terminal': h(
    'no terminal to ask for the password on: use {option:passwordStdin}',
    'ingen terminal att fråga efter lösenordet på: använd {option:passwordStdin}',
  ),
  'cli.user.password-prompt': entry<{ username: string }>({
    en: (p) => `password for ${p.username}: `,
    sv: (p) => `lösenord för ${p.username}: `,
  }),
  'cli.user.password-again': h('again: ', 'en gång till: '),
  'cli.user.passwords-differ': h(
    'the two passwords differ: nothing was changed',
    'de två lösenorden skiljer sig åt: ingenting ändrades',
  ),
  'cli.start.empty': entry<{ location: string }>({
    en: (p) => `${p.location} holds no data: building the demo data set into it (docs/demo.md)`,
    sv: (p) => `${p.location} innehåller inga data: bygger demodatamängden i den (docs/demo.md)`,
  }),
};

export type HelpKey = keyof typeof CLI_HELP;

export const CLI_MESSAGES = {
  ...CLI_HELP,
  ...CLI_HELP_WITH_PARAMS,
  ...CLI_HELP_PARTS,
  ...CLI_COMMANDER_ERRORS,
  ...CLI_ERRORS,
};
