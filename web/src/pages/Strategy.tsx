/**
 * Customer strategy: the value × loyalty heatmap (customers and value per cell), the lifecycle phases per
 * tier, and (for analysts) the next-best-action list with filters by trigger, segment, tier and channel
 * and an export of the whole filtered list; every figure of the three reports below as tables.
 */
import { useState } from 'react';
import { get, type Session } from '../api';
import { ChartPanel, Notes, TablePanel } from '../components/ChartPanel';
import type { Col } from '../components/DataTable';
import { JsonTables } from '../components/JsonTables';
import { Load } from '../components/Status';
import { toCsv } from '../csv';
import { download } from '../download';
import { fmt } from '../format';
import type { LabelKey } from '../i18n';
import { useSettings } from '../settings';
import { useApi } from '../use-api';

interface MatrixCell {
  tier: string;
  loyalty: 'high' | 'medium' | 'low';
  segment: string;
  customers: number;
  value: number;
  customerShare: number | null;
  valueShare: number | null;
}
interface SegmentsJson {
  matrix: MatrixCell[];
  notes: string[];
}
interface LifecycleJson {
  phases: { phase: string; customers: number; share: number | null; byTier: Record<string, number> }[];
}
interface Suggestion {
  rank: number;
  customerId: string;
  trigger: string;
  segment: string;
  tier: string | null;
  action: string;
  channel: string;
  valueAtStake: number;
  reason: string;
  id: string;
}
interface ActionsJson {
  total: number;
  suggested: number;
  suggestions: Suggestion[];
  choices: { triggers: string[]; segments: string[]; tiers: string[]; channels: string[] };
  notes: string[];
}

const LEVELS = ['high', 'medium', 'low'] as const;

function Heatmap() {
  const { t, settings } = useSettings();
  const result = useApi<SegmentsJson>('segments', { asOf: settings.asOf || undefined });
  return (
    <Load result={result}>
      {(json) => {
        const tiers = [...new Set(json.matrix.map((c) => c.tier))];
        const data = json.matrix.map((c) => [LEVELS.indexOf(c.loyalty), tiers.indexOf(c.tier), c.customers]);
        const byCell = new Map(json.matrix.map((c) => [`${c.loyalty}|${c.tier}`, c]));
        const max = Math.max(1, ...json.matrix.map((c) => c.customers));
        const columns: Col[] = [
          { key: 'tier', header: t('tier'), kind: 'text' },
          { key: 'loyaltyLabel', header: t('loyalty'), kind: 'text' },
          { key: 'segment', header: t('segment'), kind: 'text' },
          { key: 'customers', header: t('customers'), kind: 'int' },
          { key: 'value', header: t('value'), kind: 'money' },
          { key: 'customerShare', header: t('customerShare'), kind: 'percent' },
          { key: 'valueShare', header: t('valueShare'), kind: 'percent' },
        ];
        return (
          <ChartPanel
            title={t('valueLoyaltyHeatmap')}
            csvName="value-loyalty"
            columns={columns}
            rows={json.matrix.map((c) => ({ ...c, loyaltyLabel: t(`loyalty${c.loyalty}` as LabelKey) }))}
            height={80 + 60 * tiers.length}
            option={{
              tooltip: { position: 'top' },
              grid: { left: 110, right: 20, top: 10, bottom: 70 },
              xAxis: {
                type: 'category',
                name: t('loyalty'),
                data: LEVELS.map((l) => t(`loyalty${l}` as LabelKey)),
              },
              yAxis: { type: 'category', data: tiers, inverse: true },
              visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
              series: [
                {
                  type: 'heatmap',
                  data,
                  label: {
                    show: true,
                    fontSize: 10,
                    formatter: (p: { value: number[] }) => {
                      const cell = byCell.get(`${LEVELS[p.value[0] ?? 0]}|${tiers[p.value[1] ?? 0]}`);
                      return cell
                        ? `${cell.segment}\n${fmt(cell.customers, 'int', settings.lang)} · ${fmt(cell.value, 'money', settings.lang)}`
                        : '';
                    },
                  },
                },
              ],
            }}
          />
        );
      }}
    </Load>
  );
}

function Phases() {
  const { t, settings } = useSettings();
  const result = useApi<LifecycleJson>('lifecycle', { asOf: settings.asOf || undefined });
  return (
    <Load result={result}>
      {(json) => {
        const tiers = Object.keys(json.phases[0]?.byTier ?? {});
        const phaseLabel = (p: string) => t(`phase${p}` as LabelKey);
        const tierLabel = (name: string) => (name === 'inactive' ? t('inactive') : name);
        const rows = json.phases.map((p) => ({ phaseLabel: phaseLabel(p.phase), ...p, ...p.byTier }));
        return (
          <ChartPanel
            title={t('phaseChart')}
            csvName="lifecycle-phases"
            columns={[
              { key: 'phaseLabel', header: t('phase'), kind: 'text' },
              { key: 'customers', header: t('customers'), kind: 'int' },
              { key: 'share', header: t('customerShare'), kind: 'percent' },
              ...tiers.map((name): Col => ({ key: name, header: tierLabel(name), kind: 'int' })),
            ]}
            rows={rows}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 70, right: 20, top: 40, bottom: 40 },
              xAxis: { type: 'category', data: rows.map((r) => r.phaseLabel) },
              yAxis: { type: 'value', name: t('customers') },
              series: tiers.map((name) => ({
                type: 'bar',
                stack: 'phases',
                name: tierLabel(name),
                data: json.phases.map((p) => p.byTier[name] ?? 0),
              })),
            }}
          />
        );
      }}
    </Load>
  );
}

type Filters = { trigger: string; segment: string; tier: string; channel: string };
const NO_FILTERS: Filters = { trigger: '', segment: '', tier: '', channel: '' };

function Actions() {
  const { t, settings } = useSettings();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const query = { asOf: settings.asOf || undefined, lang: settings.lang, ...filters };
  const result = useApi<ActionsJson>('actions', query);
  const columns: Col[] = [
    { key: 'rank', header: t('rank'), kind: 'int' },
    { key: 'customerId', header: t('customer'), kind: 'text' },
    { key: 'trigger', header: t('trigger'), kind: 'text' },
    { key: 'segment', header: t('segment'), kind: 'text' },
    { key: 'tier', header: t('tier'), kind: 'text' },
    { key: 'action', header: t('action'), kind: 'text' },
    { key: 'channel', header: t('channel'), kind: 'text' },
    { key: 'valueAtStake', header: t('valueAtStake'), kind: 'money' },
    { key: 'reason', header: t('reason'), kind: 'text' },
    { key: 'id', header: 'id', kind: 'text' },
  ];
  const [exporting, setExporting] = useState(false);
  const exportAll = async (total: number) => {
    setExporting(true);
    try {
      const all = await get<ActionsJson>('actions', { ...query, limit: Math.max(1, total) });
      download(
        'next-best-actions.csv',
        toCsv(columns, all.suggestions as unknown as Record<string, unknown>[], settings.lang),
      );
    } finally {
      setExporting(false);
    }
  };
  return (
    <Load result={result}>
      {(json) => {
        const select = (key: keyof Filters, label: LabelKey, values: string[]) => (
          <label>
            {t(label)}
            <select
              value={filters[key]}
              onChange={(e) => setFilters((f) => ({ ...f, [key]: e.target.value }))}
            >
              <option value="">{t('allValues')}</option>
              {values.map((v) => (
                <option key={v} value={v}>
                  {v === 'inactive' ? t('inactive') : v}
                </option>
              ))}
            </select>
          </label>
        );
        return (
          <TablePanel
            title={t('actions')}
            csvName="next-best-actions-shown"
            columns={columns}
            rows={json.suggestions as unknown as Record<string, unknown>[]}
          >
            <div className="form-row" aria-label="filters">
              {select('trigger', 'trigger', json.choices.triggers)}
              {select('segment', 'segment', json.choices.segments)}
              {select('tier', 'tier', json.choices.tiers)}
              {select('channel', 'channel', json.choices.channels)}
              <button type="button" disabled={exporting} onClick={() => void exportAll(json.total)}>
                {t('exportFiltered')}
              </button>
            </div>
            <p data-testid="actions-total">
              {fmt(json.total, 'int', settings.lang)} {t('suggestionsShown')} ({json.suggestions.length})
            </p>
            <Notes notes={json.notes} />
          </TablePanel>
        );
      }}
    </Load>
  );
}

function Details({ path, title, lang }: { path: string; title: string; lang?: string }) {
  const { settings } = useSettings();
  const result = useApi<unknown>(path, { asOf: settings.asOf || undefined, ...(lang ? { lang } : {}) });
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <Load result={result}>{(json) => <JsonTables json={json} name={path} />}</Load>
    </section>
  );
}

export function StrategyPage({ session }: { session: Session }) {
  const { t } = useSettings();
  const analyst = session.user.role === 'admin' || session.user.role === 'analyst';
  return (
    <>
      <h1>{t('strategy')}</h1>
      <Heatmap />
      <Phases />
      {analyst && <Actions />}
      <h2>{t('strategyDetails')}</h2>
      <Details path="segments" title={t('segments')} />
      <Details path="lifecycle" title={t('lifecycle')} />
    </>
  );
}
