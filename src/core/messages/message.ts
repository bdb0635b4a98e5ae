/**
 * Messages: every sentence CVM shows a user (report notes, import problems, reject reasons, warnings) is a
 * key of the catalogue (`catalogue.ts`) plus typed parameters, rendered in English or Swedish at the face
 * that shows it. Numbers travel as numbers and are formatted in the language's way when rendered
 * (`1,234.5` / `1 234,5`), tier names are translated like the table cells.
 *
 * A use case never builds the sentence itself: it returns `msg('key', { … })`; the CLI renders it with
 * `--lang`, the API with `?lang=`.
 */

export type Lang = 'en' | 'sv';

export const LANGS: readonly Lang[] = ['en', 'sv'];

/** Formatting helpers a template gets, bound to its language. */
export interface MessageFormat {
  lang: Lang;
  /** a number with the language's grouping and decimal separator: `num(1234.5, 1)` = 1,234.5 / 1 234,5 */
  num(value: number, decimals?: number): string;
  /** a fraction as a percentage: `pct(0.886)` = 88.6 % / 88,6 % */
  pct(fraction: number, decimals?: number): string;
  /** a tier name in the language (the default names and deciles are translated, own names kept) */
  tier(name: string): string;
  /** `count` and the singular or plural noun: `count(1, 'customer', 'customers')` = 1 customer */
  count(n: number, one: string, many: string): string;
  /** other messages in this language, joined with `; ` */
  text(messages: Message | readonly Message[]): string;
}

/** How one message reads in each language. */
export type Template<P> = (p: P, f: MessageFormat) => string;
export interface Entry<P> {
  en: Template<P>;
  sv: Template<P>;
}

/**
 * Declares a catalogue entry with parameters `P`; both languages are required by the type. A user value
 * that `quoteValue` (core/errors.ts) cut short ends in `… (N characters)` inside its quotes: the Swedish
 * text says `… (N tecken)` there, with the number the Swedish way.
 */
export function entry<P extends object = Record<never, never>>(e: Entry<P>): Entry<P> {
  return { en: e.en, sv: (p, f) => svCutShort(e.sv(p, f)) };
}

/** `"…… (97 characters)"` in Swedish: `"…… (97 tecken)"`. */
export function svCutShort(text: string): string {
  return text.replace(
    /… \((\d+) characters\)(?=\\?")/g,
    (_, n: string) => `… (${formatNumber(Number(n), 0, 'sv')} tecken)`,
  );
}

/** A message: a catalogue key and its parameters. Rendered to text only at a face. */
export class Message {
  constructor(
    readonly key: string,
    readonly params: Readonly<Record<string, unknown>>,
  ) {}
}

/** Thousands grouped, decimal point (en) or comma (sv); `-0` prints as 0. */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const group = lang === 'sv' ? '\u00a0' : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (fraction ? (lang === 'sv' ? ',' : '.') + fraction : '');
}

const SV_TIERS: Record<string, string> = {
  'Top 15%': 'Topp 15%',
  'Middle 50%': 'Mellan 50%',
  'Bottom 30%': 'Botten 30%',
};

/** A tier name in the language: the default names and deciles are translated, own names kept. */
export function tierName(name: string, lang: Lang): string {
  if (lang === 'en') return name;
  return SV_TIERS[name] ?? name.replace(/^Decile /, 'Decil ').replace(/^Tier /, 'Kategori ');
}

export function messageFormat(lang: Lang, render: (m: Message) => string): MessageFormat {
  const num = (value: number, decimals = 0): string => formatNumber(value, decimals, lang);
  return {
    lang,
    num,
    pct: (fraction, decimals = 1) => `${num(fraction * 100, decimals)} %`,
    tier: (name) => tierName(name, lang),
    count: (n, one, many) => `${num(n)} ${n === 1 ? one : many}`,
    text: (messages) => (messages instanceof Message ? [messages] : messages).map(render).join('; '),
  };
}
