/**
 * Settings: as-of day, window, tiers, value basis, language, and the money settings (currency, discount rate
 * and WACC in percent), used by every page and kept in this browser.
 */
import { useState, type FormEvent } from 'react';
import { CURRENCIES, fmt } from '../format';
import { percentAsFraction, useSettings, type Settings } from '../settings';

export function SettingsPage() {
  const { t, settings, update } = useSettings();
  const [draft, setDraft] = useState<Settings>(settings);
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update(draft);
    setSaved(true);
  };
  const set = (patch: Partial<Settings>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const rate = (percent: string, fallback: number): string => {
    const given = percentAsFraction(percent);
    return given === undefined
      ? `${fmt(fallback, 'percent', draft.lang)} (${t('rateDefault')})`
      : fmt(Number(given), 'percent', draft.lang);
  };
  return (
    <>
      <h1>{t('settings')}</h1>
      <form className="panel settings" onSubmit={submit} aria-label={t('settings')}>
        <label>
          {t('asOf')}
          <input name="asOf" type="date" value={draft.asOf} onChange={(e) => set({ asOf: e.target.value })} />
          <small>{t('latest')}</small>
        </label>
        <label>
          {t('window')}
          <input
            name="window"
            type="number"
            min={1}
            max={120}
            value={draft.window}
            onChange={(e) => set({ window: e.target.value })}
          />
        </label>
        <label>
          {t('tiersSpec')}
          <input
            name="tiers"
            value={draft.tiers}
            placeholder="Super:5,Top:15,Middle:50,Bottom:30"
            onChange={(e) => set({ tiers: e.target.value })}
          />
          <small>{t('tiersHelp')}</small>
        </label>
        <label>
          {t('valueBasis')}
          <select
            name="value"
            value={draft.value}
            onChange={(e) =>
              set({
                value: e.target.value === 'margin' ? 'margin' : e.target.value === 'clv' ? 'clv' : 'revenue',
              })
            }
          >
            <option value="revenue">{t('revenue')}</option>
            <option value="margin">{t('margin')}</option>
            <option value="clv">{t('predictedClv')}</option>
          </select>
          <small>{t('valueClvHelp')}</small>
        </label>
        <label>
          {t('activityBasis')}
          <select
            name="basis"
            value={draft.basis}
            onChange={(e) =>
              set({
                basis:
                  e.target.value === 'contracts' ? 'contracts' : e.target.value === 'orders' ? 'orders' : '',
              })
            }
          >
            <option value="">{t('basisDefault')}</option>
            <option value="orders">{t('basisOrders')}</option>
            <option value="contracts">{t('basisContracts')}</option>
          </select>
        </label>
        <label>
          {t('language')}
          <select
            name="lang"
            value={draft.lang}
            onChange={(e) => set({ lang: e.target.value === 'sv' ? 'sv' : 'en' })}
          >
            <option value="en">English</option>
            <option value="sv">Svenska</option>
          </select>
        </label>
        <label>
          {t('currency')}
          <select name="currency" value={draft.currency} onChange={(e) => set({ currency: e.target.value })}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c === '' ? t('currencyNone') : c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('discountRate')}
          <input
            name="discountRate"
            type="number"
            min={0}
            max={99.99}
            step="any"
            value={draft.discountRate}
            placeholder="12"
            onChange={(e) => set({ discountRate: e.target.value })}
          />
        </label>
        <label>
          {t('waccPercent')}
          <input
            name="wacc"
            type="number"
            min={0}
            max={99.99}
            step="any"
            value={draft.wacc}
            placeholder="4.8"
            onChange={(e) => set({ wacc: e.target.value })}
          />
          <small>{t('ratesHelp')}</small>
        </label>
        <p data-testid="rates-in-use">
          {t('ratesInUse')}: {rate(draft.discountRate, 0.12)}, {rate(draft.wacc, 0.048)}
        </p>
        <button type="submit">{t('apply')}</button>
        {saved && <p role="status">✓</p>}
        <p>
          <small>{t('settingsStored')}</small>
        </p>
      </form>
    </>
  );
}
