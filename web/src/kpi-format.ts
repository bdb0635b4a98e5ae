/** A KPI value in its unit, for cards and the KPI board. */
import { fmt } from './format';
import type { Lang } from './i18n';

export function kpiValue(value: number | null | undefined, unit: string, lang: Lang): string {
  switch (unit) {
    case 'fraction':
      return fmt(value, 'percent', lang);
    case 'money':
      return fmt(value, 'money', lang);
    case 'count':
      return fmt(value, 'int', lang);
    case 'nps-points':
    case 'hours':
    case 'years':
    case 'per-1000':
      return fmt(value, 'decimal', lang, 1);
    default:
      return fmt(value, 'decimal', lang, 2);
  }
}
