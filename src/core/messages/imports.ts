/**
 * Import messages: the reasons a row is rejected (in the rejects file and the first problems an import
 * shows), the problems and warnings of an import, and the errors of a file that cannot be imported.
 *
 * Reject reasons (`reject.*`) are produced by the SQL checks as a key and text parameters and rendered
 * in the asked language when the rejects file is written, by SQL built from these templates. Their
 * templates therefore use every parameter as given (no number formatting, no choice on a parameter's
 * value): `REJECT_PARAMS` lists each reason's parameters in the order the SQL gives them.
 */
import { entry, type Entry, type Message } from './message';

type P<K extends string> = Readonly<Record<K, string>>;

/** Reject reasons: every parameter is text, used as given (see above). */
export const REJECT_MESSAGES = {
  'reject.row-too-long': entry<P<'bytes'>>({
    en: (p) => `row is ${p.bytes} bytes long; rows over 4194304 bytes (4 MiB) are rejected`,
    sv: (p) => `raden är ${p.bytes} byte lång; rader över 4194304 byte (4 MiB) avvisas`,
  }),
  'reject.missing': entry<P<never>>({
    en: () => 'missing value (required)',
    sv: () => 'värde saknas (obligatoriskt)',
  }),
  'reject.not-one-of': entry<P<'value' | 'values'>>({
    en: (p) => `${p.value} is not one of ${p.values}`,
    sv: (p) => `${p.value} är inte något av ${p.values}`,
  }),
  'reject.not-boolean': entry<P<'value'>>({
    en: (p) => `${p.value} is not a boolean (expected true/false, yes/no, ja/nej, 1/0, y/n)`,
    sv: (p) => `${p.value} är inte ett sanningsvärde (väntat true/false, yes/no, ja/nej, 1/0, y/n)`,
  }),
  'reject.no-such-day': entry<P<'value'>>({
    en: (p) => `${p.value} is not a valid date (no such day)`,
    sv: (p) => `${p.value} är inte ett giltigt datum (dagen finns inte)`,
  }),
  'reject.not-date': entry<P<'value'>>({
    en: (p) => `${p.value} is not a date (expected YYYY-MM-DD)`,
    sv: (p) => `${p.value} är inte ett datum (väntat ÅÅÅÅ-MM-DD)`,
  }),
  'reject.no-such-time': entry<P<'value'>>({
    en: (p) => `${p.value} is not a valid timestamp (no such day)`,
    sv: (p) => `${p.value} är inte en giltig tidpunkt (dagen finns inte)`,
  }),
  'reject.not-timestamp': entry<P<'value'>>({
    en: (p) => `${p.value} is not a timestamp (expected YYYY-MM-DD HH:MM[:SS])`,
    sv: (p) => `${p.value} är inte en tidpunkt (väntat ÅÅÅÅ-MM-DD TT:MM[:SS])`,
  }),
  'reject.not-number': entry<P<'value'>>({
    en: (p) => `${p.value} is not a number`,
    sv: (p) => `${p.value} är inte ett tal`,
  }),
  'reject.not-number-comma': entry<P<'value'>>({
    en: (p) => `${p.value} is not a number (decimal separator ",")`,
    sv: (p) => `${p.value} är inte ett tal (decimaltecken ",")`,
  }),
  'reject.not-whole': entry<P<'value'>>({
    en: (p) => `${p.value} is not a whole number`,
    sv: (p) => `${p.value} är inte ett heltal`,
  }),
  'reject.too-many-decimals': entry<P<'value' | 'decimals' | 'places'>>({
    en: (p) =>
      `${p.value} has ${p.decimals} decimals; the store keeps ${p.places} (the round option rounds them)`,
    sv: (p) =>
      `${p.value} har ${p.decimals} decimaler; lagret sparar ${p.places} (flaggan round avrundar dem)`,
  }),
  'reject.too-large': entry<P<'value'>>({
    en: (p) => `${p.value} is too large`,
    sv: (p) => `${p.value} är för stort`,
  }),
  'reject.out-of-range': entry<P<'value' | 'low' | 'high'>>({
    en: (p) => `${p.value} is out of range (expected ${p.low}–${p.high})`,
    sv: (p) => `${p.value} ligger utanför intervallet (väntat ${p.low}–${p.high})`,
  }),
  'reject.out-of-range-for': entry<P<'value' | 'kind' | 'low' | 'high'>>({
    en: (p) => `${p.value} is out of range for ${p.kind} (expected ${p.low}–${p.high})`,
    sv: (p) => `${p.value} ligger utanför intervallet för ${p.kind} (väntat ${p.low}–${p.high})`,
  }),
  'reject.below': entry<P<'value' | 'low'>>({
    en: (p) => `${p.value} is out of range (expected at least ${p.low})`,
    sv: (p) => `${p.value} ligger utanför intervallet (väntat minst ${p.low})`,
  }),
  'reject.above': entry<P<'value' | 'high'>>({
    en: (p) => `${p.value} is out of range (expected at most ${p.high})`,
    sv: (p) => `${p.value} ligger utanför intervallet (väntat högst ${p.high})`,
  }),
  'reject.before': entry<P<'value' | 'column' | 'other'>>({
    en: (p) => `${p.value} is before ${p.column} ${p.other}`,
    sv: (p) => `${p.value} är före ${p.column} ${p.other}`,
  }),
  'reject.duplicate': entry<P<'column' | 'value' | 'first'>>({
    en: (p) => `duplicate ${p.column} ${p.value} (first on row ${p.first})`,
    sv: (p) => `dubblett av ${p.column} ${p.value} (först på rad ${p.first})`,
  }),
  'reject.duplicate-key': entry<P<'key' | 'first'>>({
    en: (p) => `duplicate key ${p.key} (first on row ${p.first})`,
    sv: (p) => `dubblett av nyckeln ${p.key} (först på rad ${p.first})`,
  }),
  'reject.field-count': entry<P<'found' | 'expected'>>({
    en: (p) => `has ${p.found} fields, expected ${p.expected}`,
    sv: (p) => `har ${p.found} fält, väntat ${p.expected}`,
  }),
  'reject.one-field': entry<P<'expected'>>({
    en: (p) => `has 1 field, expected ${p.expected}`,
    sv: (p) => `har 1 fält, väntat ${p.expected}`,
  }),
  'reject.invalid-utf8': entry<P<'byte' | 'offset'>>({
    en: (p) => `invalid UTF-8 (byte ${p.byte} at offset ${p.offset}); the file must be UTF-8`,
    sv: (p) => `ogiltig UTF-8 (byte ${p.byte} vid position ${p.offset}); filen måste vara UTF-8`,
  }),
  'reject.invalid-utf8-somewhere': entry<P<never>>({
    en: () => 'invalid UTF-8; the file must be UTF-8',
    sv: () => 'ogiltig UTF-8; filen måste vara UTF-8',
  }),
  'reject.line-too-long': entry<P<'bytes'>>({
    en: (p) => `line is ${p.bytes} bytes long; lines over 4194304 bytes (4 MiB) are rejected`,
    sv: (p) => `raden är ${p.bytes} byte lång; rader över 4194304 byte (4 MiB) avvisas`,
  }),
  'reject.unclosed-quote': entry<P<never>>({
    en: () => 'a quoted field is never closed (it runs to the end of the file)',
    sv: () => 'ett citerat fält stängs aldrig (det löper till filens slut)',
  }),
  'reject.text-after-quote': entry<P<never>>({
    en: () => 'text after a closing quote (quote whole fields; write a quote inside one as "")',
    sv: () =>
      'text efter ett avslutande citattecken (citera hela fält; skriv ett citattecken i ett fält som "")',
  }),
  'reject.unreadable': entry<P<'detail'>>({
    en: (p) => `cannot be read as CSV: ${p.detail}`,
    sv: (p) => `kan inte läsas som CSV: ${p.detail}`,
  }),
};

export type RejectKey = keyof typeof REJECT_MESSAGES;
type RejectParams<K extends RejectKey> =
  (typeof REJECT_MESSAGES)[K] extends Entry<infer X> ? keyof X & string : never;

/** Each reject reason's parameters, in the order the SQL that produces it gives them. */
export const REJECT_PARAMS: { readonly [K in RejectKey]: readonly RejectParams<K>[] } = {
  'reject.row-too-long': ['bytes'],
  'reject.missing': [],
  'reject.not-one-of': ['value', 'values'],
  'reject.not-boolean': ['value'],
  'reject.no-such-day': ['value'],
  'reject.not-date': ['value'],
  'reject.no-such-time': ['value'],
  'reject.not-timestamp': ['value'],
  'reject.not-number': ['value'],
  'reject.not-number-comma': ['value'],
  'reject.not-whole': ['value'],
  'reject.too-many-decimals': ['value', 'decimals', 'places'],
  'reject.too-large': ['value'],
  'reject.out-of-range': ['value', 'low', 'high'],
  'reject.out-of-range-for': ['value', 'kind', 'low', 'high'],
  'reject.below': ['value', 'low'],
  'reject.above': ['value', 'high'],
  'reject.before': ['value', 'column', 'other'],
  'reject.duplicate': ['column', 'value', 'first'],
  'reject.duplicate-key': ['key', 'first'],
  'reject.field-count': ['found', 'expected'],
  'reject.one-field': ['expected'],
  'reject.invalid-utf8': ['byte', 'offset'],
  'reject.invalid-utf8-somewhere': [],
  'reject.line-too-long': ['bytes'],
  'reject.unclosed-quote': [],
  'reject.text-after-quote': [],
  'reject.unreadable': ['detail'],
};

/** The rejects file's header in each language. */
export const REJECTS_HEADER = {
  en: ['row', 'line', 'column', 'value', 'reason'],
  sv: ['rad', 'rad i filen', 'kolumn', 'värde', 'orsak'],
} as const;

/** Problems and warnings of an import, and the errors of a file that cannot be imported. */
export const IMPORT_MESSAGES = {
  ...REJECT_MESSAGES,
  'import.problem': entry<{
    file: string;
    row: number;
    line: number | null;
    sheet: boolean;
    column: string | null;
    reason: Message;
  }>({
    en: (p, f) =>
      `${p.file} row ${p.row}${p.line === null ? '' : ` (${p.sheet ? 'sheet row' : 'line'} ${p.line})`}` +
      `${p.column === null ? '' : `, column ${p.column}`}: ${f.text(p.reason)}`,
    sv: (p, f) =>
      `${p.file} rad ${p.row}${p.line === null ? '' : ` (${p.sheet ? 'bladets rad' : 'rad i filen'} ${p.line})`}` +
      `${p.column === null ? '' : `, kolumn ${p.column}`}: ${f.text(p.reason)}`,
  }),
  'import.future-rows': entry<{ file: string; n: number; today: string; latest: string }>({
    en: (p) =>
      `${p.file}: ${p.n} row${p.n === 1 ? ' is' : 's are'} dated after today (${p.today}), the latest ${p.latest}; ` +
      'they were imported, and reports leave them out of the default as-of day',
    sv: (p, f) =>
      `${p.file}: ${f.count(p.n, 'rad är', 'rader är')} daterade efter i dag (${p.today}), den senaste ${p.latest}; ` +
      'de importerades, och rapporterna lämnar dem utanför standarddagen för mätning',
  }),
  'import.all-rejected': entry<{
    file: string;
    n: number;
    rejectsPath: string;
    firstProblem: Message | readonly Message[];
  }>({
    en: (p, f) =>
      `${p.file}: all ${p.n} row${p.n === 1 ? ' was' : 's were'} rejected, nothing imported; rejects → ${p.rejectsPath}; first: ${f.text(p.firstProblem)}`,
    sv: (p, f) =>
      `${p.file}: alla ${f.count(p.n, 'rad', 'rader')} avvisades, inget importerades; avvisade → ${p.rejectsPath}; första: ${f.text(p.firstProblem)}`,
  }),
  'import.strict-rejected': entry<{
    file: string;
    n: number;
    rejectsPath: string;
    firstProblem: Message | readonly Message[];
  }>({
    en: (p, f) =>
      `${p.file}: ${p.n} row${p.n === 1 ? '' : 's'} rejected, nothing imported ({option:strict}); rejects → ${p.rejectsPath}; first: ${f.text(p.firstProblem)}`,
    sv: (p, f) =>
      `${p.file}: ${f.count(p.n, 'rad', 'rader')} avvisade, inget importerades ({option:strict}); avvisade → ${p.rejectsPath}; första: ${f.text(p.firstProblem)}`,
  }),
  'import.see-rejects': entry<{ rejectsPath: string }>({
    en: (p) => `… see ${p.rejectsPath} for all problems`,
    sv: (p) => `… se ${p.rejectsPath} för alla problem`,
  }),
  'import.warning': entry<{ warning: Message }>({
    en: (p, f) => `warning: ${f.text(p.warning)}`,
    sv: (p, f) => `varning: ${f.text(p.warning)}`,
  }),
  'import.earlier-kept': entry<{ ids: string }>({
    en: (p) =>
      `earlier import ${p.ids} of this file was made before rows recorded their import; its rows stay`,
    sv: (p) =>
      `tidigare import ${p.ids} av samma fil gjordes innan rader fick sitt import-id; dess rader finns kvar`,
  }),
  'import.earlier-beside': entry<{ ids: string }>({
    en: (p) =>
      `earlier import ${p.ids} of this file still has rows beside these; use --replace to replace it, or cvm imports undo`,
    sv: (p) =>
      `tidigare import ${p.ids} av samma fil har rader kvar bredvid dessa; använd --replace för att ersätta dem, eller cvm imports undo`,
  }),
  'import.assessment-not-saved': entry<{ problems: readonly Message[] }>({
    en: (p, f) => `the assessment was not saved: ${f.text(p.problems)}`,
    sv: (p, f) => `bedömningen sparades inte: ${f.text(p.problems)}`,
  }),
  'undo.nothing-imported': entry<{ importId: number }>({
    en: (p) => `no import ${p.importId}: nothing has been imported yet`,
    sv: (p) => `ingen import ${p.importId}: inget har importerats än`,
  }),
  'undo.no-such-import': entry<{ importId: number; last: number }>({
    en: (p) => `no import ${p.importId} (the imports are numbered 1–${p.last})`,
    sv: (p) => `ingen import ${p.importId} (importerna är numrerade 1–${p.last})`,
  }),
  'undo.already-undone': entry<{ importId: number; ended: string }>({
    en: (p) => `import ${p.importId} was already undone (${p.ended}); nothing changed`,
    sv: (p) => `import ${p.importId} är redan ångrad (${p.ended}); inget ändrades`,
  }),
  'undo.already-replaced': entry<{ importId: number; by: number; ended: string }>({
    en: (p) => `import ${p.importId} was replaced by import ${p.by} (${p.ended}); its rows are gone already`,
    sv: (p) => `import ${p.importId} ersattes av import ${p.by} (${p.ended}); dess rader är redan borta`,
  }),
  'undo.untracked': entry<{ importId: number }>({
    en: (p) =>
      `import ${p.importId} was made before rows recorded their import, so its rows cannot be told apart ` +
      `from other imports' rows; import the file again with {option:replace} to replace them`,
    sv: (p) =>
      `import ${p.importId} gjordes innan rader fick sitt import-id, så dess rader kan inte skiljas från ` +
      `andra importers rader; importera filen igen med {option:replace} för att ersätta dem`,
  }),
  'import.no-rows': entry<{ file: string }>({
    en: (p) => `${p.file}: no data rows (only a header)`,
    sv: (p) => `${p.file}: inga datarader (bara en rubrikrad)`,
  }),
  'import.no-records': entry<{ file: string }>({
    en: (p) => `${p.file}: no data rows (no records)`,
    sv: (p) => `${p.file}: inga datarader (inga poster)`,
  }),
  'import.cannot-write-rejects': entry<{ path: string; detail: string }>({
    en: (p) => `cannot write the rejects file ${p.path}: ${p.detail}`,
    sv: (p) => `kan inte skriva filen med avvisade rader ${p.path}: ${p.detail}`,
  }),
  'file.directory': entry<{ path: string }>({
    en: (p) => `${p.path} is a directory, not a file`,
    sv: (p) => `${p.path} är en katalog, inte en fil`,
  }),
  'file.not-found': entry<{ path: string }>({
    en: (p) => `cannot read ${p.path}: no such file`,
    sv: (p) => `kan inte läsa ${p.path}: filen finns inte`,
  }),
  'file.permission': entry<{ path: string }>({
    en: (p) => `cannot read ${p.path}: permission denied`,
    sv: (p) => `kan inte läsa ${p.path}: åtkomst nekad`,
  }),
  'file.cannot-read': entry<{ path: string; detail: string }>({
    en: (p) => `cannot read ${p.path}: ${p.detail}`,
    sv: (p) => `kan inte läsa ${p.path}: ${p.detail}`,
  }),
  'file.empty': entry<{ file: string }>({
    en: (p) => `${p.file} is empty`,
    sv: (p) => `${p.file} är tom`,
  }),
  'file.sheet-empty': entry<{ file: string; sheet: string | null }>({
    en: (p) =>
      `${p.file}: ${p.sheet === null ? 'the first sheet' : `sheet ${JSON.stringify(p.sheet)}`} is empty`,
    sv: (p) =>
      `${p.file}: ${p.sheet === null ? 'första bladet' : `bladet ${JSON.stringify(p.sheet)}`} är tomt`,
  }),
  'file.no-sheet': entry<{ file: string; sheet: string; sheets: string }>({
    en: (p) => `${p.file}: no sheet ${JSON.stringify(p.sheet)} (sheets: ${p.sheets || 'none'})`,
    sv: (p) => `${p.file}: inget blad ${JSON.stringify(p.sheet)} (blad: ${p.sheets || 'inga'})`,
  }),
  'file.no-worksheets': entry<{ file: string }>({
    en: (p) => `${p.file} has no worksheets`,
    sv: (p) => `${p.file} har inga kalkylblad`,
  }),
  'file.cannot-read-as': entry<{ file: string; format: string; detail: string }>({
    en: (p) => `${p.file}: cannot read it as ${p.format} (${p.detail})`,
    sv: (p) => `${p.file}: kan inte läsa den som ${p.format} (${p.detail})`,
  }),
  'file.upload-too-large': entry<{ file: string; bytes: number }>({
    en: (p) => `${p.file}: the upload is larger than ${p.bytes} bytes`,
    sv: (p) => `${p.file}: uppladdningen är större än ${p.bytes} byte`,
  }),
  'file.upload-broke': entry<{ file: string; detail: string }>({
    en: (p) => `${p.file}: the upload broke off: ${p.detail}`,
    sv: (p) => `${p.file}: uppladdningen avbröts: ${p.detail}`,
  }),
  'file.header-too-long': entry<{ file: string; bytes: number }>({
    en: (p) => `${p.file}: the header line is longer than ${p.bytes} bytes`,
    sv: (p) => `${p.file}: rubrikraden är längre än ${p.bytes} byte`,
  }),
  'file.header-utf8': entry<{ file: string; byte: string; offset: number }>({
    en: (p) =>
      `${p.file} line 1 (the header): invalid UTF-8 (byte ${p.byte} at offset ${p.offset}); save the file as UTF-8`,
    sv: (p) =>
      `${p.file} rad 1 (rubrikraden): ogiltig UTF-8 (byte ${p.byte} vid position ${p.offset}); spara filen som UTF-8`,
  }),
  'file.one-column-header': entry<{ file: string; delimiter: string; header: string }>({
    en: (p) =>
      `${p.file}: the header has one column with delimiter ${p.delimiter} (${p.header}); ` +
      'give {option:delimiter} (whitespace for runs of blanks, tab, space, or the character between columns)',
    sv: (p) =>
      `${p.file}: rubrikraden har en kolumn med avgränsaren ${p.delimiter} (${p.header}); ` +
      'ange {option:delimiter} (whitespace för följder av blanktecken, tab, space eller tecknet mellan kolumnerna)',
  }),
  'file.rows-unreadable': entry<{ file: string; n: number; delimiter: string; first: string }>({
    en: (p) =>
      `${p.file}: ${p.n} rows could not be read as CSV with delimiter ${p.delimiter} (first: ${p.first}); ` +
      'check {option:delimiter}, and that the file is UTF-8',
    sv: (p, f) =>
      `${p.file}: ${f.count(p.n, 'rad', 'rader')} kunde inte läsas som CSV med avgränsaren ${p.delimiter} (första: ${p.first}); ` +
      'kontrollera {option:delimiter} och att filen är UTF-8',
  }),
  'file.headerless-csv-only': entry<{ file: string; format: string }>({
    en: (p) => `${p.file}: a file without a header ({option:columns}) can be CSV only, not ${p.format}`,
    sv: (p) => `${p.file}: en fil utan rubrikrad ({option:columns}) kan bara vara CSV, inte ${p.format}`,
  }),
  'file.json-not-objects': entry<{ file: string }>({
    en: (p) => `${p.file}: expected objects with one key per column, one per record`,
    sv: (p) => `${p.file}: väntade objekt med en nyckel per kolumn, ett per post`,
  }),
  'file.json-malformed': entry<{ file: string; detail: string }>({
    en: (p) => `${p.file}: malformed JSON ${p.detail}`,
    sv: (p) => `${p.file}: felaktig JSON ${p.detail}`,
  }),
  'file.json-broken-line': entry<{
    file: string;
    line: number;
    last: boolean;
    record: number;
    detail: string;
  }>({
    en: (p) =>
      `${p.file}: malformed JSON in line ${p.line}${p.last ? ' (the last line)' : ''}, record ${p.record}: ${p.detail}`,
    sv: (p) =>
      `${p.file}: felaktig JSON på rad ${p.line}${p.last ? ' (sista raden)' : ''}, post ${p.record}: ${p.detail}`,
  }),
  'file.unknown-format': entry<{ path: string; extension: string; expected: string }>({
    en: (p) =>
      `${p.path}: cannot tell the format from the extension ${JSON.stringify(p.extension)} (expected ${p.expected}); use {option:inputFormat}`,
    sv: (p) =>
      `${p.path}: formatet framgår inte av filändelsen ${JSON.stringify(p.extension)} (väntat ${p.expected}); använd {option:inputFormat}`,
  }),
  'map.unknown-column': entry<{ column: string; header: string; kind: string; known: string }>({
    en: (p) =>
      `${p.column}=${p.header}: ${JSON.stringify(p.column)} is not a column of ${p.kind} (expected one of ${p.known})`,
    sv: (p) =>
      `${p.column}=${p.header}: ${JSON.stringify(p.column)} är inte en kolumn i ${p.kind} (väntat något av ${p.known})`,
  }),
  'map.no-header': entry<{ file: string; column: string; header: string; headers: string }>({
    en: (p) =>
      `${p.file}: mapping ${p.column}=${p.header}: no column ${JSON.stringify(p.header)} in the file (columns found: ${p.headers})`,
    sv: (p) =>
      `${p.file}: mappningen ${p.column}=${p.header}: ingen kolumn ${JSON.stringify(p.header)} i filen (kolumner som finns: ${p.headers})`,
  }),
  'map.missing-required': entry<{
    file: string;
    n: number;
    columns: readonly Message[];
    headers: string;
    example: string;
  }>({
    en: (p, f) =>
      `${p.file}: missing required column${p.n > 1 ? 's' : ''} ${f.text(p.columns)}; columns found: ${p.headers}; ` +
      `use {option:map} ${p.example}=<header> if it has another name`,
    sv: (p, f) =>
      `${p.file}: obligatorisk${p.n > 1 ? 'a kolumner' : ' kolumn'} saknas: ${f.text(p.columns)}; kolumner som finns: ${p.headers}; ` +
      `använd {option:map} ${p.example}=<rubrik> om den heter något annat`,
  }),
  'map.accepted-names': entry<{ column: string; names: string }>({
    en: (p) => `${p.column} (accepted names: ${p.names})`,
    sv: (p) => `${p.column} (godtagna namn: ${p.names})`,
  }),
};
