/**
 * Number formatting for the UI language (Swedish: space thousands, decimal comma). Money carries the
 * currency of the settings (an ISO 4217 code) when one is set, and is a plain number otherwise: the data
 * itself has no currency. CSV exports always hold raw numbers.
 */
import type { Lang } from './i18n';

const cache = new Map<string, Intl.NumberFormat>();

/** The currencies the settings offer; '' shows money as plain numbers. */
export const CURRENCIES = ['', 'SEK', 'EUR', 'USD', 'GBP', 'NOK', 'DKK'] as const;

let moneyCurrency = '';

/** Sets the currency money is shown in (the settings do, when they load or change). */
export function setMoneyCurrency(code: string): void {
  moneyCurrency = (CURRENCIES as readonly string[]).includes(code) ? code : '';
}

function nf(lang: Lang, decimals: number, currency = ''): Intl.NumberFormat {
  const key = `${lang}:${decimals}:${currency}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      ...(currency === '' ? {} : { style: 'currency', currency }),
    });
    cache.set(key, f);
  }
  return f;
}

export type Kind = 'text' | 'int' | 'money' | 'decimal' | 'percent' | 'date';

/** A value as the UI shows it; null and undefined are an en dash (undefined figures are null, see docs). */
export function fmt(value: unknown, kind: Kind, lang: Lang, decimals?: number): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return JSON.stringify(value);
  if (!Number.isFinite(value)) return '–';
  switch (kind) {
    case 'int':
      return nf(lang, 0).format(value);
    case 'money':
      return nf(lang, decimals ?? 0, moneyCurrency).format(value);
    case 'percent':
      return `${nf(lang, decimals ?? 1).format(value * 100)} %`;
    case 'decimal':
      return nf(lang, decimals ?? 2).format(value);
    default:
      return String(value);
  }
}
