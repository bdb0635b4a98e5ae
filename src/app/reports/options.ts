/**
 * Report options as users type them (`--as-of`, `--window`, `--tiers`, `--value`), parsed into core types.
 * Every problem is a `usage` error naming the option, the value and what was expected.
 */
import { parseIsoDay, type IsoDay } from '../../core/dates';
import { CvmError } from '../../core/errors';
import { WINDOW_MONTHS, type ValueMeasure, type WindowMonths } from '../../core/kpi/basis';
import { DECILE_TIERS, DEFAULT_TIERS, PPM, percentText, type Tier } from '../../core/kpi/tiers';

/** Options shared by the value reports, as given on the command line (all optional). */
export interface ReportOptions {
  /** ISO day; default: the latest order date in the store */
  asOf?: string | undefined;
  /** "12" (default), "3" or "1" months */
  window?: string | undefined;
  /** "5,15,50,30", "Super:5,Top:15,Middle:50,Bottom:30" or "deciles" */
  tiers?: string | undefined;
  /** "revenue" (default) or "margin" */
  value?: string | undefined;
}

function usage(message: string): CvmError {
  return new CvmError('usage', message);
}

/** Parses a positive whole-number option (`--years 3`); undefined gives `fallback`. */
export function parsePositiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0)
    throw usage(`${name}: ${JSON.stringify(text)} is not a positive whole number`);
  return n;
}

/** Parses `--as-of`; undefined stays undefined (the report then uses the latest order date). */
export function parseAsOf(text: string | undefined): IsoDay | undefined {
  if (text === undefined) return undefined;
  try {
    return parseIsoDay(text, '--as-of');
  } catch (error) {
    throw usage(error instanceof Error ? error.message : String(error));
  }
}

/** Parses `--window`: 12, 3 or 1 months. */
export function parseWindowMonths(text: string | undefined): WindowMonths {
  if (text === undefined) return 12;
  const months = WINDOW_MONTHS.find((m) => String(m) === text.trim());
  if (months === undefined)
    throw usage(`--window: ${JSON.stringify(text)} is not a window length (expected 12, 3 or 1 months)`);
  return months;
}

/** Parses `--value`: revenue or margin. */
export function parseValueMeasure(text: string | undefined): ValueMeasure {
  if (text === undefined) return 'revenue';
  const value = text.trim().toLowerCase();
  if (value === 'revenue' || value === 'margin') return value;
  throw usage(`--value: ${JSON.stringify(text)} is not a value measure (expected revenue or margin)`);
}

const PERCENT = /^\d+(\.\d{1,4})?$/;

/**
 * Parses `--tiers`: "deciles", or comma-separated shares in percent, each optionally named ("Super:5").
 * Unnamed shares equal to the default cut get the default names; other unnamed tiers are "Tier 1 10%" ….
 * Shares must be positive with at most 4 decimals and sum to exactly 100.
 */
export function parseTiers(text: string | undefined): Tier[] {
  if (text === undefined) return [...DEFAULT_TIERS];
  const spec = text.trim();
  if (spec.toLowerCase() === 'deciles') return [...DECILE_TIERS];
  const parts = spec.split(',').map((part) => {
    const colon = part.lastIndexOf(':');
    const name = colon >= 0 ? part.slice(0, colon).trim() : undefined;
    const share = (colon >= 0 ? part.slice(colon + 1) : part).trim();
    if (!PERCENT.test(share) || Number(share) <= 0)
      throw usage(
        `--tiers: ${JSON.stringify(share)} in ${JSON.stringify(text)} is not a share in percent (e.g. 5 or 12.5)`,
      );
    if (name === '') throw usage(`--tiers: empty tier name in ${JSON.stringify(text)}`);
    return { name, sharePpm: Math.round(Number(share) * 10_000) };
  });
  const total = parts.reduce((s, p) => s + p.sharePpm, 0);
  if (total !== PPM)
    throw usage(
      `--tiers: the shares in ${JSON.stringify(text)} sum to ${percentText(total)} %, expected 100`,
    );
  const isDefault =
    parts.length === DEFAULT_TIERS.length && parts.every((p, i) => p.sharePpm === DEFAULT_TIERS[i]?.sharePpm);
  const tiers = parts.map((p, i) => ({
    name: p.name ?? (isDefault ? DEFAULT_TIERS[i]!.name : `Tier ${i + 1} ${percentText(p.sharePpm)}%`),
    sharePpm: p.sharePpm,
  }));
  const names = new Set(tiers.map((t) => t.name));
  if (names.size !== tiers.length)
    throw usage(`--tiers: tier names in ${JSON.stringify(text)} are not unique`);
  // Flows name their sources and targets by tier name or one of these words.
  const reserved = tiers.find((t) => ['new', 'wonBack', 'lost'].includes(t.name));
  if (reserved)
    throw usage(`--tiers: ${JSON.stringify(reserved.name)} is reserved for flows, name the tier otherwise`);
  return tiers;
}
