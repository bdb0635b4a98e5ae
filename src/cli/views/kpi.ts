/** KPI board table views: the catalogue with its targets (`kpi list`) and the status board (`kpi status`). */
import type { KpiListEntry, KpiStatusReport } from '../../app/kpi/board';
import type { Target } from '../../core/kpi/targets';
import type { Lang, Printable } from '../output';
import { col, l } from './labels';

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
          ...r.rows.flatMap((row) => (row.note === null ? [] : [`${row.id}: ${row.note}`])),
          ...r.warnings,
        ],
      },
    ],
  };
}
