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
