/**
 * Option problems: `"x" is not a date (expected YYYY-MM-DD)`. The phrases that say what an option takes
 * are written once in English where the option is parsed (`app/options/`); Swedish renders the ones this
 * table knows (and the patterns below) in Swedish, and an unknown phrase as it is.
 */
import { entry, type Message } from './message';

const SV_PHRASES: Readonly<Record<string, string>> = {
  'a rate': 'en ränta',
  'a fraction from 0 to below 1, e.g. 0.048 for 4.8 %': 'en andel från 0 till under 1, t.ex. 0.048 för 4,8 %',
  'a share': 'en andel',
  'a fraction from 0 to 1, e.g. 0.4 for 40 %': 'en andel från 0 till 1, t.ex. 0.4 för 40 %',
  'a file name': 'ett filnamn',
  'a customer id': 'ett kund-id',
  '1–200 characters': '1–200 tecken',
  'true or false': 'true eller false',
  'a kind': 'en datatyp',
  'a format': 'ett format',
  'a delimiter': 'en avgränsare',
  ', ; tab | space, whitespace or one character': ', ; tab | space, whitespace eller ett tecken',
  'a decimal separator': 'ett decimaltecken',
  '. or ,': '. eller ,',
  'an encoding': 'en teckenkodning',
  'a KPI of the catalogue': 'ett KPI i katalogen',
  'a number': 'ett tal',
  'a range': 'ett intervall',
  'a range with low ≤ high': 'ett intervall med lågt ≤ högt',
  'LOW..HIGH with LOW ≤ HIGH': 'LÅG..HÖG med LÅG ≤ HÖG',
  'a name': 'ett namn',
  'a percentage from 0 to 100': 'en procentsats från 0 till 100',
  'a date': 'ett datum',
  'YYYY-MM-DD': 'ÅÅÅÅ-MM-DD',
  'a window length': 'en fönsterlängd',
  'a whole number ≥ 0 or all': 'ett heltal ≥ 0 eller all',
  'a host name or address': 'ett värdnamn eller en adress',
  'a positive number of hours': 'ett positivt antal timmar',
  'an IANA time zone': 'en IANA-tidszon',
  'a list of working days': 'en lista med arbetsdagar',
  'a time': 'en tidpunkt',
  'HH:MM from 00:00 to 24:00': 'TT:MM från 00:00 till 24:00',
  'a list of days': 'en lista med dagar',
  'a list of targets': 'en lista med mål',
  'a positive whole number': 'ett positivt heltal',
  'a language (expected en or sv)': 'ett språk (väntat en eller sv)',
  'a language (en or sv)': 'ett språk (en eller sv)',
  'a value': 'ett värde',
  // app and server
  '1–64 letters, digits, spaces, ".", "_", "-", "\'" or "@", starting with a letter or digit':
    '1–64 bokstäver, siffror, mellanslag, ".", "_", "-", "\'" eller "@", med en bokstav eller siffra först',
  'a CLV': 'ett CLV',
  'a cohort unit': 'en kohortenhet',
  'a date YYYY-MM-DD': 'ett datum ÅÅÅÅ-MM-DD',
  'a date (expected YYYY-MM-DD)': 'ett datum (väntat ÅÅÅÅ-MM-DD)',
  'a file name for the predictions (CSV)': 'ett filnamn för prognoserna (CSV)',
  'a fraction': 'en andel',
  'a loyalty basis': 'en lojalitetsgrund',
  'a model': 'en modell',
  'a password': 'ett lösenord',
  'a purchase model': 'en köpmodell',
  'a relationship strength': 'en relationsstyrka',
  'a revenue source': 'en intäktskälla',
  'a scorecard factor': 'en poängkortsfaktor',
  'a factor of the scorecard': 'en faktor i poängkortet',
  'a text, a number, true or false': 'en text, ett tal, true eller false',
  'a time unit': 'en tidsenhet',
  'a trigger': 'en utlösare',
  'a username': 'ett användarnamn',
  'a role': 'en roll',
  'a value basis': 'en värdegrund',
  'a value measure': 'ett värdemått',
  'an IP address': 'en IP-adress',
  'an activity basis': 'en aktivitetsgrund',
  'an import id (a positive whole number)': 'ett import-id (ett positivt heltal)',
  'an option of bgbb': 'ett alternativ för bgbb',
  'an option of sbg': 'ett alternativ för sbg',
  'an option of value clv': 'ett alternativ för value clv',
  'no calibration end with a summary file': 'inget kalibreringsslut tillsammans med en sammanfattningsfil',
  'a rate above 0': 'en ränta över 0',
  'given only with {option:noHeader}': 'anges endast med {option:noHeader}',
  'a column list': 'en kolumnlista',
  'a CSV file': 'en CSV-fil',
  'no date with bgbb': 'inget datum med bgbb',
  'a summary file': 'en sammanfattningsfil',
  'survival counts or lifetimes': 'antal kvarvarande eller livslängder',
  'revenue or margin on the contract basis': 'revenue eller margin på avtalsgrund',
  'revenue on the contract basis': 'revenue på avtalsgrund',
  'revenue, or margin on transactions that have margins':
    'revenue, eller margin på transaktioner som har marginaler',
  'revenue or margin, or clv on data a model can be fitted to':
    'revenue eller margin, eller clv på data som en modell kan skattas på',
  'invoices, or contracts with an annual_fee column': 'invoices, eller avtal med en annual_fee-kolumn',
  'no value: the API does not read or write files on the server':
    'inget värde: API:et läser och skriver inga filer på servern',
  '1–64 letters, digits, "_" or "-"': '1–64 bokstäver, siffror, "_" eller "-"',
  'a model fitted on the store': 'en modell som skattas på databasen',
  'a model validated on the store': 'en modell som valideras på databasen',
  'comma-separated days YYYY-MM-DD': 'kommaseparerade dagar ÅÅÅÅ-MM-DD',
  'name=hours pairs, comma-separated (e.g. billing=48,delivery=72)':
    'par namn=timmar, kommaseparerade (t.ex. billing=48,delivery=72)',
  'shares in percent that sum to 100, optionally named (Super:5,Top:15,Middle:50,Bottom:30), or deciles':
    'andelar i procent som summerar till 100, valfritt namngivna (Super:5,Top:15,Middle:50,Bottom:30), eller deciles',
  "the proxy's IP addresses, comma-separated, e.g. 127.0.0.1 or 10.0.0.5,10.0.0.6":
    'proxyns IP-adresser, kommaseparerade, t.ex. 127.0.0.1 eller 10.0.0.5,10.0.0.6',
  'the start of a customer id': 'början av ett kund-id',
  'weekdays like mon-fri or mon,tue,thu (or 1-5, 1 = Monday)':
    'veckodagar som mon-fri eller mon,tue,thu (eller 1-5, 1 = måndag)',
  'column=header (e.g. customer_id=KundNr)': 'kolumn=rubrik (t.ex. customer_id=KundNr)',
  'column names separated by commas (e.g. customer_id,order_date,amount)':
    'kolumnnamn åtskilda med kommatecken (t.ex. customer_id,order_date,amount)',
  'one of {option:target} and {option:range}': 'något av {option:target} och {option:range}',
  'a name of at most 200 characters': 'ett namn på högst 200 tecken',
  'WACC or its components, not both': 'WACC eller dess komponenter, inte båda',
  'a username not taken': 'ett användarnamn som inte är upptaget',
  'an existing user': 'en befintlig användare',
  // data and core
  'csv, xlsx, parquet or json': 'csv, xlsx, parquet eller json',
};

const SV_PATTERNS: readonly [RegExp, string][] = [
  [/^a whole number ≥ (\S+)$/, 'ett heltal ≥ $1'],
  [/^a whole number from (\S+) to (\S+)$/, 'ett heltal från $1 till $2'],
  [/^a number ≥ (\S+)$/, 'ett tal ≥ $1'],
  [/^a number from (\S+) to (\S+) \(percentage points\)$/, 'ett tal från $1 till $2 (procentenheter)'],
  [/^whole months from 1 to (\d+), e\.g\. (.+) or 1$/, 'hela månader från 1 till $1, t.ex. $2 eller 1'],
  [/^one of (.+)$/, 'något av $1'],
  [/^e\.g\. (.+)$/, 't.ex. $1'],
  // app and server
  [/^a role \(((?:[\w.-]+, )*[\w.-]+) or ([\w.-]+)\)$/, 'en roll ($1 eller $2)'],
  [/^a KPI of the catalogue \((.+)\)$/, 'ett KPI i katalogen ($1)'],
  [/^at least (\d+) characters$/, 'minst $1 tecken'],
  [/^a password of at least (\d+) characters$/, 'ett lösenord på minst $1 tecken'],
  [/^a time later than the opening time (\S+)$/, 'en tidpunkt senare än öppningstiden $1'],
  [/^a day from (\S+)$/, 'en dag från och med $1'],
  [/^a day whose window holds data \((\S+) to (\S+)\)$/, 'en dag vars fönster innehåller data ($1 till $2)'],
  [/^a number for each factor \((.+)\)$/, 'ett tal för varje faktor ($1)'],
  [/^((?:[\w.-]+, )*[\w.-]+) or ([\w.-]+)$/, '$1 eller $2'],
  // data and core
  [
    /^a step that splits the window into at most (\d+) blocks$/,
    'ett steg som delar fönstret i högst $1 block',
  ],
];

/** A phrase of what an option takes, in Swedish when it is known; else as written. */
export function svPhrase(phrase: string): string {
  const known = SV_PHRASES[phrase];
  if (known !== undefined) return known;
  for (const [pattern, sv] of SV_PATTERNS) if (pattern.test(phrase)) return phrase.replace(pattern, sv);
  return phrase;
}

export const OPTION_MESSAGES = {
  'option.not': entry<{ value: string; what: string; expected: string | null }>({
    en: (p) =>
      `${JSON.stringify(p.value)} is not ${p.what}${p.expected === null ? '' : ` (expected ${p.expected})`}`,
    sv: (p) =>
      `${JSON.stringify(p.value)} är inte ${svPhrase(p.what)}${p.expected === null ? '' : ` (väntat ${svPhrase(p.expected)})`}`,
  }),
  'option.missing': entry<{ expected: string }>({
    en: (p) => `missing (expected ${p.expected})`,
    sv: (p) => `saknas (väntat ${svPhrase(p.expected)})`,
  }),
  'option.did-you-mean': entry<{ detail: string | Message; near: string }>({
    en: (p, f) => `${typeof p.detail === 'string' ? p.detail : f.text(p.detail)}; did you mean ${p.near}?`,
    sv: (p, f) => `${typeof p.detail === 'string' ? p.detail : f.text(p.detail)}; menade du ${p.near}?`,
  }),
};
