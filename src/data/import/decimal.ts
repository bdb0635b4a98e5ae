/**
 * Detecting the decimal separator of a file from sample values of its number columns. A value with both
 * `.` and `,` has its decimal separator last (`1.598,37`, `1,598.37`); a value with one of them followed by
 * anything but exactly three digits uses it as decimal separator (`12,5`, `1598.37`). `1,598` and `1.598`
 * say nothing (a thousands separator or three decimals), nor does anything that is not number-like. With
 * no evidence the default is `,` for semicolon-separated files (the European convention) and `.` otherwise;
 * with conflicting evidence the majority wins and the minority rows are rejected with a reason.
 */

export type DecimalSeparator = '.' | ',';

const NUMBER_LIKE = /^[+-]?[\d .,'\u00a0\u202f]*\d$/;

/** The decimal separator `values` use; `fallback` when they do not tell. */
export function detectDecimal(values: Iterable<string>, fallback: DecimalSeparator): DecimalSeparator {
  let dots = 0;
  let commas = 0;
  for (const value of values) {
    const vote = decimalOf(value.trim());
    if (vote === '.') dots++;
    else if (vote === ',') commas++;
  }
  if (dots === commas) return fallback;
  return dots > commas ? '.' : ',';
}

/** Currency codes and symbols around an amount (`99,00 kr`, `$12.50`) and accounting parentheses. */
const MARKERS =
  /^\(|\)$|^(kr\.?|sek|nok|dkk|isk|eur|usd|gbp|chf|\$|€|£)[ \u00a0]*|[ \u00a0]*(kr\.?|sek|nok|dkk|isk|eur|usd|gbp|chf|\$|€|£)$/gi;

function decimalOf(text: string): DecimalSeparator | null {
  const value = text.replace(MARKERS, '');
  // Only values that look like numbers vote; "12,5O" is a typo, not evidence.
  if (!NUMBER_LIKE.test(value)) return null;
  const dot = value.lastIndexOf('.');
  const comma = value.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const at = Math.max(dot, comma);
  if (at < 0) return null;
  const separator = value[at] === '.' ? '.' : ',';
  // A single separator followed by exactly three digits may be a thousands separator.
  const single = value.indexOf(separator) === at;
  if (single && /^\d{3}$/.test(value.slice(at + 1))) return null;
  if (!single) return null; // 1.598.370 or 1,598,370: thousands only
  return separator;
}
