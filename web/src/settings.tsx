/**
 * The report settings every page uses (as-of day, window, tiers, value basis) and the UI language, kept in
 * the browser's local storage. They are sent as query parameters named as the server's option fields.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Lang, LabelKey } from './i18n';
import { label } from './i18n';

export interface Settings {
  asOf: string;
  window: string;
  tiers: string;
  value: 'revenue' | 'margin';
  /** who counts as active: customers with orders (default) or with a running contract; empty = the default */
  basis: '' | 'orders' | 'contracts';
  lang: Lang;
}

const DEFAULTS: Settings = { asOf: '', window: '12', tiers: '', value: 'revenue', basis: '', lang: 'en' };
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

/** The report query parameters of the current settings (`tiers` left out when empty: the report's default). */
export function reportQuery(s: Settings): Record<string, string | undefined> {
  return {
    asOf: s.asOf || undefined,
    window: s.window,
    tiers: s.tiers || undefined,
    value: s.value,
    basis: s.basis || undefined,
  };
}
