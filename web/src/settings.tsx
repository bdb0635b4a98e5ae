/**
 * The report settings every page uses (as-of day, window, tiers, value basis), the money settings (currency,
 * the company's discount rate and WACC) and the UI language. They are kept per browser, in its local storage
 * (docs/api.md, "The dashboard's settings"): nothing about them is stored on the server. They are sent as
 * query parameters named as the server's option fields.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLang } from './api';
import { setMoneyCurrency } from './format';
import type { Lang, LabelKey } from './i18n';
import { label } from './i18n';

export interface Settings {
  asOf: string;
  window: string;
  tiers: string;
  /** clv: predicted CLV, which only the Tiers, Flows and Concentration pages rank by */
  value: 'revenue' | 'margin' | 'clv';
  /** who counts as active: customers with orders (default) or with a running contract; empty = the default */
  basis: '' | 'orders' | 'contracts';
  lang: Lang;
  /** ISO 4217 code money is shown in; empty = plain numbers */
  currency: string;
  /** the company's discount rate in percent (CLV discounting of key accounts); empty = the default 12 % */
  discountRate: string;
  /** WACC in percent; empty = the default 4.8 % */
  wacc: string;
}

const DEFAULTS: Settings = {
  asOf: '',
  window: '12',
  tiers: '',
  value: 'revenue',
  basis: '',
  lang: 'en',
  currency: '',
  discountRate: '',
  wacc: '',
};
const KEY = 'cvm.settings';

function load(): Settings {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? { ...DEFAULTS, ...(JSON.parse(raw) as Partial<Settings>) } : DEFAULTS;
  } catch {
    return DEFAULTS;
  }
}

interface SettingsContextValue {
  settings: Settings;
  update: (next: Partial<Settings>) => void;
  t: (key: LabelKey) => string;
}

const Ctx = createContext<SettingsContextValue | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(load);
  // money is formatted outside React's tree too (CSV-free tables, chart tooltips): set before rendering
  setMoneyCurrency(settings.currency);
  // and the API answers notes and errors in the dashboard's language
  setApiLang(settings.lang);
  const value = useMemo<SettingsContextValue>(
    () => ({
      settings,
      update: (next) =>
        setSettings((s) => {
          const merged = { ...s, ...next };
          localStorage.setItem(KEY, JSON.stringify(merged));
          return merged;
        }),
      t: (key) => label(key, settings.lang),
    }),
    [settings],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSettings(): SettingsContextValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSettings outside SettingsProvider');
  return v;
}

/**
 * The report query parameters of the current settings (`tiers` left out when empty: the report's default).
 * Predicted CLV goes only to the reports that rank by it (`clv`: portfolio, flows, concentration); the others
 * rank by revenue then, as the Settings page says.
 */
export function reportQuery(s: Settings, clv = false): Record<string, string | undefined> {
  return {
    asOf: s.asOf || undefined,
    window: s.window,
    tiers: s.tiers || undefined,
    value: s.value === 'clv' && !clv ? 'revenue' : s.value,
    basis: s.basis || undefined,
  };
}

/** A rate in percent as the API's fraction (`4.8` → `0.048`), or undefined for empty or not a number. */
export function percentAsFraction(percent: string): string | undefined {
  const n = Number(percent.trim().replace(',', '.'));
  if (percent.trim() === '' || !Number.isFinite(n)) return undefined;
  // rounded to the precision a percent with up to 6 decimals has, so 7.2 is 0.072 and not 0.07200000000000001
  return String(Math.round(n * 1e6) / 1e8);
}

/** The query parameters of the key-account reports: the as-of day, the discount rate and WACC. */
export function accountsQuery(s: Settings): Record<string, string | undefined> {
  return {
    asOf: s.asOf || undefined,
    discountRate: percentAsFraction(s.discountRate),
    wacc: percentAsFraction(s.wacc),
  };
}
