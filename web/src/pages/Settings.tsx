/** Settings: as-of day, window, tiers, value basis and language, used by every page. */
import { useState, type FormEvent } from 'react';
import { useSettings, type Settings } from '../settings';

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
            onChange={(e) => set({ value: e.target.value === 'margin' ? 'margin' : 'revenue' })}
          >
            <option value="revenue">{t('revenue')}</option>
            <option value="margin">{t('margin')}</option>
          </select>
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
        <button type="submit">{t('apply')}</button>
        {saved && <p role="status">✓</p>}
      </form>
    </>
  );
}
