/**
 * Shared helpers of the table views and the commands: bilingual labels, tier names in the output language,
 * columns.
 */
import type { Column, Label, Lang } from '../output';

/** A label in English and Swedish. */
export const l = (en: string, sv: string): { en: string; sv: string } => ({ en, sv });

const SV_TIERS: Record<string, string> = {
  'Top 15%': 'Topp 15%',
  'Middle 50%': 'Mellan 50%',
  'Bottom 30%': 'Botten 30%',
};

/** A tier name in the output language: the default names and deciles are translated, own names kept. */
export function tierLabel(name: string, lang: Lang): string {
  if (lang === 'en') return name;
  return SV_TIERS[name] ?? name.replace(/^Decile /, 'Decil ').replace(/^Tier /, 'Segment ');
}

export const col = (key: string, label: Label, type: Column['type'], decimals?: number): Column =>
  decimals === undefined ? { key, label, type } : { key, label, type, decimals };
