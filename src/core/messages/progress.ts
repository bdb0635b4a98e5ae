/**
 * Progress lines and notes of long operations: the demo build (`cvm demo`, `cvm start`), the import's phase
 * lines (`cvm import --verbose`, the dashboard's Data page while an upload runs) and the parts `cvm summary`
 * leaves out. Kinds, file names and option names stay as written: they are what the user types.
 */
import { entry, Message, type MessageFormat } from './message';

/**
 * An error's text inside a note: its message (or, for an error written as text, that text) with the
 * option's name spelt by the face before it and every `{option:name}` spelt as `spelt` says.
 */
export interface ErrorText {
  text: Message | string;
  /** the option the problem is about, spelt the face's way (`--window`, `window`), or null */
  option: string | null;
  /** how the face spells the options the text points to: `{ asOf: '--as-of' }` */
  spelt: Readonly<Record<string, string>>;
}

function errorText(e: unknown, f: MessageFormat): string {
  if (e instanceof Message) return f.text(e);
  if (typeof e === 'string') return e;
  if (e === null || typeof e !== 'object' || !('text' in e)) return String(e);
  const { text, option, spelt } = e as ErrorText;
  const body = (text instanceof Message ? f.text(text) : String(text)).replace(
    /\{option:(\w+)\}/g,
    (_, name: string) => spelt[name] ?? name,
  );
  return option ? `${option}: ${body}` : body;
}

/** The seconds a step took, the language's way: `1.2 s` / `1,2 s`. */
const secs = (f: MessageFormat, seconds: number): string => `${f.num(seconds, 1)} s`;

export const PROGRESS_MESSAGES = {
  'progress.demo.generating': entry<{ customers: number; seed: number; end: string }>({
    en: (p, f) =>
      `generating ${f.count(p.customers, 'customer', 'customers')} (seed ${p.seed}, ending ${p.end})`,
    sv: (p, f) => `genererar ${f.count(p.customers, 'kund', 'kunder')} (seed ${p.seed}, till ${p.end})`,
  }),
  'progress.demo.loading': entry<{ kind: string; rows: number }>({
    en: (p, f) => `loading ${p.kind} (${f.count(p.rows, 'row', 'rows')})`,
    sv: (p, f) => `laddar ${p.kind} (${f.count(p.rows, 'rad', 'rader')})`,
  }),
  'progress.summary.contracts-left-out': entry<{ reason: Message | ErrorText | string }>({
    en: (p, f) => `contracts left out of the summary: ${errorText(p.reason, f)}`,
    sv: (p, f) => `avtalen är utelämnade ur sammanfattningen: ${errorText(p.reason, f)}`,
  }),
  'progress.summary.key-accounts-left-out': entry<{ reason: Message | ErrorText | string }>({
    en: (p, f) => `key accounts left out of the summary: ${errorText(p.reason, f)}`,
    sv: (p, f) => `nyckelkunderna är utelämnade ur sammanfattningen: ${errorText(p.reason, f)}`,
  }),
  'progress.import.described': entry<{
    format: string;
    delimiter: string | null;
    columnCount: number;
    header: boolean;
  }>({
    en: (p, f) =>
      `${p.format}${p.delimiter === null ? '' : `, delimiter ${p.delimiter}`}, ` +
      `${f.count(p.columnCount, 'column', 'columns')}${p.header ? '' : ', no header'}`,
    sv: (p, f) =>
      `${p.format}${p.delimiter === null ? '' : `, avgränsare ${p.delimiter}`}, ` +
      `${f.count(p.columnCount, 'kolumn', 'kolumner')}${p.header ? '' : ', ingen rubrikrad'}`,
  }),
  'progress.import.reading': entry<{
    file: string;
    description: Message | string;
    decimal: string;
    encoding: string | null;
    blanks: boolean;
  }>({
    en: (p, f) =>
      `reading ${p.file} (${errorText(p.description, f)}; decimal separator "${p.decimal}"` +
      `${p.encoding === null ? '' : `; encoding ${p.encoding}${p.blanks ? '; runs of blanks as one delimiter' : ''}`})`,
    sv: (p, f) =>
      `läser ${p.file} (${errorText(p.description, f)}; decimaltecken "${p.decimal}"` +
      `${p.encoding === null ? '' : `; teckenkodning ${p.encoding}${p.blanks ? '; flera blanksteg i följd som en avgränsare' : ''}`})`,
  }),
  'progress.import.padded': entry<{ file: string }>({
    en: (p) => `rows shorter than the header: reading ${p.file} again, padded`,
    sv: (p) => `rader kortare än rubrikraden: läser ${p.file} igen, utfyllda`,
  }),
  'progress.import.checked': entry<{ rows: number; seconds: number }>({
    en: (p, f) => `read and checked ${f.count(p.rows, 'row', 'rows')} in ${secs(f, p.seconds)}`,
    sv: (p, f) => `läste och kontrollerade ${f.count(p.rows, 'rad', 'rader')} på ${secs(f, p.seconds)}`,
  }),
  'progress.import.validated': entry<{ ok: number; rejected: number; seconds: number }>({
    en: (p, f) => `${f.count(p.ok, 'row', 'rows')} ok, ${f.num(p.rejected)} rejected (${secs(f, p.seconds)})`,
    sv: (p, f) =>
      `${f.count(p.ok, 'rad', 'rader')} ${p.ok === 1 ? 'godkänd' : 'godkända'}, ` +
      `${f.num(p.rejected)} ${p.rejected === 1 ? 'avvisad' : 'avvisade'} (${secs(f, p.seconds)})`,
  }),
  'progress.import.writing': entry<{ rows: number }>({
    en: (p, f) => `writing ${f.count(p.rows, 'row', 'rows')} inside the transaction`,
    sv: (p, f) => `skriver ${f.count(p.rows, 'rad', 'rader')} inom transaktionen`,
  }),
  'progress.import.committed': entry<{ importId: number; seconds: number; rows: number; replaced: number }>({
    en: (p, f) =>
      `committed import ${p.importId} in ${secs(f, p.seconds)}: ${f.count(p.rows, 'row', 'rows')}, ` +
      `${f.num(p.replaced)} of them replacing stored rows`,
    sv: (p, f) =>
      `import ${p.importId} genomförd på ${secs(f, p.seconds)}: ${f.count(p.rows, 'rad', 'rader')}, ` +
      `varav ${f.num(p.replaced)} ersätter lagrade rader`,
  }),
  // sources named in errors about a scorecard or strategy rules that are not a file
  'source.request-body': entry({
    en: () => 'the request body',
    sv: () => 'anropets innehåll',
  }),
  'source.saved-scorecard': entry({
    en: () => 'the saved scorecard',
    sv: () => 'det sparade poängkortet',
  }),
  'source.default-rules': entry({
    en: () => 'the default rules (they name the default tiers; give a rules file for other tiers)',
    sv: () => 'standardreglerna (de namnger standardkategorierna; ange en regelfil för andra kundkategorier)',
  }),
  // the page the server shows when the dashboard is not built (HTML: it goes into that page only)
  'server.not-built': entry({
    en: () =>
      'The dashboard is not built (there is no dist/web/index.html): run <code>npm run build</code>. ' +
      'The API answers under <a href="/api/openapi.json">/api</a>.',
    sv: () =>
      'Instrumentpanelen är inte byggd (dist/web/index.html saknas): kör <code>npm run build</code>. ' +
      'API:et svarar under <a href="/api/openapi.json">/api</a>.',
  }),
};
