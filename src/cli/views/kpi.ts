/**
 * KPI board table views: the catalogue with its targets (`kpi list`), the status board (`kpi status`) and
 * the quality of each KPI (`kpi quality`).
 */
import type { KpiListEntry, KpiStatusReport } from '../../app/kpi/board';
import type { KpiQualityReport } from '../../app/kpi/quality';
import { addDays } from '../../core/dates';
import type { Target } from '../../core/kpi/targets';
import type { Lang, Printable } from '../output';
import { col, l } from './labels';
import { msg } from '../../core/messages/catalogue';

function targetText(target: Target | undefined): string {
  if (target === undefined) return '';
  return target.kind === 'value' ? String(target.value) : `${target.low}..${target.high}`;
}

export function kpiListPrintable(list: KpiListEntry[], lang: Lang): Printable {
  return {
    json: list,
    tables: [
      {
        name: 'kpis',
        title: l('KPI catalogue and targets', 'KPI-katalog och mål'),
        columns: [
          col('id', l('KPI', 'KPI'), 'text'),
          col('label', l('Name', 'Namn'), 'text'),
          col('unit', l('Unit', 'Enhet'), 'text'),
          col('target', l('Target', 'Mål'), 'text'),
          col('deadline', l('Deadline', 'Deadline'), 'text'),
          col('owner', l('Owner', 'Ägare'), 'text'),
        ],
        rows: list.map((k) => ({
          id: k.id,
          label: k.label[lang],
          unit: k.unit,
          target: targetText(k.goal?.target),
          deadline: k.goal?.deadline ?? '',
          owner: k.goal?.owner ?? '',
        })),
      },
    ],
  };
}

const STATUS = {
  'on-track': l('on track', 'i fas'),
  'at-risk': l('at risk', 'i riskzonen'),
  'off-track': l('off track', 'ur fas'),
};

export function kpiStatusPrintable(r: KpiStatusReport, lang: Lang): Printable {
  return {
    json: r,
    tables: [
      {
        name: 'status',
        title: l(
          `KPI board, as of ${r.asOf} (${r.windowMonths} months)`,
          `KPI-tavla, per ${r.asOf} (${r.windowMonths} månader)`,
        ),
        columns: [
          col('label', l('KPI', 'KPI'), 'text'),
          col('current', l('Value', 'Värde'), 'decimal', 3),
          col('previous', l('Previous', 'Föregående'), 'decimal', 3),
          col('target', l('Target', 'Mål'), 'text'),
          col('deadline', l('Deadline', 'Deadline'), 'text'),
          col('owner', l('Owner', 'Ägare'), 'text'),
          col('status', l('Status', 'Status'), 'text'),
          col('trend', l('Trend', 'Trend'), 'text'),
        ],
        rows: r.rows.map((row) => ({
          label: row.label[lang],
          current: row.current,
          previous: row.previous,
          target: targetText(row.target),
          deadline: row.deadline,
          owner: row.owner,
          status: row.status === null ? '' : STATUS[row.status][lang],
          trend: row.trend ?? '',
        })),
        notes: [
          ...r.rows.flatMap((row) =>
            row.note === null ? [] : [msg('kpi.row-note', { id: row.id, note: row.note })],
          ),
          ...r.warnings,
        ],
      },
    ],
  };
}

export function kpiQualityPrintable(r: KpiQualityReport, lang: Lang): Printable {
  const { measure, next } = r.windows;
  const first = (w: { startExclusive: string }): string => addDays(w.startExclusive, 1);
  return {
    json: r,
    tables: [
      {
        name: 'quality',
        title: l(
          `KPI quality, as of ${r.asOf} (${r.windowMonths} months)`,
          `KPI-kvalitet, per ${r.asOf} (${r.windowMonths} månader)`,
        ),
        columns: [
          col('label', l('KPI', 'KPI'), 'text'),
          col('value', l('Value', 'Värde'), 'decimal', 3),
          col('n', l('n', 'n'), 'int'),
          col('low', l('95% low', '95 % lägst'), 'decimal', 3),
          col('high', l('95% high', '95 % högst'), 'decimal', 3),
          col('detectable', l('Detectable change', 'Minsta märkbara förändring'), 'decimal', 3),
          col('target', l('Target', 'Mål'), 'text'),
          col('validityGap', l('Gap to target', 'Avstånd till mål'), 'decimal', 3),
          col('auc', l('AUC (active next)', 'AUC (aktiv nästa)'), 'decimal', 3),
          col('laggedCorrelation', l('r (next month revenue)', 'r (nästa månads intäkt)'), 'decimal', 3),
        ],
        rows: r.rows.map((row) => ({
          label: row.label[lang],
          value: row.value,
          n: row.n,
          low: row.interval?.low ?? null,
          high: row.interval?.high ?? null,
          detectable: row.minimumDetectableChange,
          target: row.target === null ? '' : targetText(row.target),
          validityGap: row.validityGap,
          auc: row.auc,
          laggedCorrelation: row.laggedCorrelation,
        })),
        notes: [
          l(
            `AUC: the customer's value ${first(measure)} to ${measure.endInclusive} against buying ${first(next)} to ${next.endInclusive} (0.5 = chance); ` +
              `r: the monthly value against the next month's revenue, ${r.months.count} months; ` +
              'detectable change: 5 % test, 80 % power',
            `AUC: kundens värde ${first(measure)}–${measure.endInclusive} mot köp ${first(next)}–${next.endInclusive} (0,5 = slumpen); ` +
              `r: månadsvärdet mot nästa månads intäkt, ${r.months.count} månader; ` +
              'minsta märkbara förändring: 5 % test, 80 % styrka',
          ),
        ],
      },
    ],
  };
}
