/**
 * Complaints KPI table views: headline figures, first response and backlog, causes, monthly trend; with
 * tiers asked for, the figures, first response and top causes per value tier and the retention of complainants against the others.
 */
import { NOT_ACTIVE_TIER, type ServiceByTier, type ServiceReport } from '../../app/reports/service';
import type { GroupRetention } from '../../core/service/complainant-retention';
import { formatNumber, type Lang, type Printable, type TableView } from '../output';
import { inBoth, l, col, tierLabel } from './labels';

export function servicePrintable(r: ServiceReport, lang: Lang): Printable {
  const targeted =
    Object.keys(r.targets.byCategory).length > 0 || Object.keys(r.targets.byPriority).length > 0;
  const within = targeted
    ? l('Resolved within target', 'Lösta inom mål')
    : l(`Resolved ≤ ${r.targetHours} h`, `Lösta ≤ ${r.targetHours} h`);
  const b = r.businessHours;
  const clock =
    b === null
      ? { en: '', sv: '' }
      : l(
          `, business hours ${weekdays(b.workingDays, 'en')} ${b.opens}–${b.closes}`,
          `, kontorstimmar ${weekdays(b.workingDays, 'sv')} ${b.opens}–${b.closes}`,
        );
  const rules = targets(r);
  return {
    json: r,
    tables: [
      {
        name: 'complaints',
        title: l(
          `Complaints, as of ${r.asOf} (${r.windowMonths} months, ${r.timeZone}${clock.en})`,
          `Reklamationer, per ${r.asOf} (${r.windowMonths} månader, ${r.timeZone}${clock.sv})`,
        ),
        columns: [
          col('complaints', l('Complaints', 'Reklamationer'), 'int'),
          col('resolved', l('Resolved', 'Lösta'), 'int'),
          col('open', l('Open', 'Öppna'), 'int'),
          col('ratePer1000Customers', l('Per 1,000 customers', 'Per 1 000 kunder'), 'decimal', 1),
          col('ratePer1000Orders', l('Per 1,000 orders', 'Per 1 000 order'), 'decimal', 1),
          col('resolvedWithinTarget', within, 'percent'),
          col('medianResolutionHours', l('Median h', 'Median h'), 'decimal', 1),
          col('meanResolutionHours', l('Mean h', 'Medel h'), 'decimal', 1),
          col('p90ResolutionHours', l('P90 h', 'P90 h'), 'decimal', 1),
        ],
        rows: [{ ...r }],
        ...(rules === null ? {} : { notes: [rules] }),
      },
      {
        name: 'distribution',
        title: l('Resolution time distribution', 'Fördelning av lösningstid'),
        columns: [
          col('hours', l('Hours', 'Timmar'), 'text'),
          col('complaints', l('Complaints', 'Reklamationer'), 'int'),
          col('share', l('Share', 'Andel'), 'percent'),
        ],
        rows: r.resolutionDistribution.map((b) => ({
          ...b,
          hours: b.toHours === null ? `> ${b.fromHours}` : `${b.fromHours}–${b.toHours}`,
        })),
      },
      {
        name: 'response',
        title: l('First response and open backlog', 'Första svar och öppna ärenden'),
        columns: [
          col('responseMedian', l('First response median h', 'Första svar median h'), 'decimal', 1),
          col('responseP90', l('First response P90 h', 'Första svar P90 h'), 'decimal', 1),
          col('awaiting', l('Awaiting response', 'Väntar på svar'), 'int'),
          col('backlog', l('Open backlog', 'Öppna ärenden'), 'int'),
          col('ageMedian', l('Age median h', 'Ålder median h'), 'decimal', 1),
          col('ageMax', l('Age max h', 'Ålder max h'), 'decimal', 1),
        ],
        rows: [
          {
            responseMedian: r.firstResponse.medianHours,
            responseP90: r.firstResponse.p90Hours,
            awaiting: r.firstResponse.awaiting,
            backlog: r.openBacklog.open,
            ageMedian: r.openBacklog.ageMedianHours,
            ageMax: r.openBacklog.ageMaxHours,
          },
        ],
      },
      {
        name: 'outcomes',
        title: l('Complainants and outcomes', 'Reklamanter och utfall'),
        columns: [
          col('complainants', l('Complainants', 'Reklamanter'), 'int'),
          col('repeat', l('Repeat complainants', 'Återkommande'), 'int'),
          col('repeatShare', l('Repeat share', 'Andel återkommande'), 'percent'),
          col('accepted', l('Accepted', 'Godkända'), 'int'),
          col('refused', l('Refused', 'Avslagna'), 'int'),
          col('acceptedShare', l('Accepted share', 'Andel godkända'), 'percent'),
          col('satisfaction', l('Satisfaction after (1–5)', 'Nöjdhet efteråt (1–5)'), 'decimal'),
        ],
        rows: [
          {
            ...r.repeat,
            ...r.outcomes,
            satisfaction: r.satisfactionAfterResolution.mean,
          },
        ],
      },
      {
        name: 'causes',
        title: l('Causes (Pareto)', 'Orsaker (Pareto)'),
        columns: [
          col('cause', l('Cause', 'Orsak'), 'text'),
          col('complaints', l('Complaints', 'Reklamationer'), 'int'),
          col('share', l('Share', 'Andel'), 'percent'),
          col('cumulativeShare', l('Cumulative', 'Kumulativ'), 'percent'),
          col('vital', l('Vital few', 'De få viktiga'), 'text'),
        ],
        rows: r.causes.map((c) => ({ ...c, vital: c.vitalFew ? l('yes', 'ja')[lang] : '' })),
      },
      {
        name: 'trend',
        title: l('Monthly trend (month of opening)', 'Månadstrend (öppningsmånad)'),
        columns: [
          col('month', l('Month', 'Månad'), 'date'),
          col('opened', l('Opened', 'Öppnade'), 'int'),
          col('resolved', l('Resolved', 'Lösta'), 'int'),
          col('medianResolutionHours', l('Median h', 'Median h'), 'decimal', 1),
          col('withinTargetShare', within, 'percent'),
        ],
        rows: r.trend.map((m) => ({ ...m })),
        notes: r.notes,
      },
      ...(r.byTier === null ? [] : tierTables(r.byTier, within, lang)),
    ],
  };
}

function tierTables(b: ServiceByTier, within: { en: string; sv: string }, lang: Lang): TableView[] {
  const name = (tier: string): string =>
    tier === NOT_ACTIVE_TIER ? l('not active', 'ej aktiva')[lang] : tierLabel(tier, lang);
  const group = (g: GroupRetention, prefix: string): Record<string, unknown> => ({
    [`${prefix}Customers`]: g.customers,
    [`${prefix}Retention`]: g.retention,
  });
  const yesNo = (x: boolean | null): string =>
    x === null ? '' : x ? l('yes', 'ja')[lang] : l('no', 'nej')[lang];
  return [
    {
      name: 'tiers',
      title: l('Complaints per value tier', 'Reklamationer per kundkategori'),
      columns: [
        col('tier', l('Tier', 'Kundkategori'), 'text'),
        col('customers', l('Customers', 'Kunder'), 'int'),
        col('complainants', l('Complainants', 'Reklamanter'), 'int'),
        col('complaints', l('Complaints', 'Reklamationer'), 'int'),
        col('ratePer1000Customers', l('Per 1,000 customers', 'Per 1 000 kunder'), 'decimal', 1),
        col('medianResolutionHours', l('Median h', 'Median h'), 'decimal', 1),
        col('resolvedWithinTarget', within, 'percent'),
        col('satisfactionAfterResolution', l('Satisfaction after (1–5)', 'Nöjdhet efteråt (1–5)'), 'decimal'),
      ],
      rows: b.tiers.map((t) => ({ ...t, tier: name(t.tier) })),
    },
    {
      name: 'tier-response',
      title: l('First response per value tier', 'Första svar per kundkategori'),
      columns: [
        col('tier', l('Tier', 'Kundkategori'), 'text'),
        col('n', l('Answered', 'Besvarade'), 'int'),
        col('medianHours', l('Median h', 'Median h'), 'decimal', 1),
        col('meanHours', l('Mean h', 'Medel h'), 'decimal', 1),
        col('p90Hours', l('P90 h', 'P90 h'), 'decimal', 1),
      ],
      rows: b.tiers.map((t) => ({ tier: name(t.tier), ...t.firstResponse })),
    },
    {
      name: 'tier-causes',
      title: l('Top causes per value tier', 'Vanligaste orsakerna per kundkategori'),
      columns: [
        col('tier', l('Tier', 'Kundkategori'), 'text'),
        col('rank', l('Rank', 'Rang'), 'int'),
        col('cause', l('Cause', 'Orsak'), 'text'),
        col('complaints', l('Complaints', 'Reklamationer'), 'int'),
        col('share', l('Share of tier', 'Andel av kategorin'), 'percent'),
      ],
      rows: b.tiers.flatMap((t) => t.causes.map((c, k) => ({ tier: name(t.tier), rank: k + 1, ...c }))),
    },
    {
      name: 'complainants',
      title: l(
        `Retention of complainants vs others (active ${b.retention.previous.startExclusive} – ${b.retention.previous.endInclusive}, by that window's tier)`,
        `Kundbehållning för reklamanter och övriga (aktiva ${b.retention.previous.startExclusive} – ${b.retention.previous.endInclusive}, per det fönstrets segment)`,
      ),
      columns: [
        col('tier', l('Tier', 'Kundkategori'), 'text'),
        col('complainantsCustomers', l('Complainants', 'Reklamanter'), 'int'),
        col('complainantsRetention', l('Retention', 'Kundbehållning'), 'percent'),
        col('othersCustomers', l('Others', 'Övriga'), 'int'),
        col('othersRetention', l('Retention', 'Kundbehållning'), 'percent'),
        col('difference', l('Difference', 'Skillnad'), 'percent'),
        col('pValue', l('p', 'p'), 'decimal', 3),
        col('significant', l('Significant', 'Signifikant'), 'text'),
      ],
      rows: [
        ...b.retention.tiers.map((t) => ({ ...t, tier: name(t.tier) })),
        { ...b.retention.total, tier: l('Total', 'Totalt')[lang] },
      ].map((t) => ({
        tier: t.tier,
        ...group(t.complainants, 'complainants'),
        ...group(t.others, 'others'),
        difference: t.difference,
        pValue: t.test.pValue,
        significant: yesNo(t.test.significant),
      })),
      totals: [b.retention.tiers.length],
    },
  ];
}

const DAY_NAMES = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  sv: ['mån', 'tis', 'ons', 'tors', 'fre', 'lör', 'sön'],
};

/** Working days as runs: Mon–Fri, Mon–Thu, Sat. */
function weekdays(days: readonly number[], lang: Lang): string {
  const names = DAY_NAMES[lang];
  const runs: string[] = [];
  for (let i = 0; i < days.length;) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j += 1;
    const [a, b] = [names[days[i]! - 1]!, names[days[j]! - 1]!];
    runs.push(i === j ? a : `${a}–${b}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/** The targets line: default, per priority, per category; null when only the default is set. */
function targets(r: ServiceReport): { en: string; sv: string } | null {
  const list = (m: Record<string, number>, lang: Lang): string =>
    Object.entries(m)
      .map(([k, v]) => `${k} ${formatNumber(v, Number.isInteger(v) ? 0 : 1, lang)} h`)
      .join(', ');
  const byPriority = Object.keys(r.targets.byPriority).length > 0;
  const byCategory = Object.keys(r.targets.byCategory).length > 0;
  const holidays = r.businessHours?.holidays ?? [];
  if (!byPriority && !byCategory && holidays.length === 0) return null;
  return inBoth((lang) => {
    const sv = lang === 'sv';
    return [
      sv
        ? `mål: ${formatNumber(r.targetHours, 0, lang)} h som standard`
        : `targets: ${formatNumber(r.targetHours, 0, lang)} h by default`,
      ...(byPriority
        ? [`${sv ? 'per prioritet' : 'per priority'}: ${list(r.targets.byPriority, lang)}`]
        : []),
      ...(byCategory ? [`${sv ? 'per kategori' : 'per category'}: ${list(r.targets.byCategory, lang)}`] : []),
      ...(holidays.length > 0 ? [`${sv ? 'helgdagar' : 'holidays'}: ${holidays.join(', ')}`] : []),
    ].join('; ');
  });
}
