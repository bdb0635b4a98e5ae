/**
 * Loyalty what-if: retention up or down by some points per tier → CLV and portfolio value (the server's
 * simulate retention), and what a loyal customer is worth against an ordinary one (simulate loyal).
 */
import { useState } from 'react';
import { ChartPanel, Notes } from '../components/ChartPanel';
import type { Col } from '../components/DataTable';
import { Slider, useDebounced } from '../components/Slider';
import { Load } from '../components/Status';
import { fmt } from '../format';
import { tierName } from '../i18n';
import { reportQuery, useSettings } from '../settings';
import type { SimulateRetention } from '../types';
import { useApi } from '../use-api';

interface LoyalResult {
  ordinary: { perYear: number; lifetime: number };
  loyal: { perYear: number; lifetime: number };
  difference: number;
  change: number | null;
}

export function WhatIfPage() {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const [delta, setDelta] = useState(5);
  const d = useDebounced(delta);
  const sim = useApi<SimulateRetention>('simulate/retention', { ...reportQuery(settings), delta: d });
  const [loyal, setLoyal] = useState({
    frequency: 4,
    basket: 500,
    years: 2.5,
    loyalFrequency: 5,
    loyalBasket: 600,
    loyalYears: 3,
  });
  const l = useDebounced(loyal);
  const loyalResult = useApi<LoyalResult>('simulate/loyal', l);
  const set = (k: keyof typeof loyal) => (v: number) => setLoyal((s) => ({ ...s, [k]: v }));
  return (
    <>
      <h1>{t('whatIf')}</h1>
      <Slider label={t('delta')} value={delta} min={-20} max={20} step={1} onChange={setDelta} />
      <Load result={sim}>
        {(r) => {
          const rows = [
            ...r.tiers.map((x) => ({ ...x, tier: tierName(x.tier, lang) })),
            { tier: t('total'), ...r.total },
          ];
          const cols: Col[] = [
            { key: 'tier', header: t('tier'), kind: 'text' },
            { key: 'retention', header: t('retentionRate'), kind: 'percent' },
            {
              key: 'newRetention',
              header: `${t('retentionRate')} (${t('newValue').toLowerCase()})`,
              kind: 'percent',
            },
            { key: 'value', header: t('portfolioValue'), kind: 'money' },
            { key: 'newValue', header: t('newValue'), kind: 'money' },
            { key: 'change', header: t('change'), kind: 'percent' },
          ];
          return (
            <ChartPanel
              title={`${t('portfolioValue')}: ${delta > 0 ? '+' : ''}${r.deltaPoints} p.p.`}
              csvName="what-if-retention"
              columns={cols}
              rows={rows}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 100, right: 20, top: 40, bottom: 40 },
                xAxis: { type: 'category', data: r.tiers.map((x) => tierName(x.tier, lang)) },
                yAxis: { type: 'value' },
                series: [
                  { type: 'bar', name: t('portfolioValue'), data: r.tiers.map((x) => x.value) },
                  { type: 'bar', name: t('newValue'), data: r.tiers.map((x) => x.newValue) },
                ],
              }}
            >
              <p>
                {t('total')}: {fmt(r.total.value, 'money', lang)} →{' '}
                <strong>{fmt(r.total.newValue, 'money', lang)}</strong> (
                {fmt(r.total.change, 'percent', lang)})
              </p>
              <Notes notes={r.notes} />
            </ChartPanel>
          );
        }}
      </Load>
      <section className="panel" aria-label={t('wiLoyalTitle')}>
        <h2>{t('wiLoyalTitle')}</h2>
        <div className="slider-grid">
          <Slider
            label={t('wiFrequency')}
            value={loyal.frequency}
            min={0}
            max={20}
            step={0.5}
            onChange={set('frequency')}
          />
          <Slider
            label={t('wiBasket')}
            value={loyal.basket}
            min={0}
            max={5000}
            step={50}
            onChange={set('basket')}
          />
          <Slider
            label={t('wiYears')}
            value={loyal.years}
            min={0}
            max={20}
            step={0.5}
            onChange={set('years')}
          />
          <Slider
            label={t('wiLoyalFrequency')}
            value={loyal.loyalFrequency}
            min={0}
            max={20}
            step={0.5}
            onChange={set('loyalFrequency')}
          />
          <Slider
            label={t('wiLoyalBasket')}
            value={loyal.loyalBasket}
            min={0}
            max={5000}
            step={50}
            onChange={set('loyalBasket')}
          />
          <Slider
            label={t('wiLoyalYears')}
            value={loyal.loyalYears}
            min={0}
            max={20}
            step={0.5}
            onChange={set('loyalYears')}
          />
        </div>
        <Load result={loyalResult}>
          {(r) => (
            <p>
              {t('wiLifetime')}: {fmt(r.ordinary.lifetime, 'money', lang)} →{' '}
              <strong>{fmt(r.loyal.lifetime, 'money', lang)}</strong> (+{fmt(r.difference, 'money', lang)},{' '}
              {fmt(r.change, 'percent', lang)})
            </p>
          )}
        </Load>
      </section>
    </>
  );
}
