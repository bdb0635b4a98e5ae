/**
 * The shape of generated data: rows of cells in the canonical column order of `KINDS`, and the small
 * formatting helpers the generators share (ids, money rounding, wall-clock timestamps).
 */
import { fromEpochDay } from '../../core/dates';
import type { KindName } from '../../core/kinds';

/** One value: text, ISO day or timestamp text, number (money in kr), boolean, or null for empty. */
export type Cell = string | number | boolean | null;

/** One record, its cells in the order of `KINDS[kind].columns`. */
export type Row = readonly Cell[];

/** Generated rows per kind; kinds the demo does not produce are absent. */
export type DemoTables = Partial<Record<KindName, Row[]>>;

/** An id with a prefix and a zero-padded number at least `width` digits wide: ("C", 7, 6) → "C000007". */
export function makeId(prefix: string, n: number, width: number): string {
  return prefix + String(n).padStart(width, '0');
}

/** Rounds kr to öre (2 decimals), half away from zero, without binary drift (1.005 → 1.01). */
export function roundMoney(kr: number): number {
  const sign = kr < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(kr) * 100 + 1e-7)) / 100;
}

const SECONDS_PER_DAY = 86_400;

/**
 * A wall-clock timestamp "YYYY-MM-DD HH:MM:SS" of `seconds` counted from 1970-01-01 00:00 local time of the
 * business. Pure arithmetic: no time zone is involved, as the store keeps timestamps zone-less.
 */
export function formatTimestamp(seconds: number): string {
  const whole = Math.floor(seconds);
  const day = Math.floor(whole / SECONDS_PER_DAY);
  const rest = whole - day * SECONDS_PER_DAY;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${fromEpochDay(day)} ${two(Math.floor(rest / 3600))}:${two(Math.floor((rest % 3600) / 60))}:${two(rest % 60)}`;
}

/** Seconds from 1970-01-01 00:00 at the start of epoch day `day`. */
export function dayStart(day: number): number {
  return day * SECONDS_PER_DAY;
}
